package org.zged.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input to {@code zged simulate}: exactly one line {@code error: WHERE: reason} on stderr, exit
 * code 2, nothing on stdout, no stack trace, and no output file (nor temporary file) left.
 */
class SimulateErrorsTest {
  @TempDir Path dir;

  static Stream<Arguments> badNetlists() {
    String head = "bad filter\nV1 in 0 AC 1\nR1 in vout 1k\n";
    return Stream.of(
        Arguments.of(
            "malformed line",
            head + "C1 vout 0\n",
            ":4: malformed line: expected 'C1 NODE NODE VALUE'"),
        Arguments.of(
            "unknown element",
            head + "Q1 vout b 0 npn\nC1 vout 0 1u\n",
            ":4: unsupported element 'Q1'"),
        Arguments.of(
            "unknown dot-command",
            head + "C1 vout 0 1u\n.tran 1u 1m\n",
            ":5: unsupported dot-command '.tran'"),
        Arguments.of(
            "value 10x",
            head + "C1 vout 0 10x\n",
            ":4: bad value '10x' for C1: unknown suffix 'x'"),
        Arguments.of("value -5", head + "C1 vout 0 -5\n", ":4: bad value '-5' for C1: must be > 0"),
        Arguments.of(
            "value nan", head + "C1 vout 0 nan\n", ":4: bad value 'nan' for C1: not a number"),
        Arguments.of("missing VIN", "t\nR1 a vout 1k\nC1 vout 0 1u\n", ":3: no AC voltage source"),
        Arguments.of(
            "missing VOUT",
            "t\nV1 in 0 AC 1\nR1 in out 1k\nC1 out 0 1u\n",
            ":4: no node named 'vout': tell zged which node is the output with --out NODE"),
        Arguments.of(
            "floating node",
            head + "C1 vout 0 1u\nR2 vout n7 1k\n",
            ":5: node 'n7' is floating: only R2 connects to it"),
        Arguments.of(
            "element as title",
            "R1 in vout 1k\nC1 vout 0 1u\n",
            ":1: the first line of a SPICE netlist is its title"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badNetlists")
  void badNetlistGivesOneLineErrorAndWritesNothing(String name, String text, String expected)
      throws IOException {
    Path file = dir.resolve("f.cir");
    Files.writeString(file, text);
    SimulateRun run =
        simulate(
            file,
            "--csv",
            dir.resolve("r.csv").toString(),
            "--plot",
            dir.resolve("r.png").toString());
    assertOneLineError(run, "error: " + file + expected);
    assertOnlyInputLeft(file);
  }

  @Test
  void missingFileIsReported() throws IOException {
    Path file = dir.resolve("nope.cir");
    SimulateRun run = simulate(file, "--csv", dir.resolve("r.csv").toString());
    assertOneLineError(run, "error: " + file + ": cannot read: no such file");
    assertOnlyInputLeft();
  }

  @Test
  void folderInsteadOfFileIsReported() throws IOException {
    Path sub = Files.createDirectory(dir.resolve("sub.cir"));
    SimulateRun run = simulate(sub, "--plot", dir.resolve("r.png").toString());
    assertOneLineError(run, "error: " + sub + ": cannot read: is a directory");
    assertOnlyInputLeft(sub);
  }

  @Test
  void circuitThatCannotDriveTheOutputIsReported() throws IOException {
    // VOUT hangs off ground only: a well-formed netlist whose H(s) is identically 0.
    Path file = dir.resolve("f.cir");
    Files.writeString(file, "t\nV1 in 0 AC 1\nR1 in 0 1k\nC1 vout 0 1u\nR2 vout 0 1k\n");
    SimulateRun run = simulate(file, "--plot", dir.resolve("r.png").toString());
    assertOneLineError(run, "error: " + file + ": H(s) is identically 0");
    assertOnlyInputLeft(file);
  }

  @Test
  void binaryFileIsReported() throws IOException {
    Path file = dir.resolve("f.cir");
    Files.write(file, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0});
    assertOneLineError(simulate(file), "error: " + file + ":2: binary data, not netlist text");
  }

  @Test
  void unknownOutNodeIsReported() throws IOException {
    Path file = dir.resolve("f.cir");
    Files.writeString(file, "t\nV1 in 0 AC 1\nR1 in out 1k\nC1 out 0 1u\n");
    assertOneLineError(simulate(file, "--out", "x"), "error: --out: no node named 'x' in " + file);
  }

  @Test
  void badGridFlagsAreReportedAndNothingIsWritten() throws IOException {
    Path file = good();
    String csv = dir.resolve("r.csv").toString();
    assertOneLineError(
        simulate(file, "--fstart", "10x", "--csv", csv),
        "error: --fstart: bad value '10x': unknown suffix 'x'");
    assertOneLineError(
        simulate(file, "--fstop", "-5", "--csv", csv),
        "error: --fstop: bad value '-5': must be > 0");
    assertOneLineError(
        simulate(file, "--fstart", "1meg", "--fstop", "1k", "--csv", csv),
        "error: --fstop: the grid must run upwards");
    assertOneLineError(
        simulate(file, "--points-per-decade", "0", "--csv", csv),
        "error: --points-per-decade: must be between 1 and 100000");
    assertOneLineError(
        simulate(file, "--points-per-decade", "ten"),
        "error: Invalid value for option '--points-per-decade'");
    assertOnlyInputLeft(file);
  }

  @Test
  void unwritablePlotLeavesNoCsvEither() throws IOException {
    Path file = good();
    Path csv = dir.resolve("r.csv");
    SimulateRun run =
        simulate(file, "--csv", csv.toString(), "--plot", dir.resolve("missing/r.png").toString());
    assertOneLineError(run, "error: --plot: folder " + dir.resolve("missing") + " does not exist");
    assertOnlyInputLeft(file);
  }

  @Test
  void folderAsOutputFileIsRejectedAndNothingIsWritten() throws IOException {
    Path file = good();
    Path folder = Files.createDirectory(dir.resolve("out"));
    SimulateRun run =
        simulate(file, "--plot", dir.resolve("r.png").toString(), "--csv", folder.toString());
    assertOneLineError(run, "error: --csv: " + folder + " is a folder");
    assertOnlyInputLeft(file, folder);
    try (Stream<Path> s = Files.list(folder)) {
      assertEquals(0, s.count());
    }
  }

  @Test
  void sameFileForCsvAndPlotIsRejected() throws IOException {
    Path file = good();
    String out = dir.resolve("r.out").toString();
    assertOneLineError(
        simulate(file, "--csv", out, "--plot", out),
        "error: --plot: the same file is also given to --csv");
    assertOnlyInputLeft(file);
  }

  private Path good() throws IOException {
    Path file = dir.resolve("good.cir");
    Files.writeString(file, "t\nV1 in 0 AC 1\nR1 in vout 1k\nC1 vout 0 1u\n");
    return file;
  }

  private static SimulateRun simulate(Path file, String... more) {
    String[] args = new String[more.length + 2];
    args[0] = "simulate";
    args[1] = file.toString();
    System.arraycopy(more, 0, args, 2, more.length);
    return SimulateRun.of(args);
  }

  private static void assertOneLineError(SimulateRun run, String expectedStart) {
    assertEquals(ZgedCli.EXIT_BAD_INPUT, run.exitCode(), run::err);
    assertEquals("", run.out(), "nothing on stdout");
    List<String> lines = run.err().lines().toList();
    assertEquals(1, lines.size(), () -> "one line on stderr, got:\n" + run.err());
    assertTrue(
        lines.get(0).startsWith(expectedStart),
        () -> "expected '" + expectedStart + "...' got '" + lines.get(0) + "'");
    assertFalse(run.err().contains("Exception"), "no stack trace");
  }

  /** The temp folder holds only the given inputs: no outputs, no temporary files. */
  private void assertOnlyInputLeft(Path... inputs) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      List<Path> left = s.filter(p -> !List.of(inputs).contains(p)).toList();
      assertEquals(List.of(), left);
    }
  }
}
