package org.zged.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.zged.InputException;
import org.zged.analysis.Analysis;
import org.zged.analysis.CircuitAnalyzer;
import org.zged.analysis.FrequencyResponse;
import org.zged.circuit.Circuit;
import org.zged.circuit.EdgeClass;
import org.zged.circuit.Element;
import org.zged.circuit.ElementKind;
import org.zged.netlist.AcSweep;
import org.zged.spice.Ngspice;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code zged bench analysis}: full exact analyses per second (poles/zeros + 701-point response +
 * specs) of random 5-node circuits, on one thread and on all cores, against ngspice doing the AC
 * sweep of the same netlists one {@code ngspice -b} process at a time.
 */
@Command(
    name = "analysis",
    mixinStandardHelpOptions = true,
    description =
        "Exact analyses per second (poles/zeros + 701-point response + specs) of 5-node circuits,"
            + " one thread and all cores, vs ngspice -b per netlist.")
public final class AnalysisBenchCommand implements Callable<Integer> {
  private static final java.lang.management.ThreadMXBean CPU =
      java.lang.management.ManagementFactory.getThreadMXBean();

  @Option(
      names = "--circuits",
      defaultValue = "2000",
      description = "Distinct random 5-node circuits cycled through (default ${DEFAULT-VALUE}).")
  int circuits;

  @Option(
      names = "--seconds",
      defaultValue = "5",
      description =
          "Measured seconds per phase, after as long a warm-up (default ${DEFAULT-VALUE}).")
  double seconds;

  @Option(
      names = "--ngspice-runs",
      defaultValue = "100",
      description = "Netlists run through ngspice -b (0 skips ngspice; default ${DEFAULT-VALUE}).")
  int ngspiceRuns;

  @Option(
      names = "--threads",
      description = "Threads for the all-cores phase (default: available processors).")
  Integer threads;

  @Option(names = "--seed", defaultValue = "7", description = "Seed for the random circuits.")
  long seed;

  @Option(
      names = "--nodes",
      defaultValue = "5",
      description =
          "Nodes per throughput circuit (GND, VIN, VOUT and internal ones; default"
              + " ${DEFAULT-VALUE}).")
  int nodes;

  @Option(
      names = "--accuracy",
      defaultValue = "0",
      paramLabel = "N",
      description =
          "Also check N random circuits of 3-20 nodes (values over 12 decades) against a"
              + " 34-digit nodal solve and print the number of wrong results (default 0: skip).")
  long accuracy;

  @Option(
      names = "--throughput",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description = "Run the throughput phases (--no-throughput: only the accuracy run).")
  boolean throughput;

  @Override
  public Integer call() throws Exception {
    if (circuits < 1) {
      throw new InputException("--circuits", "must be at least 1");
    }
    if (!(seconds > 0)) {
      throw new InputException("--seconds", "must be > 0");
    }
    if (ngspiceRuns < 0) {
      throw new InputException("--ngspice-runs", "must be >= 0");
    }
    int cores = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    if (cores < 1) {
      throw new InputException("--threads", "must be at least 1");
    }
    if (nodes < 4 || nodes > 42) {
      throw new InputException("--nodes", "must be between 4 and 42, got " + nodes);
    }
    if (accuracy < 0) {
      throw new InputException("--accuracy", "must be >= 0");
    }
    if (throughput) {
      throughput(cores);
    }
    if (accuracy > 0) {
      accuracyRun(cores);
    }
    return 0;
  }

  private void accuracyRun(int cores) throws Exception {
    System.out.printf(
        Locale.ROOT,
        "accuracy: %,d random valid circuits of 3-20 nodes, values over 12 decades, each checked"
            + " at 1 random complex s and 1 response point against a 34-digit nodal solve"
            + " (wrong = relative error above %.0e), %d threads%n",
        accuracy,
        AnalysisAccuracyRun.WRONG,
        cores);
    long start = System.nanoTime();
    AnalysisAccuracyRun.Tally t = AnalysisAccuracyRun.run(accuracy, seed, cores);
    double wall = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "accuracy: %,d circuits, %,d analysed, %d WRONG, %,d refused with one line (self-check"
            + " failed), %d other errors; %,d above 1e-9; worst relative error %.3g; %.1f s"
            + " (%.2f ms per analysis)%n",
        t.circuits,
        t.circuits - t.refused - t.otherErrors,
        t.wrong,
        t.refused,
        t.otherErrors,
        t.above1e9,
        t.worst,
        wall,
        t.analysisNanos / 1e6 / t.circuits);
    if (t.firstWrong != null) {
      System.out.println("first wrong: " + t.firstWrong);
    }
    if (t.firstRefused != null) {
      System.out.println("first refused: " + t.firstRefused);
    }
  }

  private void throughput(int cores) throws Exception {
    List<Circuit> set = nodeCircuits(circuits, nodes - 3, new SplittableRandom(seed));
    double[] grid = FrequencyResponse.logGrid(10, 1e8, 100);
    System.out.printf(
        Locale.ROOT,
        "zged bench analysis: %d random %d-node circuits (GND, VIN, VOUT, %d internal), %d-point"
            + " grid 10 Hz-100 MHz, JVM %s, %d available processors%n",
        set.size(),
        nodes,
        nodes - 3,
        grid.length,
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors());
    runFor(set, grid, seconds, 1); // warm-up
    double[] one = runFor(set, grid, seconds, 1);
    double single = one[0];
    System.out.printf(
        Locale.ROOT,
        "exact analysis, 1 thread:   %,12.0f analyses/s wall clock (%,.0f per CPU-second)%n",
        single,
        one[1]);
    double check = org.zged.analysis.SelfCheckCost.secondsPerCheck(set, 20);
    System.out.printf(
        Locale.ROOT,
        "self-check alone: %.2f µs per analysis, %.1f %% of a full analysis%n",
        check * 1e6,
        100 * check * one[1]);
    runFor(set, grid, Math.min(seconds, 2), cores);
    double[] all = runFor(set, grid, seconds, cores);
    double multi = all[0];
    System.out.printf(
        Locale.ROOT,
        "exact analysis, %d threads: %,12.0f analyses/s wall clock (%.2fx one thread)%n",
        cores,
        multi,
        multi / single);
    double load =
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    if (load > cores) {
      System.out.printf(
          Locale.ROOT,
          "note: system load average %.1f on %d processors; wall-clock figures are shared%n",
          load,
          Runtime.getRuntime().availableProcessors());
    }
    if (ngspiceRuns > 0) {
      if (!Ngspice.available()) {
        System.out.println("ngspice: not installed, comparison skipped");
      } else {
        double[] ngs = ngspicePerSecond(set, ngspiceRuns);
        double ng = ngs[0];
        System.out.printf(
            Locale.ROOT,
            "ngspice -b (AC sweep, same grid), 1 process at a time: %,.1f netlists/s wall clock"
                + " (%,.1f per CPU-second of ngspice itself)%n",
            ng,
            ngs[1]);
        System.out.printf(
            Locale.ROOT,
            "ratio: %,.0fx ngspice on one thread, %,.0fx on %d threads (wall clock);"
                + " %,.0fx per CPU-second%n",
            single / ng,
            multi / ng,
            cores,
            one[1] / ngs[1]);
      }
    }
  }

  /**
   * {analyses per wall-clock second, analyses per CPU-second of the measuring threads} over about
   * {@code seconds} on {@code threads} threads. The CPU figure is what the code costs when the
   * machine is shared; on an idle machine the two agree.
   */
  static double[] runFor(List<Circuit> set, double[] grid, double seconds, int threads)
      throws Exception {
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<long[]>> parts = new ArrayList<>();
      long start = System.nanoTime();
      for (int t = 0; t < threads; t++) {
        int offset = t * 7919;
        parts.add(
            pool.submit(
                () -> {
                  long cpu0 = CPU.getCurrentThreadCpuTime();
                  long count = 0;
                  double sink = 0;
                  int i = offset;
                  while (!stop.get()) {
                    sink += fullAnalysis(set.get(i++ % set.size()), grid);
                    count++;
                  }
                  long cpu = CPU.getCurrentThreadCpuTime() - cpu0;
                  return new long[] {count, cpu, Double.doubleToLongBits(sink)};
                }));
      }
      Thread.sleep((long) (seconds * 1000));
      stop.set(true);
      long total = 0;
      long cpuNanos = 0;
      for (Future<long[]> f : parts) {
        long[] r = f.get();
        total += r[0];
        cpuNanos += r[1];
      }
      double wall = (System.nanoTime() - start) / 1e9;
      return new double[] {total / wall, cpuNanos > 0 ? total / (cpuNanos / 1e9) : Double.NaN};
    } finally {
      pool.shutdownNow();
    }
  }

  /** One full analysis: poles, zeros, gain and specs, then the response on the grid. */
  static double fullAnalysis(Circuit c, double[] grid) {
    Analysis a = CircuitAnalyzer.analyze(c);
    FrequencyResponse r = a.response(grid);
    return r.magnitudeDb()[grid.length / 2] + a.poles().size();
  }

  /**
   * {netlists per wall-clock second, netlists per CPU-second of the ngspice processes}; the second
   * excludes the cost of starting processes from the JVM, so it flatters ngspice.
   */
  static double[] ngspicePerSecond(List<Circuit> set, int runs) {
    Ngspice.ac(set.get(0), AcSweep.DEFAULT); // warm the file cache
    double cpu0 = childCpuSeconds();
    long start = System.nanoTime();
    for (int i = 0; i < runs; i++) {
      Ngspice.ac(set.get(i % set.size()), AcSweep.DEFAULT);
    }
    double wall = (System.nanoTime() - start) / 1e9;
    double cpu = childCpuSeconds() - cpu0;
    return new double[] {runs / wall, cpu > 0 ? runs / cpu : Double.NaN};
  }

  /** CPU seconds of finished child processes (Linux /proc/self/stat cutime + cstime), or NaN. */
  static double childCpuSeconds() {
    try {
      String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/stat"));
      String[] rest = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // fields 16 and 17 of proc(5), counted from "state" = field 3; 100 ticks per second
      return (Long.parseLong(rest[13]) + Long.parseLong(rest[14])) / 100.0;
    } catch (java.io.IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  /**
   * Random connected filters on GND, VIN, VOUT, n1, n2: a ladder backbone VIN-n1-n2-VOUT with
   * shunts, plus random extra branches; each branch a random joint class (R, C, L or parallel
   * combinations) with values tuned so that the corners fall inside 10 Hz-100 MHz.
   */
  static List<Circuit> fiveNodeCircuits(int count, SplittableRandom rnd) {
    return nodeCircuits(count, 2, rnd);
  }

  /**
   * The same with {@code internal} internal nodes: backbone VIN-n1-…-nk-VOUT with a shunt at every
   * node, plus up to 2 (5 nodes) or up to k random extra branches; 2 internal nodes draw exactly
   * the circuits of the 5-node figures.
   */
  static List<Circuit> nodeCircuits(int count, int internal, SplittableRandom rnd) {
    String[] nodes = new String[internal + 3];
    nodes[0] = "0";
    nodes[1] = "vin";
    nodes[2] = "vout";
    for (int i = 1; i <= internal; i++) {
      nodes[2 + i] = "n" + i;
    }
    List<Circuit> out = new ArrayList<>(count);
    while (out.size() < count) {
      List<String[]> pairs = new ArrayList<>();
      String prev = "vin";
      for (int i = 1; i <= internal; i++) {
        pairs.add(new String[] {prev, "n" + i});
        prev = "n" + i;
      }
      pairs.add(new String[] {prev, "vout"});
      for (int i = 1; i <= internal; i++) {
        pairs.add(new String[] {"n" + i, "0"});
      }
      pairs.add(new String[] {"vout", "0"});
      int extra = rnd.nextInt(internal == 2 ? 3 : internal + 1);
      for (int e = 0; e < extra; e++) {
        String a = nodes[1 + rnd.nextInt(nodes.length - 1)];
        String b = nodes[1 + rnd.nextInt(nodes.length - 1)];
        if (!a.equals(b)) {
          pairs.add(new String[] {a, b});
        }
      }
      double r0 = Math.pow(10, 1 + 4 * rnd.nextDouble());
      double w = 2 * Math.PI * Math.pow(10, 2 + 5 * rnd.nextDouble());
      List<Element> elements = new ArrayList<>();
      int[] counts = new int[3];
      for (String[] p : pairs) {
        EdgeClass ec = EdgeClass.ofIndex(1 + rnd.nextInt(EdgeClass.COUNT - 1));
        for (ElementKind kind : ElementKind.values()) {
          if (ec.has(kind)) {
            double spread = Math.pow(10, rnd.nextDouble() - 0.5);
            double v =
                switch (kind) {
                  case R -> r0 * spread;
                  case C -> spread / (w * r0);
                  case L -> spread * r0 / w;
                };
            elements.add(
                new Element("" + kind.letter() + ++counts[kind.ordinal()], kind, p[0], p[1], v));
          }
        }
      }
      Circuit c = new Circuit("bench", elements);
      if (c.isValid()) {
        out.add(c);
      }
    }
    return out;
  }
}
