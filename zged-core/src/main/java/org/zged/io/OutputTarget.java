package org.zged.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import org.zged.InputException;

/**
 * The rules for a file a command writes: only regular files are created or replaced. A folder, a
 * device (e.g. /dev/null), a FIFO or a socket is refused — moving a new file over it would destroy
 * it (as root, replacing /dev/null breaks the whole machine). A symbolic link is followed: the file
 * it points to is written, and the link stays a link.
 */
public final class OutputTarget {
  private OutputTarget() {}

  /**
   * The path to actually write for {@code target}: the target itself, or for a symbolic link the
   * file it points to. {@code where} names the target in errors (a flag, or the path).
   *
   * @throws InputException if the target (or what it points to) exists and is not a regular file,
   *     or its folder does not exist
   */
  public static Path resolve(String where, Path target) {
    Path abs = target.toAbsolutePath().normalize();
    Path real = abs;
    if (Files.isSymbolicLink(abs)) {
      if (!Files.exists(abs)) {
        throw new InputException(where, abs + " is a symbolic link to a missing file");
      }
      try {
        real = abs.toRealPath();
      } catch (IOException e) {
        throw new InputException(where, "cannot follow the link " + abs + ": " + e.getMessage());
      }
    }
    Path dir = real.getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      throw new InputException(where, "folder " + dir + " does not exist");
    }
    requireReplaceable(where, real);
    return real;
  }

  /** Refuses {@code path} if it exists (not following links) and is not a regular file. */
  public static void requireReplaceable(String where, Path path) {
    BasicFileAttributes a;
    try {
      a = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException missing) {
      return; // nothing there yet: a new regular file will be created
    }
    if (a.isRegularFile()) {
      return;
    }
    if (a.isDirectory()) {
      throw new InputException(where, path + " is a folder");
    }
    if (a.isSymbolicLink()) {
      throw new InputException(where, path + " is a symbolic link; give the file it points to");
    }
    throw new InputException(
        where,
        path + " is " + kindOf(path) + ", not a regular file; zged writes regular files only");
  }

  /** "a FIFO", "a character device", ...: what the special file is, for the error message. */
  static String kindOf(Path path) {
    try {
      int mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
      return switch (mode & 0170000) {
        case 0010000 -> "a FIFO";
        case 0020000 -> "a character device";
        case 0060000 -> "a block device";
        case 0140000 -> "a socket";
        default -> "a special file";
      };
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return "a special file";
    }
  }

  /**
   * Refuses {@code target} if it is the same file as one of {@code inputs} (also through a link or
   * a hard link): writing it would destroy the input the output was computed from.
   */
  public static void requireNotInput(String where, Path target, Path... inputs) {
    if (!Files.exists(target)) {
      return;
    }
    for (Path in : inputs) {
      if (in == null || in.toString().equals("-")) {
        continue;
      }
      try {
        if (Files.exists(in) && Files.isSameFile(target, in)) {
          throw new InputException(
              where, target + " is the command's input " + in + "; choose another output file");
        }
      } catch (IOException e) {
        // an input that cannot be inspected was not read either; nothing to protect
      }
    }
  }
}
