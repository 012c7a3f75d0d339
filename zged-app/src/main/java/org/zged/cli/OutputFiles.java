package org.zged.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.zged.InputException;
import org.zged.io.AtomicFile;
import org.zged.io.OutputTarget;

/**
 * Writes a command's output files all or nothing: every file goes to a temporary file next to its
 * target first, and only when all of them are written are they moved into place. A bad path or a
 * full disk therefore leaves no half-written or partial set of outputs behind.
 *
 * <p>Only regular files are written (see {@link OutputTarget}): a device, FIFO, folder or one of
 * the command's own input files is refused with one line naming the flag. {@code -} as a file name
 * means standard output.
 */
public final class OutputFiles {
  /** The file name that means standard output. */
  public static final String STDOUT = "-";

  private final Map<Path, byte[]> files = new LinkedHashMap<>();
  private final Map<Path, String> options = new LinkedHashMap<>();
  private final List<Path> inputs = new ArrayList<>();
  private byte[] stdoutContent;
  private String stdoutOption;
  private PrintStream stdout = System.out;

  /** The command's input files: an output that is one of them is refused. */
  public OutputFiles protect(Path... inputFiles) {
    for (Path p : inputFiles) {
      if (p != null) {
        inputs.add(p);
      }
    }
    return this;
  }

  /** Where {@code -} goes (standard output unless a test says otherwise). */
  OutputFiles optStdout(PrintStream out) {
    this.stdout = out;
    return this;
  }

  /** True for the file name {@code -}. */
  public static boolean isStdout(Path p) {
    return p != null && p.toString().equals(STDOUT);
  }

  /**
   * Queues {@code content} for {@code target}; {@code option} (e.g. "--csv") names it in errors.
   */
  public OutputFiles add(String option, Path target, byte[] content) {
    if (isStdout(target)) {
      if (stdoutOption != null) {
        throw new InputException(option, "standard output ('-') is also given to " + stdoutOption);
      }
      stdoutOption = option;
      stdoutContent = content;
      return this;
    }
    Path key = identity(target);
    if (files.containsKey(key)) {
      throw new InputException(option, "the same file is also given to " + options.get(key));
    }
    files.put(key, content);
    options.put(key, option);
    return this;
  }

  /** True when one of the queued outputs is standard output. */
  public boolean writesStdout() {
    return stdoutOption != null;
  }

  /** Checks every target before anything is written. */
  public void check() {
    Path[] in = inputs.toArray(Path[]::new);
    options.forEach((target, option) -> checkTarget(option, target, in));
  }

  /**
   * Checks that {@code target} can be an output file (its folder exists; it is a regular file or
   * does not exist yet; it is none of {@code inputs}), so that a command can fail before doing
   * expensive work for an output it cannot write. {@code -} (standard output) always can.
   */
  public static void checkTarget(String option, Path target, Path... inputs) {
    if (isStdout(target)) {
      return;
    }
    Path real = OutputTarget.resolve(option, target);
    OutputTarget.requireNotInput(option, real, inputs);
  }

  /**
   * Writes all files, then standard output's content; on failure removes the temporary files and
   * writes nothing.
   */
  public void commit() {
    check();
    Map<Path, Path> real = new LinkedHashMap<>();
    options.forEach((target, option) -> real.put(target, OutputTarget.resolve(option, target)));
    List<Path[]> moves = new ArrayList<>();
    String failing = "output";
    try {
      for (Map.Entry<Path, byte[]> e : files.entrySet()) {
        failing = options.get(e.getKey());
        Path target = real.get(e.getKey());
        Path tmp = AtomicFile.temporarySibling(target);
        moves.add(new Path[] {tmp, target});
        Files.write(tmp, e.getValue(), StandardOpenOption.CREATE_NEW);
      }
      for (Path[] m : moves) {
        AtomicFile.moveIntoPlace(m[0], m[1]);
      }
    } catch (IOException e) {
      throw new InputException(failing, "cannot write: " + e.getMessage());
    } finally {
      for (Path[] m : moves) {
        AtomicFile.deleteQuietly(m[0]); // gone already where the move succeeded
      }
    }
    if (stdoutContent != null) {
      writeStdout(stdout, stdoutContent);
    }
  }

  private static void writeStdout(OutputStream out, byte[] content) {
    try {
      out.write(content);
      out.flush();
    } catch (IOException e) {
      throw new InputException("-", "cannot write to standard output: " + e.getMessage());
    }
  }

  /** The same key for every name of one file (a link and its target, a/../a). */
  private static Path identity(Path target) {
    Path abs = target.toAbsolutePath().normalize();
    try {
      return Files.exists(abs) ? abs.toRealPath() : abs;
    } catch (IOException e) {
      return abs;
    }
  }
}
