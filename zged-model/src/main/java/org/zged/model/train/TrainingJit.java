package org.zged.model.train;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.management.ObjectName;

/**
 * Keeps the JIT's optimising compiler (C2) off the training loop's glue code. A step calls about a
 * thousand engine operations through DJL's Java layers and this package's loss and network code;
 * all of it is thin code around native calls, which C1 compiles to code just as fast here, while C2
 * spent ~11 s of CPU on it in a 60 s run (VaeLoss.compute alone, with everything inlined, is 86 kB
 * of machine code, compiled twice) — on one pinned core that is the training's own core. The
 * validation's {@code GraphDecoder.decode} joins them: a large method that C2 compiled four times
 * (three on-stack replacements) for a few dozen decodes per epoch, ~3 s of the run's CPU (at C1 the
 * decode benchmark that follows a training run in the same process is no slower); so do the
 * decoder's filter-rule checks it calls ({@code FilterCompletion}, {@code ValidCompletion}, the
 * {@code GraphDecoder} inner classes), on which C2 spent ~0.9 s of a profiled run's compiler time.
 * The directive excludes those classes from C2 only (they stay C1-compiled, at tier 1) and leaves
 * C2 to the rest, {@link AdamOptimizer}'s update loop above all (a few passes over 2 MB of floats,
 * several times slower under C1). Java's floating point does not depend on the compiler, so the
 * results are the same bit for bit. Applied once per JVM, when a training run starts, through the
 * JDK's diagnostic-command bean (what {@code jcmd PID Compiler.directives_add} does); where that is
 * not available the run simply goes on with the default policy. {@code -Dzged.train.jit=default}
 * turns it off (to measure the difference).
 */
final class TrainingJit {
  private TrainingJit() {}

  private static final AtomicBoolean APPLIED = new AtomicBoolean();

  /** The directives (HotSpot's JSON-like format); the first matching entry wins. */
  static final String DIRECTIVES =
      "[\n"
          + "  { match: [\"org/zged/model/train/AdamOptimizer.*\"], c2: { Exclude: false } },\n"
          + "  { match: [\"ai/djl/*.*\", \"org/zged/model/nn/*.*\", \"org/zged/model/loss/*.*\",\n"
          + "            \"org/zged/model/train/*.*\", \"org/zged/model/GraphBatch*.*\",\n"
          + "            \"org/zged/model/GraphDecoder*.*\", \"org/zged/model/FilterCompletion*.*\",\n"
          + "            \"org/zged/model/ValidCompletion*.*\",\n"
          + "            \"com/fasterxml/jackson/*.*\"],\n"
          + "    c2: { Exclude: true } }\n"
          + "]\n";

  /** Adds the directives unless done already (or turned off); true if they are in force. */
  static boolean apply() {
    if ("default".equals(System.getProperty("zged.train.jit"))) {
      return false;
    }
    if (APPLIED.get()) {
      return true;
    }
    synchronized (APPLIED) {
      if (APPLIED.get()) {
        return true;
      }
      Path file = null;
      try {
        file = Files.createTempFile("zged-jit", ".json");
        Files.writeString(file, DIRECTIVES, StandardCharsets.UTF_8);
        Object out =
            ManagementFactory.getPlatformMBeanServer()
                .invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"),
                    "compilerDirectivesAdd",
                    new Object[] {new String[] {file.toString()}},
                    new String[] {String[].class.getName()});
        // "2 compiler directives added"; anything else is a parse error the JVM printed
        boolean ok = out instanceof String s && s.contains("added");
        APPLIED.set(ok);
        return ok;
      } catch (Exception | LinkageError e) {
        return false; // no management support: the default policy, nothing else changes
      } finally {
        if (file != null) {
          try {
            Files.deleteIfExists(file);
          } catch (java.io.IOException e) {
            // a temporary file left behind is harmless
          }
        }
      }
    }
  }
}
