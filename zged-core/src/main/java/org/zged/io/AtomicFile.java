package org.zged.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file all or nothing: the content goes to a hidden temporary file in the target's folder,
 * which is moved over the target only when complete. A failure, or the JVM being stopped (Ctrl-C)
 * while writing, deletes the temporary file, so no half-written file is ever left behind.
 */
public final class AtomicFile {
  /** The content writer; the stream is buffered and closed by {@link #write}. */
  @FunctionalInterface
  public interface Body {
    void writeTo(OutputStream out) throws IOException;
  }

  private AtomicFile() {}

  public static void write(Path target, byte[] content) {
    write(target, out -> out.write(content));
  }

  public static void write(Path target, Body body) {
    Path dir = target.toAbsolutePath().getParent();
    Path tmp = temporarySibling(target);
    Thread cleanup = new Thread(() -> deleteQuietly(tmp), "zged-tmp-cleanup");
    boolean hooked = false;
    try {
      Files.createDirectories(dir);
      Runtime.getRuntime().addShutdownHook(cleanup);
      hooked = true;
      try (OutputStream out =
          new BufferedOutputStream(
              Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW), 1 << 16)) {
        body.writeTo(out);
      }
      moveIntoPlace(tmp, target);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deleteQuietly(tmp); // gone already after a successful move
      if (hooked) {
        try {
          Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException shuttingDown) {
          // the hook is running or about to; it deletes the same file
        }
      }
    }
  }

  /**
   * A hidden, not yet existing path next to {@code target} for staging its content. Not
   * Files.createTempFile: its owner-only permissions would stay on the finished file.
   */
  public static Path temporarySibling(Path target) {
    Path abs = target.toAbsolutePath();
    return abs.getParent()
        .resolve("." + abs.getFileName() + "." + Long.toHexString(System.nanoTime()) + ".tmp");
  }

  /** Moves a finished temporary file over its target, atomically where the file system can. */
  public static void moveIntoPlace(Path tmp, Path target) throws IOException {
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Deletes a file if it exists, ignoring failures (used on paths that are already failing). */
  public static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException ignored) {
      // best effort: the write already failed, which is what the caller hears about
    }
  }
}
