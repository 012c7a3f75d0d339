package org.zged.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zged.InputException;

class AtomicFileTest {
  @TempDir Path dir;

  @Test
  void writesTheContentAndNothingElse() throws IOException {
    Path target = dir.resolve("out.jsonl");
    AtomicFile.write(target, out -> out.write("hello\n".getBytes(StandardCharsets.UTF_8)));
    assertEquals("hello\n", Files.readString(target));
    assertEquals(List.of(target), list());
  }

  @Test
  void theFinishedFileHasTheUsualPermissionsNotOwnerOnly() throws IOException {
    Path plain = Files.createFile(dir.resolve("plain.txt"));
    Path written = dir.resolve("written.txt");
    AtomicFile.write(written, "x".getBytes(StandardCharsets.UTF_8));
    // Same folder, same umask: the atomic write must not narrow what an ordinary file gets.
    assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(written));
  }

  @Test
  void aFailedWriteKeepsTheOldFileAndLeavesNoTemporary() throws IOException {
    Path target = dir.resolve("out.jsonl");
    Files.writeString(target, "old\n");
    assertThrows(
        IllegalStateException.class,
        () ->
            AtomicFile.write(
                target,
                out -> {
                  out.write("half of the new".getBytes(StandardCharsets.UTF_8));
                  throw new IllegalStateException("generation failed");
                }));
    assertEquals("old\n", Files.readString(target));
    assertEquals(List.of(target), list());
  }

  @Test
  void createsMissingFolders() throws IOException {
    Path target = dir.resolve("a/b/out.jsonl");
    AtomicFile.write(target, out -> out.write('x'));
    assertEquals("x", Files.readString(target));
  }

  @Test
  void aFifoIsRefusedAndStaysAFifo() throws Exception {
    Path fifo = dir.resolve("pipe");
    Fifo.make(fifo);
    InputException e =
        assertThrows(InputException.class, () -> AtomicFile.write(fifo, new byte[] {1}));
    assertTrue(e.getMessage().contains("is a FIFO, not a regular file"), e.getMessage());
    assertTrue(Fifo.isFifo(fifo));
    assertEquals(List.of(fifo), list());
  }

  @Test
  void aCharacterDeviceIsRefused() {
    Path devNull = Path.of("/dev/null");
    InputException e =
        assertThrows(InputException.class, () -> AtomicFile.write(devNull, new byte[] {1}));
    assertTrue(e.getMessage().contains("is a character device"), e.getMessage());
    assertFalse(Files.isRegularFile(devNull));
  }

  @Test
  void aSymbolicLinkIsWrittenThroughAndStaysALink() throws IOException {
    Path real = Files.writeString(dir.resolve("real.csv"), "old");
    Path link = Files.createSymbolicLink(dir.resolve("link.csv"), real.getFileName());
    AtomicFile.write(link, "new".getBytes(StandardCharsets.UTF_8));
    assertTrue(Files.isSymbolicLink(link));
    assertEquals("new", Files.readString(real));
  }

  @Test
  void aDanglingLinkIsRefused() throws IOException {
    Path link = Files.createSymbolicLink(dir.resolve("link.csv"), dir.resolve("missing"));
    assertThrows(InputException.class, () -> AtomicFile.write(link, new byte[] {1}));
    assertTrue(Files.isSymbolicLink(link));
    assertFalse(Files.exists(dir.resolve("missing")));
  }

  @Test
  void temporariesOfDeadProcessesAreCleanedAndThoseOfLiveOnesKept() throws Exception {
    Process done = new ProcessBuilder("true").start();
    done.waitFor();
    Process alive = new ProcessBuilder("sleep", "30").start();
    try {
      Path target = dir.resolve("big3.jsonl");
      Path dead = Files.createFile(dir.resolve(".big3.jsonl." + done.pid() + "-1a2b.tmp"));
      Path old = Files.createFile(dir.resolve(".big3.jsonl.17f3c0de.tmp")); // before the pid
      Path live = Files.createFile(dir.resolve(".big3.jsonl." + alive.pid() + "-1a2b.tmp"));
      Path other = Files.createFile(dir.resolve(".other.jsonl." + done.pid() + "-1a2b.tmp"));
      AtomicFile.write(target, "x".getBytes(StandardCharsets.UTF_8));
      assertFalse(Files.exists(dead));
      assertFalse(Files.exists(old));
      assertTrue(Files.exists(live), "another running process may still be writing it");
      assertTrue(Files.exists(other), "a temporary of another file is not this write's");
    } finally {
      alive.destroy();
    }
  }

  private List<Path> list() throws IOException {
    try (var s = Files.list(dir)) {
      return s.toList();
    }
  }
}
