package org.zged.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code zged generate} with the ladder flags: the commands and every bad input. */
class GenerateLadderCommandTest {
  @Test
  void orderDesignPrintsTheLadderAndItsMargins() {
    CliRun r =
        CliRun.zged(
            "generate",
            "--type",
            "lowpass",
            "--response",
            "chebyshev",
            "--ripple-db",
            "0.5",
            "--order",
            "5",
            "--fc",
            "1k",
            "--rs",
            "50",
            "--rl",
            "50");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("chebyshev order 5"), r.out());
    assertTrue(r.out().contains("meets mask"), r.out());
    assertTrue(r.out().contains("ripple edge"), r.out());
  }

  @Test
  void maskDesignJsonHasTheAgreedFields() throws Exception {
    CliRun r =
        CliRun.zged(
            "generate",
            "--type",
            "lowpass",
            "--passband",
            "1k",
            "--ripple-db",
            "0.5",
            "--stopband",
            "2.5k",
            "--attenuation-db",
            "40",
            "--json");
    assertEquals(0, r.code(), r.err());
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertTrue(j.has("target"));
    JsonNode c = j.get("candidates").get(0);
    for (String f :
        new String[] {"netlist", "elements", "order", "parts", "margins_db", "meets_target"}) {
      assertTrue(c.has(f), f + " missing in " + c);
    }
    assertTrue(c.get("meets_target").asBoolean());
    assertTrue(c.get("margins_db").get("stopband").asDouble() >= -1e-6);
    // any: the elliptic minimum (scipy ellipord gives 4 for this mask)
    assertTrue(c.get("order").asInt() <= 4, c.toString());
  }

  @Test
  void bandPassAndBandStopMasksWork() {
    CliRun bp =
        CliRun.zged(
            "generate",
            "--passband",
            "9k:11k",
            "--stopband",
            "7k:14k",
            "--ripple-db",
            "0.5",
            "--attenuation-db",
            "40");
    assertEquals(0, bp.code(), bp.err());
    assertTrue(bp.out().contains("Target: bandpass"), bp.out());
    assertTrue(bp.out().contains("[meets mask]"), bp.out());
    CliRun bs =
        CliRun.zged(
            "generate",
            "--type",
            "bandstop",
            "--stopband",
            "9.5k:10.5k",
            "--passband",
            "8k:12k",
            "--ripple-db",
            "0.5",
            "--attenuation-db",
            "40",
            "--response",
            "butterworth");
    assertEquals(0, bs.code(), bs.err());
    assertTrue(bs.out().contains("[meets mask]"), bs.out());
  }

  @Test
  void plotWithTheMaskIsWritten(@TempDir Path dir) {
    Path png = dir.resolve("bode.png");
    CliRun r =
        CliRun.zged(
            "generate",
            "--passband",
            "1k",
            "--stopband",
            "3k",
            "--ripple-db",
            "1",
            "--attenuation-db",
            "30",
            "--plot",
            png.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(Files.isRegularFile(png));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "stopband inside the passband|--stopband|--type lowpass --passband 1k --stopband 800 --ripple-db 0.5 --attenuation-db 40",
        "ripple 0|--ripple-db|--type lowpass --passband 1k --stopband 2k --ripple-db 0 --attenuation-db 40",
        "ripple negative|--ripple-db|--type lowpass --passband 1k --stopband 2k --ripple-db -1 --attenuation-db 40",
        "attenuation below ripple|--attenuation-db|--type lowpass --passband 1k --stopband 2k --ripple-db 3 --attenuation-db 2",
        "order 0|--order|--type lowpass --order 0 --fc 1k",
        "order 21|--order|--type lowpass --order 21 --fc 1k",
        "even chebyshev with Rs = RL|--order|--type lowpass --response chebyshev --ripple-db 0.5 --order 4 --fc 1k --rs 50 --rl 50",
        "negative source|--rs|--type lowpass --order 3 --fc 1k --rs -5",
        "NaN load|--rl|--type lowpass --order 3 --fc 1k --rl nan",
        "bandpass mask with one edge|--passband|--type bandpass --passband 10k --stopband 7k:14k --ripple-db 1 --attenuation-db 30",
        "bandpass stopband overlapping|--stopband|--type bandpass --passband 9k:11k --stopband 10k:14k --ripple-db 1 --attenuation-db 30",
        "ideal source, no load|--rl|--type lowpass --order 3 --fc 1k --rs 0 --rl open",
        "unknown response|--response|--type lowpass --order 3 --fc 1k --response gauss",
        "butterworth order with ripple|--ripple-db|--type lowpass --order 3 --fc 1k --ripple-db 1",
      })
  void badInputIsOneLineNamingTheFlag(String what, String flag, String args) {
    String[] a = ("generate " + args).split(" ");
    CliRun r = CliRun.zged(a);
    assertEquals(2, r.code(), what + ": " + r.out() + r.err());
    String err = r.err().strip();
    assertEquals(1, err.lines().count(), what + ": " + err);
    assertTrue(err.startsWith("error: " + flag + ": "), what + ": " + err);
    assertTrue(r.out().isEmpty(), what + ": printed " + r.out());
  }
}
