package org.zged.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

  private List<Path> list() throws IOException {
    try (var s = Files.list(dir)) {
      return s.toList();
    }
  }
}
