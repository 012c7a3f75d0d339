package org.zged.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.zged.InputException;
import org.zged.io.AtomicFile;

/**
 * Writes a command's output files all or nothing: every file goes to a temporary file next to its
 * target first, and only when all of them are written are they moved into place. A bad path or a
 * full disk therefore leaves no half-written or partial set of outputs behind.
 */
public final class OutputFiles {
  private final Map<Path, byte[]> files = new LinkedHashMap<>();
  private final Map<Path, String> options = new LinkedHashMap<>();

  /**
   * Queues {@code content} for {@code target}; {@code option} (e.g. "--csv") names it in errors.
   */
  public OutputFiles add(String option, Path target, byte[] content) {
    Path abs = target.toAbsolutePath().normalize();
    if (files.containsKey(abs)) {
      throw new InputException(option, "the same file is also given to " + options.get(abs));
    }
    files.put(abs, content);
    options.put(abs, option);
    return this;
  }

  /** Checks every target's folder before anything is written. */
  public void check() {
    options.forEach((target, option) -> checkTarget(option, target));
  }

  /**
   * Checks that {@code target} can be an output file (its folder exists, it is not a folder), so
   * that a command can fail before doing expensive work for an output it cannot write.
   */
  public static void checkTarget(String option, Path target) {
    Path abs = target.toAbsolutePath().normalize();
    Path dir = abs.getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      throw new InputException(option, "folder " + dir + " does not exist");
    }
    if (Files.isDirectory(abs)) {
      throw new InputException(option, abs + " is a folder");
    }
  }

  /** Writes all files; on failure removes the temporary files and writes nothing. */
  public void commit() {
    check();
    List<Path[]> moves = new ArrayList<>();
    try {
      for (Map.Entry<Path, byte[]> e : files.entrySet()) {
        Path target = e.getKey();
        Path tmp = AtomicFile.temporarySibling(target);
        moves.add(new Path[] {tmp, target});
        Files.write(tmp, e.getValue(), StandardOpenOption.CREATE_NEW);
      }
      for (Path[] m : moves) {
        AtomicFile.moveIntoPlace(m[0], m[1]);
      }
    } catch (IOException e) {
      for (Path[] m : moves) {
        AtomicFile.deleteQuietly(m[0]);
      }
      String option = moves.isEmpty() ? "output" : options.get(moves.get(moves.size() - 1)[1]);
      throw new InputException(option, "cannot write: " + e.getMessage());
    }
  }
}
