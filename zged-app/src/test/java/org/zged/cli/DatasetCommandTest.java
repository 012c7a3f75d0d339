package org.zged.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.zged.dataset.Dataset;
import org.zged.dataset.DatasetReader;
import org.zged.dataset.FilterFamily;

/** {@code zged dataset}, {@code zged dataset stats} and {@code zged bench dataset}, in process. */
class DatasetCommandTest {
  @TempDir Path dir;

  @Test
  void seedPresetWritesOneHundredTwentyCircuits() {
    Path file = dir.resolve("seed.jsonl");
    CliRun r = CliRun.zged("dataset", "--preset", "seed", "--out", file.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("120 circuits (6 families x 20, preset seed, seed 42)"), r.out());
    Dataset d = DatasetReader.read(file);
    assertEquals(120, d.size());
    assertEquals(FilterFamily.seedFamilies(), d.header().families());
  }

  @Test
  void fullPresetStatsShowEveryFamilyAsNamed() throws IOException {
    Path file = dir.resolve("full.jsonl");
    Path png = dir.resolve("fq.png");
    assertEquals(0, CliRun.zged("dataset", "--out", file.toString()).code());
    CliRun s = CliRun.zged("dataset", "stats", file.toString(), "--plot", png.toString());
    assertEquals(0, s.code(), s.err());
    assertTrue(s.out().contains("2,400 circuits, 12 families, preset full, seed 42"), s.out());
    assertTrue(s.out().contains("splits: train 1,920  val 240  test 240"), s.out());
    for (FilterFamily f : FilterFamily.values()) {
      String row =
          s.out().lines().filter(l -> l.startsWith(f.id() + " ")).findFirst().orElseThrow();
      assertTrue(row.contains(f.expectedClass().label() + " 200"), row);
      assertTrue(row.endsWith("yes"), row);
      assertTrue(row.contains(f.expectedClass().name().startsWith("BAND") ? "f0 " : "fc "), row);
    }
    assertTrue(s.out().contains("every circuit is classified as its family's name says"));
    assertTrue(s.out().contains("not drawn: rc_lowpass, rc_highpass, lc_lowpass"), s.out());
    byte[] image = Files.readAllBytes(png);
    assertArrayEquals(
        new byte[] {(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(image, 4), "a PNG");
    assertTrue(image.length > 20_000, "a plot with points, " + image.length + " bytes");
  }

  @Test
  void threadCountDoesNotChangeTheFile() throws IOException {
    Path one = dir.resolve("one.jsonl");
    Path two = dir.resolve("two.jsonl");
    String[] common = {"dataset", "--families", "tank_bandpass,rl_highpass", "--per-family", "600"};
    assertEquals(0, CliRun.zged(concat(common, "--threads", "1", "--out", one.toString())).code());
    assertEquals(0, CliRun.zged(concat(common, "--threads", "2", "--out", two.toString())).code());
    assertArrayEquals(Files.readAllBytes(one), Files.readAllBytes(two));
    assertTrue(Files.readString(one).contains("\"preset\":\"custom\""));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--preset nope|error: --preset: unknown preset 'nope' (expected seed, full, open)",
        "--families rc_lowpass,band_pass|error: --families: unknown family 'band_pass'",
        "--families rc_lowpass,,rl_lowpass|error: --families: empty family name",
        "--per-family 0|error: --per-family: must be >= 1, got 0",
        "--threads 0|error: --threads: must be >= 1, got 0",
        "--seed abc|error: Invalid value for option '--seed'"
      })
  void badFlagsAreOneLineErrorsAndWriteNothing(String flags, String message) throws IOException {
    Path file = dir.resolve("never.jsonl");
    CliRun r = CliRun.zged(concat(("dataset " + flags).split(" "), "--out", file.toString()));
    assertEquals(2, r.code());
    assertTrue(r.err().startsWith(message), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    try (var files = Files.list(dir)) {
      assertEquals(List.of(), files.toList(), "nothing written");
    }
  }

  @Test
  void statsOfACorruptFileNamesTheLine() throws IOException {
    Path file = dir.resolve("seed.jsonl");
    assertEquals(0, CliRun.zged("dataset", "--preset", "seed", "--out", file.toString()).code());
    List<String> lines = new java.util.ArrayList<>(Files.readAllLines(file));
    lines.set(2, lines.get(2).replace("\"kind\":\"R\"", "\"kind\":\"X\""));
    Files.write(file, lines);
    Path png = dir.resolve("never.png");
    CliRun r = CliRun.zged("dataset", "stats", file.toString(), "--plot", png.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().startsWith("error: " + file + ":3: element R1: unknown kind 'X'"), r.err());
    assertFalse(Files.exists(png));
  }

  @Test
  void statsOfAMissingFile() {
    CliRun r = CliRun.zged("dataset", "stats", dir.resolve("none.jsonl").toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("none.jsonl: no such file"), r.err());
  }

  @Test
  void benchPrintsItsFigures() {
    CliRun r = CliRun.zged("bench", "dataset", "--count", "2400", "--threads", "2");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("2,400 circuits (12 families x 200), 2 thread(s)"), r.out());
    assertTrue(r.out().matches("(?s).*all: 2,400 circuits in [0-9.]+ s = [0-9,]+ circuits/s.*"));
    assertTrue(r.out().contains("heap in use after GC"), r.out());
    CliRun bad = CliRun.zged("bench", "dataset", "--count", "5");
    assertEquals(2, bad.code());
    assertTrue(bad.err().startsWith("error: --count: must be between 12"), bad.err());
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
