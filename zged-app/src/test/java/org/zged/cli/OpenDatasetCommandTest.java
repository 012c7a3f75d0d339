package org.zged.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code zged dataset --preset open}, its stats and its benchmark, at a small scale. */
class OpenDatasetCommandTest {
  @TempDir Path dir;

  @Test
  void openDatasetTwiceIsTheSameFileAndStatsCountTopologies() throws IOException {
    Path a = dir.resolve("a.jsonl");
    Path b = dir.resolve("b.jsonl");
    String[] flags = {"dataset", "--preset", "open", "--per-family", "40", "--seed", "7"};
    CliRun r = CliRun.zged(concat(flags, "--out", a.toString()));
    assertEquals(0, r.code(), r.err());
    assertTrue(
        r.out().contains("1,160 circuits (29 families x 40, preset custom, seed 7)"), r.out());
    assertEquals(0, CliRun.zged(concat(flags, "--threads", "1", "--out", b.toString())).code());
    assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));

    Path png = dir.resolve("topologies.png");
    CliRun s = CliRun.zged("dataset", "stats", a.toString(), "--topology-plot", png.toString());
    assertEquals(0, s.code(), s.err());
    assertTrue(s.out().contains("1,160 circuits, 29 families, preset custom, seed 7"), s.out());
    assertTrue(
        s.out()
            .matches(
                "(?s).*splits: train [0-9,]+  val [0-9,]+  test [0-9,]+  test_unseen"
                    + " [0-9,]+\\n.*"),
        s.out());
    assertTrue(
        s.out().matches("(?s).*topologies: [0-9,]+ distinct canonical topologies.*"), s.out());
    assertTrue(s.out().contains("held-out topologies also in train/val: 0"), s.out());
    assertTrue(s.out().contains("by order (poles):  1:"), s.out());
    byte[] image = Files.readAllBytes(png);
    assertArrayEquals(
        new byte[] {(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(image, 4), "a PNG");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--preset open --per-family 0|error: --per-family: must be >= 1, got 0",
        "--preset open --max-internal 14|error: --max-internal: internal nodes must be between 0"
            + " and 13, got 14",
        "--preset open --max-elements 21|error: --max-elements: element bounds must satisfy",
        "--preset open --min-elements 9 --max-elements 8|error: --min-elements: element bounds",
        "--preset open --max-internal 0 --min-elements 7|error: --max-internal: 0 internal node(s)"
            + " can hold at most 6 elements",
        "--preset full --max-internal 3|error: --max-internal: bounds the random graphs",
        "--preset closed|error: --preset: unknown preset 'closed'"
      })
  void badOpenFlagsAreOneLineAndWriteNothing(String flags, String message) throws IOException {
    Path file = dir.resolve("never.jsonl");
    CliRun r = CliRun.zged(concat(("dataset " + flags).split(" "), "--out", file.toString()));
    assertEquals(2, r.code(), r.out());
    assertTrue(r.err().startsWith(message), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertEquals("", r.out());
    try (var files = Files.list(dir)) {
      assertEquals(List.of(), files.toList(), "nothing written");
    }
  }

  @Test
  void benchOfTheOpenPresetPrintsItsFigures() {
    CliRun r = CliRun.zged("bench", "dataset", "--preset", "open", "--count", "500");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("same bytes with 1 and 2 threads (6,000 circuits): yes"), r.out());
    assertTrue(r.out().matches("(?s).*all: [0-9,]+ circuits in [0-9.]+ s = [0-9,]+ circuits/s.*"));
    assertTrue(r.out().contains("heap in use after GC"), r.out());
    CliRun bad = CliRun.zged("bench", "dataset", "--preset", "nope");
    assertEquals(2, bad.code());
    assertTrue(bad.err().startsWith("error: --preset: unknown preset 'nope'"), bad.err());
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
