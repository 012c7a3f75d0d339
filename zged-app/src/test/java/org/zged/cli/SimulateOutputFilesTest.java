package org.zged.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --plot} and {@code --csv}: valid files, the right grid, nothing else left behind. */
class SimulateOutputFilesTest {
  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  @TempDir Path dir;

  @Test
  void plotIsAValidPngOfSensibleSizeAndCsvFollowsTheGrid() throws Exception {
    Path png = dir.resolve("bode.png");
    Path csv = dir.resolve("bode.csv");
    SimulateRun run =
        SimulateRun.of(
            "simulate",
            SimulateRun.examples().resolve("rlc_bandpass.cir").toString(),
            "--plot",
            png.toString(),
            "--csv",
            csv.toString(),
            "--points-per-decade",
            "20");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("wrote " + png), run.out());
    byte[] bytes = Files.readAllBytes(png);
    assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(bytes, 8));
    assertTrue(bytes.length > 20_000 && bytes.length < 2_000_000, bytes.length + " bytes");
    BufferedImage img = ImageIO.read(png.toFile());
    assertEquals(900, img.getWidth());
    assertEquals(700, img.getHeight());
    // The file's .ac runs 10 Hz to 100 MHz; at 20 points per decade that is 141 points.
    List<String> lines = Files.readAllLines(csv);
    assertEquals(142, lines.size());
    assertEquals("frequency_hz,magnitude_db,phase_deg", lines.get(0));
    // At f0 = 1/(2π√(LC)) the band-pass has |H| = 1 (0 dB) and zero phase; check the row nearest.
    double f0 = 1 / (2 * Math.PI * Math.sqrt(10e-3 * 10e-9));
    String[] nearest = null;
    for (String l : lines.subList(1, lines.size())) {
      String[] p = l.split(",");
      if (nearest == null
          || Math.abs(Math.log(Double.parseDouble(p[0]) / f0))
              < Math.abs(Math.log(Double.parseDouble(nearest[0]) / f0))) {
        nearest = p;
      }
    }
    double x = Double.parseDouble(nearest[0]) / f0;
    double q = 10;
    double expectedDb = -10 * Math.log10(1 + q * q * (x - 1 / x) * (x - 1 / x));
    assertEquals(expectedDb, Double.parseDouble(nearest[1]), 1e-6);
    try (var s = Files.list(dir)) {
      assertEquals(2, s.count(), "only the two outputs, no temporary files");
    }
  }

  @Test
  void jsonKeepsStdoutPureAndNotesGoToStderr() throws Exception {
    Path csv = dir.resolve("r.csv");
    SimulateRun run =
        SimulateRun.of(
            "simulate",
            SimulateRun.examples().resolve("rc_lowpass.cir").toString(),
            "--json",
            "--csv",
            csv.toString(),
            "--fstart",
            "1k",
            "--fstop",
            "1MEG",
            "--points-per-decade",
            "10");
    assertEquals(0, run.exitCode(), run.err());
    var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.out());
    assertEquals(10, json.get("sweep").get("points_per_decade").asInt());
    assertEquals(1e3, json.get("sweep").get("fstart_hz").asDouble());
    assertEquals(1e6, json.get("sweep").get("fstop_hz").asDouble());
    assertEquals("wrote " + csv + " (31 points)", run.err().strip());
    assertEquals(32, Files.readAllLines(csv).size());
  }

  @Test
  void withoutAnAcLineTheGridSpansTheCircuitsFrequencies() throws Exception {
    // fc = 1/(2π·1k·1m) = 0.159 Hz: whole decades from two below (1 mHz) to two above (100 Hz).
    Path file = dir.resolve("slow.cir");
    Files.writeString(file, "slow\nV1 in 0 AC 1\nR1 in vout 1k\nC1 vout 0 1m\n");
    var sweep = sweepOf(file);
    assertEquals(1e-3, sweep.get("fstart_hz").asDouble(), 1e-18);
    assertEquals(100, sweep.get("fstop_hz").asDouble(), 1e-12);
    assertEquals(100, sweep.get("points_per_decade").asInt());
    // Flags still win, one at a time.
    var partly = sweepOf(file, "--fstart", "10m", "--points-per-decade", "7");
    assertEquals(0.01, partly.get("fstart_hz").asDouble(), 1e-18);
    assertEquals(100, partly.get("fstop_hz").asDouble(), 1e-12);
    assertEquals(7, partly.get("points_per_decade").asInt());
    // A resistive divider has no critical frequency: the default 10 Hz to 100 MHz.
    Path divider = dir.resolve("div.cir");
    Files.writeString(divider, "div\nV1 in 0 AC 1\nR1 in vout 1k\nR2 vout 0 1k\n");
    assertEquals(10, sweepOf(divider).get("fstart_hz").asDouble());
    assertEquals(1e8, sweepOf(divider).get("fstop_hz").asDouble());
  }

  private static com.fasterxml.jackson.databind.JsonNode sweepOf(Path file, String... more)
      throws Exception {
    String[] args = new String[more.length + 3];
    args[0] = "simulate";
    args[1] = file.toString();
    args[2] = "--json";
    System.arraycopy(more, 0, args, 3, more.length);
    SimulateRun run = SimulateRun.of(args);
    assertEquals(0, run.exitCode(), run.err());
    return new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.out()).get("sweep");
  }

  @Test
  void dashReadsTheNetlistFromStandardInput() throws Exception {
    java.io.InputStream saved = System.in;
    try {
      System.setIn(
          new java.io.ByteArrayInputStream(
              "piped\nV1 in 0 AC 1\nR1 in vout 1k\nC1 vout 0 1u\n".getBytes()));
      SimulateRun run = SimulateRun.of("simulate", "-", "--json");
      assertEquals(0, run.exitCode(), run.err());
      var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.out());
      assertEquals("<stdin>", json.get("file").asText());
      assertEquals(1 / (2 * Math.PI * 1e3 * 1e-6), json.get("fc_hz").asDouble(), 1e-9);
      System.setIn(new java.io.ByteArrayInputStream("piped\nR1 in vout 10x\n".getBytes()));
      SimulateRun bad = SimulateRun.of("simulate", "-");
      assertEquals(2, bad.exitCode());
      assertTrue(bad.err().startsWith("error: <stdin>:2: bad value '10x' for R1"), bad.err());
    } finally {
      System.setIn(saved);
    }
  }

  @Test
  void existingOutputIsReplaced() throws Exception {
    Path csv = dir.resolve("r.csv");
    Files.writeString(csv, "old");
    SimulateRun run =
        SimulateRun.of(
            "simulate", SimulateRun.examples().resolve("rc_lowpass.cir").toString(),
            "--csv", csv.toString());
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(Files.readString(csv).startsWith("frequency_hz,"));
  }
}
