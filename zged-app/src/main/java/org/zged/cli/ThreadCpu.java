package org.zged.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU seconds (user + system) of this process's live threads, grouped by kind: the JIT compilers
 * (C1, C2), the garbage collector, and the rest. On one pinned core the compilers share the
 * training thread's core, so their time is part of the training's wall time. Linux only (reads
 * {@code /proc/self/task}); elsewhere the map is empty.
 */
final class ThreadCpu {
  private ThreadCpu() {}

  /** Clock ticks per second of /proc's times (USER_HZ, 100 on Linux). */
  private static final double TICKS = 100.0;

  static Map<String, Double> byKind() {
    Map<String, Double> out = new LinkedHashMap<>();
    out.put("C2 compiler", 0.0);
    out.put("C1 compiler", 0.0);
    out.put("GC", 0.0);
    out.put("other", 0.0);
    try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
      for (Path t : (Iterable<Path>) tasks::iterator) {
        try {
          String name = Files.readString(t.resolve("comm")).trim();
          String stat = Files.readString(t.resolve("stat"));
          // fields after the ")" that closes the name: state is field 3, utime 14, stime 15
          String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
          double s = (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS;
          out.merge(kind(name), s, Double::sum);
        } catch (IOException | RuntimeException e) {
          // a thread that ended meanwhile
        }
      }
    } catch (IOException e) {
      return Map.of();
    }
    return out;
  }

  static String kind(String threadName) {
    if (threadName.startsWith("C2 Compiler")) {
      return "C2 compiler";
    }
    if (threadName.startsWith("C1 Compiler")) {
      return "C1 compiler";
    }
    if (threadName.startsWith("GC ") || threadName.startsWith("G1 ")) {
      return "GC";
    }
    return "other";
  }

  /** "JIT C2 8.1 s, C1 1.2 s, GC 0.3 s" (empty where /proc is not available). */
  static String text() {
    Map<String, Double> m = byKind();
    if (m.isEmpty()) {
      return "";
    }
    return String.format(
        Locale.ROOT,
        "JIT compiler threads C2 %.1f s + C1 %.1f s, GC threads %.1f s",
        m.get("C2 compiler"),
        m.get("C1 compiler"),
        m.get("GC"));
  }
}
