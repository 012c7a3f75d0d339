package org.zged.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.zged.InputException;

/**
 * Writes a file all or nothing: the content goes to a hidden temporary file in the target's folder,
 * which is moved over the target only when complete. A failure, or the JVM being stopped (Ctrl-C)
 * while writing, deletes the temporary file, so no half-written file is ever left behind; a
 * temporary left by a process that was killed outright (kill -9) is deleted by the next write of
 * the same target.
 *
 * <p>Only regular files are ever replaced: a target that is a folder, a device, a FIFO or a socket
 * is refused (see {@link OutputTarget}), and a symbolic link is written through — its target is
 * replaced, never the link itself.
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

  /**
   * Writes {@code target} (creating its missing folders).
   *
   * @throws InputException if the target exists and is not a regular file
   */
  public static void write(Path target, Body body) {
    Path dir = target.toAbsolutePath().getParent();
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Path real = OutputTarget.resolve(target.toString(), target);
    StaleTemporaries.deleteFor(real);
    Path tmp = temporarySibling(real);
    Thread cleanup = new Thread(() -> deleteQuietly(tmp), "zged-tmp-cleanup");
    boolean hooked = false;
    try {
      Runtime.getRuntime().addShutdownHook(cleanup);
      hooked = true;
      try (OutputStream out =
          new BufferedOutputStream(
              Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW), 1 << 16)) {
        body.writeTo(out);
      }
      moveIntoPlace(tmp, real);
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
   * A hidden, not yet existing path next to {@code target} for staging its content: {@code
   * .NAME.PID-NANOS.tmp}. The process id lets a later run tell a temporary of a dead process
   * (deleted) from one that another running process is still writing (kept). Not
   * Files.createTempFile: its owner-only permissions would stay on the finished file.
   */
  public static Path temporarySibling(Path target) {
    Path abs = target.toAbsolutePath();
    return abs.getParent()
        .resolve(
            "."
                + abs.getFileName()
                + "."
                + ProcessHandle.current().pid()
                + "-"
                + Long.toHexString(System.nanoTime())
                + ".tmp");
  }

  /**
   * Moves a finished temporary file over its target, atomically where the file system can. The
   * target is checked again right before the move, so a FIFO or device that appeared while the
   * content was being written is not replaced either.
   */
  public static void moveIntoPlace(Path tmp, Path target) throws IOException {
    OutputTarget.requireReplaceable(target.toString(), target);
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

  /** Temporaries of {@code target} left behind by processes that no longer run. */
  static final class StaleTemporaries {
    private StaleTemporaries() {}

    static void deleteFor(Path target) {
      Path dir = target.getParent();
      String prefix = "." + target.getFileName() + ".";
      try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, glob(prefix) + "*.tmp")) {
        for (Path p : s) {
          String middle = p.getFileName().toString();
          middle = middle.substring(prefix.length(), middle.length() - ".tmp".length());
          if (isStale(middle) && Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            deleteQuietly(p);
          }
        }
      } catch (IOException | UncheckedIOException e) {
        // cleaning up is a courtesy; the write itself does not depend on it
      }
    }

    /**
     * {@code PID-NANOS} of a process that is gone, or {@code NANOS} alone (the format before the
     * process id was added: its writer cannot be told apart, and such files are only ever left by
     * killed runs of older versions).
     */
    static boolean isStale(String middle) {
      int dash = middle.indexOf('-');
      if (dash < 0) {
        return middle.matches("[0-9a-f]{1,16}");
      }
      String pid = middle.substring(0, dash);
      if (!pid.matches("[0-9]{1,18}") || !middle.substring(dash + 1).matches("[0-9a-f]{1,16}")) {
        return false; // not one of ours
      }
      long id = Long.parseLong(pid);
      return id != ProcessHandle.current().pid()
          && ProcessHandle.of(id).map(h -> !h.isAlive()).orElse(true);
    }

    private static String glob(String literal) {
      return literal.replaceAll("([*?\\[\\]{}\\\\])", "\\\\$1");
    }
  }
}
