package org.zged.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.zged.circuit.Circuit;
import org.zged.netlist.AcSweep;
import org.zged.netlist.NetlistReader;
import org.zged.spice.Ngspice;
import org.zged.spice.NgspiceAc;

/** {@code zged generate} in process: outputs, ngspice check of the written netlist, bad input. */
class GenerateCommandTest {
  @TempDir Path dir;

  @Test
  void theReadmeCommandPrintsAVerifiedCircuitAndWritesItsFiles() throws Exception {
    Path nl = dir.resolve("netlists");
    Path svg = dir.resolve("best.svg");
    Path png = dir.resolve("bode.png");
    CliRun r =
        CliRun.zged(
            "generate",
            "--type",
            "lowpass",
            "--fc",
            "10k",
            "--q",
            "0.707",
            "--netlist-dir",
            nl.toString(),
            "--svg",
            svg.toString(),
            "--plot",
            png.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("Target: lowpass, fc 10 kHz, Q 0.707"), r.out());
    assertTrue(r.out().contains("#1 ") && r.out().contains("[meets target]"), r.out());
    assertTrue(Files.readString(svg).startsWith("<svg"));
    assertTrue(Files.size(png) > 1000);
    Path cir = nl.resolve("candidate-1.cir");
    assertTrue(Files.exists(cir));

    // The written netlist, run by ngspice as is: |H| at 10 kHz is 3 dB below |H| at 10 Hz.
    assumeTrue(Ngspice.available());
    Circuit c = NetlistReader.read(cir, null, null);
    NgspiceAc ac = Ngspice.ac(c, new AcSweep(1, 10, 1e4));
    double ratio = ac.h()[ac.size() - 1].norm() / ac.h()[0].norm();
    assertEquals(1e4, ac.frequencyHz()[ac.size() - 1], 1e-6);
    assertEquals(Math.sqrt(0.5), ratio, Math.sqrt(0.5) * 1e-3);
  }

  @Test
  void constraintsReachTheSearchAndAnImpossibleOneIsExplainedInTheJson() throws Exception {
    CliRun r =
        CliRun.zged(
            "generate",
            "--type",
            "lowpass",
            "--fc",
            "1k",
            "--q",
            "0.93",
            "--max-inductors",
            "0",
            "--max-parts",
            "5",
            "--count",
            "2",
            "--json");
    assertEquals(0, r.code(), r.err());
    var j = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
    assertTrue(j.get("diagnosis").asText().contains("RC-only"), j.toString());
    assertTrue(j.get("diagnosis").asText().contains("0.93"), j.toString());
    assertTrue(j.get("analyses").asInt() > 0);
    for (var c : j.get("candidates")) {
      assertTrue(c.get("parts").asInt() <= 5, c.toString());
      assertFalse(c.get("source").asText().isEmpty());
      for (var e : c.get("elements")) {
        assertFalse(e.get("kind").asText().equals("L"), "RC only: " + c);
      }
    }
  }

  @Test
  void checkNgspiceComparesEveryCandidateWithTheRealSimulator() {
    assumeTrue(Ngspice.available());
    CliRun r =
        CliRun.zged(
            "generate",
            "--type",
            "bandpass",
            "--fc",
            "50k",
            "--q",
            "4",
            "--count",
            "2",
            "--check-ngspice");
    assertEquals(0, r.code(), r.err());
    long agreeing =
        r.out()
            .lines()
            .filter(l -> l.startsWith("ngspice check #") && l.endsWith(", agrees"))
            .count();
    long candidates = r.out().lines().filter(l -> l.matches("#\\d+ .*")).count();
    assertTrue(candidates >= 1, r.out());
    assertEquals(candidates, agreeing, r.out());
  }

  /** |H| at exactly {@code f}, from ngspice running the netlist file. */
  private static double ngspiceMagnitude(Circuit c, double f) {
    NgspiceAc ac = Ngspice.ac(c, new AcSweep(20, f, 2 * f));
    assertEquals(f, ac.frequencyHz()[0], f * 1e-9);
    return ac.h()[0].norm();
  }

  @Test
  void aBandpassNetlistHasItsCentreAndQInNgspice() throws Exception {
    Path nl = dir.resolve("bp");
    CliRun r =
        CliRun.zged(
            "generate",
            "--type",
            "bandpass",
            "--fc",
            "20k",
            "--q",
            "5",
            "--count",
            "1",
            "--netlist-dir",
            nl.toString());
    assertEquals(0, r.code(), r.err());
    assumeTrue(Ngspice.available());
    Circuit c = NetlistReader.read(nl.resolve("candidate-1.cir"), null, null);
    // A second-order band-pass K·s/(s² + s·ω0/Q + ω0²) is 3 dB down from its peak at
    // f0·(√(1 + 1/(4Q²)) ∓ 1/(2Q)); the peak is at f0.
    double f0 = 20e3;
    double q = 5;
    double root = Math.sqrt(1 + 1 / (4 * q * q));
    double peak = ngspiceMagnitude(c, f0);
    assertTrue(peak > ngspiceMagnitude(c, f0 * 1.001) && peak > ngspiceMagnitude(c, f0 / 1.001));
    for (double edge : new double[] {f0 * (root - 1 / (2 * q)), f0 * (root + 1 / (2 * q))}) {
      assertEquals(Math.sqrt(0.5), ngspiceMagnitude(c, edge) / peak, Math.sqrt(0.5) * 1e-3);
    }
  }

  @Test
  void jsonIsOneObjectWithTargetAndCandidates() throws Exception {
    CliRun r =
        CliRun.zged(
            "generate", "--type", "bandstop", "--fc", "50k", "--q", "2", "--count", "2", "--json");
    assertEquals(0, r.code(), r.err());
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertEquals(50e3, j.at("/target/fc_hz").asDouble());
    // Only topologies that can meet the spec are shown; a notch may have just one.
    int n = j.get("candidates").size();
    assertTrue(n >= 1 && n <= 2, r.out());
    JsonNode best = j.at("/candidates/0");
    assertEquals("bandstop", best.at("/achieved/response_class").asText());
    assertTrue(best.at("/error/q").asDouble() < 1e-3, best.toString());
    assertTrue(best.get("netlist").asText().contains(".ac dec"), best.toString());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--fc -5|--fc: ",
        "--fc 10x|--fc: ",
        "--fc 1k --q 0|--q: must be a positive finite number",
        "--fc 1k --q nan|--q: must be a positive finite number",
        "--fc 1k --type wobble|--type: unknown filter type 'wobble'",
        "--fc 1k --e-series E7|--e-series: unknown series 'E7'",
        "--fc 1k --count 0|--count: must be between 1 and 50",
        "--fc 1k --count 100000|--count: must be between 1 and 50",
        "--fc 1k --gain 3|--gain: must be in (0, 1]",
        "--fc 1k --gain abc|--gain: must be a positive finite number",
        "--poles -1000+2000x|--poles: cannot read '-1000+2000x'",
        "--poles 1000|--poles: pole 1000 is not in the left half-plane",
        "--poles -1000+2000j|--poles: pole -1000+2000j has no conjugate",
        "--poles -1000 --zeros 0,1,2|--zeros: 3 zeros but 1 poles",
        "--q 2|--fc: a cutoff/centre frequency is required",
        "--fc 1k --tolerance 150|--tolerance: must be a percentage between 0 and 100",
        "--fc 1k --ged-weight 2|--ged-weight: must be between 0 and 1",
        "--fc 1k --max-parts 0|--max-parts: must be between 1 and 16",
        "--fc 1k --max-inductors -1|--max-inductors: must be between 0 and 16",
        "--fc 1k --r-range 1meg:10|--r-range: inverted or empty range '1meg:10'",
        "--fc 1k --c-range 1n|--c-range: expected LO:HI",
        "--fc 1k --l-range 1m:1u|--l-range: inverted or empty range",
        "--fc 1k --max-inductors 0 --l-range 1u:1m|--l-range: contradicts --max-inductors 0",
      })
  void badInputIsOneLineNamingTheFlagAndWritesNothing(String args, String expected) {
    Path nl = dir.resolve("never");
    String[] argv = ("generate " + args + " --netlist-dir " + nl).split(" ");
    CliRun r = CliRun.zged(argv);
    assertEquals(2, r.code(), r.out() + r.err());
    assertTrue(r.err().startsWith("error: " + expected), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertFalse(Files.exists(nl));
  }
}
