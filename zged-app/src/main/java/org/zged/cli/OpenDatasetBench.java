package org.zged.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;
import org.zged.analysis.Analysis;
import org.zged.analysis.CircuitAnalyzer;
import org.zged.circuit.Circuit;
import org.zged.circuit.CircuitException;
import org.zged.dataset.CircuitFamily;
import org.zged.dataset.DatasetGenerator;
import org.zged.dataset.FilterFamily;
import org.zged.dataset.LadderFamily;
import org.zged.dataset.Preset;
import org.zged.dataset.RandomFamily;
import org.zged.graph.TopologySignature;

/**
 * {@code zged bench dataset --preset open}: labelled open-space circuits per second (random graphs
 * drawn, reduced, analysed, checked and serialised, plus the twelve families and the 16 ladder
 * families in the preset's proportions), the single-thread cost of each stage, the heap over the
 * run, and whether one thread and all threads write the same bytes.
 */
final class OpenDatasetBench {
  private static final double TARGET = 20_000;
  private static final int PHASE_SAMPLE = 4_000;
  private static final int BYTES_SAMPLE = 6_000;

  private static volatile long blackhole;

  private final PrintWriter w;
  private final long count;
  private final int threads;
  private final Path out;

  OpenDatasetBench(PrintWriter w, long count, int threads, Path out) {
    this.w = w;
    this.count = count;
    this.threads = threads;
    this.out = out;
  }

  int run() throws IOException {
    Map<CircuitFamily, Integer> counts = scaled(count);
    long total = counts.values().stream().mapToLong(Integer::longValue).sum();
    w.printf(
        Locale.ROOT,
        "zged bench dataset --preset open: %,d circuits (random %,d + 12 families x %,d"
            + " + 16 ladders x %,d), %d thread(s), %d cores, Java %s%n",
        total,
        counts.get(RandomFamily.openSpace()),
        counts.get(FilterFamily.RC_LOWPASS),
        counts.get(LadderFamily.all().get(0)),
        threads,
        Runtime.getRuntime().availableProcessors(),
        Runtime.version());
    w.flush();
    write(scaled(BYTES_SAMPLE), 1, OutputStream.nullOutputStream(), n -> {}); // JIT warm-up
    phases();
    String one = sha256(scaled(BYTES_SAMPLE), 1);
    String many = sha256(scaled(BYTES_SAMPLE), Math.max(2, threads));
    w.printf(
        Locale.ROOT,
        "same bytes with 1 and %d threads (%,d circuits): %s%n",
        Math.max(2, threads),
        BYTES_SAMPLE,
        one.equals(many) ? "yes (sha256 " + one.substring(0, 16) + "...)" : "NO");
    w.flush();

    long[] heapMb = new long[3];
    long[] marks = {total / 10, total / 2, total};
    int[] next = {0};
    long cpuStart = processCpuNanos();
    long start = System.nanoTime();
    long bytes;
    try (OutputStream sink =
        out == null ? OutputStream.nullOutputStream() : Files.newOutputStream(out)) {
      bytes =
          write(
              counts,
              threads,
              sink,
              done -> {
                while (next[0] < marks.length && done >= marks[next[0]]) {
                  heapMb[next[0]++] = heapAfterGcMb();
                }
              });
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
    double rate = total / seconds;
    w.printf(
        Locale.ROOT,
        "all: %,d circuits in %.2f s = %,.0f circuits/s on %d thread(s) (%.0f bytes/circuit)%n",
        total,
        seconds,
        rate,
        threads,
        (double) bytes / total);
    w.printf(
        Locale.ROOT,
        "process CPU time %.2f s = %.1f us per circuit (%,.0f circuits per CPU-second); the"
            + " wall-clock rate is lower when other processes share the cores%n",
        cpuSeconds,
        cpuSeconds * 1e6 / total,
        total / cpuSeconds);
    w.printf(
        Locale.ROOT,
        "heap in use after GC at 10%% / 50%% / 100%% of the run: %d / %d / %d MB%n",
        heapMb[0],
        heapMb[1],
        heapMb[2]);
    w.printf(
        Locale.ROOT,
        "system load average: %.1f (other processes share the cores)%n",
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    w.printf(
        Locale.ROOT,
        "target >= %,.0f circuits/s: %s%n",
        TARGET,
        rate >= TARGET ? "met" : "NOT met");
    w.flush();
    return 0;
  }

  /** The open preset's proportions at {@code n} circuits (at least one per family). */
  static Map<CircuitFamily, Integer> scaled(long n) {
    Map<CircuitFamily, Integer> out = new LinkedHashMap<>();
    double f = (double) n / Preset.OPEN.size();
    Preset.OPEN.counts().forEach((fam, c) -> out.put(fam, (int) Math.max(1, Math.round(c * f))));
    return out;
  }

  /** Single-thread CPU time of each stage of random-graph circuits, draws that fail included. */
  private void phases() {
    RandomFamily random = RandomFamily.openSpace();
    SplittableRandom rng = new SplittableRandom(1);
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    Circuit[] drawn = new Circuit[PHASE_SAMPLE];
    long t0 = cpu.getCurrentThreadCpuTime();
    for (int i = 0; i < drawn.length; i++) {
      drawn[i] = random.sample(rng);
    }
    long t1 = cpu.getCurrentThreadCpuTime();
    Analysis[] analysed = new Analysis[drawn.length];
    int failed = 0;
    for (int i = 0; i < drawn.length; i++) {
      try {
        analysed[i] = CircuitAnalyzer.analyze(drawn[i]);
      } catch (CircuitException e) {
        failed++;
      }
    }
    long t2 = cpu.getCurrentThreadCpuTime();
    long keys = 0;
    for (Circuit c : drawn) {
      keys += TopologySignature.of(c).key().length();
    }
    blackhole = keys;
    long t3 = cpu.getCurrentThreadCpuTime();
    long[] nodes = new long[20];
    long[] nanos = new long[20];
    for (int i = 0; i < drawn.length; i++) {
      int n = drawn[i].nodes().size();
      long a = System.nanoTime();
      try {
        CircuitAnalyzer.analyze(drawn[i]);
      } catch (CircuitException e) {
        // counted above
      }
      nanos[Math.min(19, n)] += System.nanoTime() - a;
      nodes[Math.min(19, n)]++;
    }
    double draw = (t1 - t0) / 1e3 / drawn.length;
    double analyse = (t2 - t1) / 1e3 / drawn.length;
    double sign = (t3 - t2) / 1e3 / drawn.length;
    w.printf(
        Locale.ROOT,
        "one thread, CPU time per random draw (%,d draws, %d not analysable): draw + reduce %.1f us,"
            + " exact analysis %.1f us, signature %.1f us%n",
        drawn.length,
        failed,
        draw,
        analyse,
        sign);
    StringBuilder sb = new StringBuilder("  exact analysis by node count (wall, us):");
    for (int n = 0; n < nodes.length; n++) {
      if (nodes[n] > 0) {
        sb.append(String.format(Locale.ROOT, " %d:%.0f", n, nanos[n] / 1e3 / nodes[n]));
      }
    }
    w.println(sb);
    w.flush();
    blackhole += Arrays.stream(analysed).filter(a -> a != null).count();
  }

  private static long write(
      Map<CircuitFamily, Integer> counts, int threads, OutputStream sink, LongConsumer progress) {
    return DatasetGenerator.builder()
        .optPreset(Preset.OPEN)
        .optCounts(counts)
        .optThreads(threads)
        .optProgress(progress)
        .build()
        .write(sink);
  }

  private static String sha256(Map<CircuitFamily, Integer> counts, int threads) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      write(counts, threads, new DigestOutputStream(OutputStream.nullOutputStream(), md), n -> {});
      return java.util.HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long heapAfterGcMb() {
    System.gc();
    Runtime r = Runtime.getRuntime();
    return (r.totalMemory() - r.freeMemory()) >> 20;
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
