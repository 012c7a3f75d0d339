package org.zged.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every output flag writes regular files only: devices, FIFOs, folders and the command's own input
 * are refused with one line and exit 2, links are written through, {@code -} is standard output.
 */
class OutputTargetsTest {
  @TempDir Path dir;

  private String example() {
    return SimulateRun.examples().resolve("rc_lowpass.cir").toString();
  }

  @Test
  void devNullIsRefusedAndStaysADevice() {
    CliRun r = CliRun.zged("simulate", example(), "--csv", "/dev/null");
    assertOneLineError(r, "--csv: /dev/null is a character device, not a regular file");
    assertFalse(Files.isRegularFile(Path.of("/dev/null")));
  }

  @Test
  void aFifoIsRefusedForEveryFileFlag() throws Exception {
    Path fifo = mkfifo(dir.resolve("pipe"));
    assertOneLineError(CliRun.zged("simulate", example(), "--csv", fifo.toString()), "--csv: ");
    assertOneLineError(CliRun.zged("simulate", example(), "--plot", fifo.toString()), "--plot: ");
    assertOneLineError(
        CliRun.zged("generate", "--fc", "10k", "--q", "0.707", "--svg", fifo.toString()),
        "--svg: ");
    assertOneLineError(
        CliRun.zged("generate", "--fc", "10k", "--q", "0.707", "--plot", fifo.toString()),
        "--plot: ");
    assertOneLineError(
        CliRun.zged("dataset", "--preset", "seed", "--out", fifo.toString()), "--out: ");
    assertOneLineError(CliRun.zged("model", "export", "nothing.ckpt", fifo.toString()), "OUT: ");
    assertOneLineError(
        CliRun.zged("bench", "dataset", "--count", "12", "--out", fifo.toString()), "--out: ");
    assertTrue(isFifo(fifo));
    assertEquals(List.of(fifo), list(dir));
  }

  @Test
  void aFolderIsRefused() {
    CliRun r = CliRun.zged("simulate", example(), "--csv", dir.toString());
    assertOneLineError(r, "--csv: " + dir + " is a folder");
  }

  @Test
  void theInputNetlistIsNeverOverwritten() throws IOException {
    Path same = Files.copy(Path.of(example()), dir.resolve("same.cir"));
    String before = Files.readString(same);
    CliRun r = CliRun.zged("simulate", same.toString(), "--csv", same.toString());
    assertOneLineError(r, "--csv: " + same + " is the command's input");
    assertEquals(before, Files.readString(same));
    // Also through a symbolic link and a hard link to it.
    Path link = Files.createSymbolicLink(dir.resolve("link.csv"), same);
    assertOneLineError(CliRun.zged("simulate", same.toString(), "--plot", link.toString()), "");
    Path hard = Files.createLink(dir.resolve("hard.csv"), same);
    assertOneLineError(CliRun.zged("simulate", same.toString(), "--csv", hard.toString()), "");
    assertEquals(before, Files.readString(same));
  }

  @Test
  void aSymbolicLinkIsWrittenThroughNotReplaced() throws IOException {
    Path real = Files.writeString(dir.resolve("real.csv"), "old");
    Path link = Files.createSymbolicLink(dir.resolve("link.csv"), real.getFileName());
    CliRun r = CliRun.zged("simulate", example(), "--csv", link.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(Files.isSymbolicLink(link));
    assertTrue(Files.readString(real).startsWith("frequency_hz,magnitude_db,phase_deg\n"));
  }

  @Test
  void dashIsStandardOutputAndTheReportMovesToStderr() {
    PrintStream saved = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    CliRun r;
    try {
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      r = CliRun.zged("simulate", example(), "--csv", "-", "--points-per-decade", "10");
    } finally {
      System.setOut(saved);
    }
    assertEquals(0, r.code(), r.err());
    assertEquals("", r.out());
    assertTrue(r.err().contains("wrote standard output"), r.err());
    assertFalse(Files.exists(Path.of("-")), "no file named '-'");
    List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().toList();
    assertEquals("frequency_hz,magnitude_db,phase_deg", lines.get(0));
    for (String l : lines.subList(1, lines.size())) {
      assertEquals(3, l.split(",").length, l);
    }
  }

  @Test
  void dashTwiceOrWithJsonIsRefused() {
    assertOneLineError(
        CliRun.zged("simulate", example(), "--csv", "-", "--plot", "-"),
        "--plot: standard output ('-') is also given to --csv");
    assertOneLineError(
        CliRun.zged("simulate", example(), "--json", "--csv", "-"),
        "--csv: standard output ('-') already carries the --json report");
  }

  @Test
  void staleDatasetTemporariesAreCleanedByTheNextRun() throws Exception {
    Process dead = new ProcessBuilder("true").start();
    dead.waitFor();
    Path stale = Files.createFile(dir.resolve(".big3.jsonl." + dead.pid() + "-5eed.tmp"));
    Path out = dir.resolve("big3.jsonl");
    CliRun r =
        CliRun.zged("dataset", "--preset", "seed", "--per-family", "2", "--out", out.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals(List.of(out), list(dir));
    assertFalse(Files.exists(stale));
  }

  @Test
  void anEndlessInputIsRefusedNotReadIntoTheHeap() throws IOException {
    // simulate /dev/zero was an OutOfMemoryError stack trace.
    CliRun dev = CliRun.zged("simulate", "/dev/zero");
    assertOneLineError(dev, "/dev/zero: larger than 16 MiB");
    java.io.InputStream saved = System.in;
    try {
      System.setIn(
          new java.io.InputStream() {
            @Override
            public int read() {
              return '*';
            }
          });
      assertOneLineError(CliRun.zged("simulate", "-"), "<stdin>: larger than 16 MiB");
    } finally {
      System.setIn(saved);
    }
  }

  @Test
  void netlistDirRefusesDashAndFiles() throws IOException {
    assertOneLineError(
        CliRun.zged("generate", "--fc", "10k", "--q", "0.707", "--netlist-dir", "-"),
        "--netlist-dir: takes a folder");
    Path file = Files.writeString(dir.resolve("f"), "x");
    assertOneLineError(
        CliRun.zged("generate", "--fc", "10k", "--q", "0.707", "--netlist-dir", file.toString()),
        "--netlist-dir: " + file + " is a file");
    assertEquals("x", Files.readString(file));
  }

  static void assertOneLineError(CliRun r, String prefix) {
    assertEquals(2, r.code(), r.out() + r.err());
    assertTrue(r.err().startsWith("error: " + prefix), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertFalse(r.err().contains("\tat "), r.err());
  }

  private static Path mkfifo(Path p) throws Exception {
    assertEquals(0, new ProcessBuilder("mkfifo", p.toString()).start().waitFor());
    return p;
  }

  private static boolean isFifo(Path p) throws IOException {
    int mode = (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
    return (mode & 0170000) == 0010000;
  }

  private static List<Path> list(Path d) throws IOException {
    try (var s = Files.list(d)) {
      return s.sorted().toList();
    }
  }
}
