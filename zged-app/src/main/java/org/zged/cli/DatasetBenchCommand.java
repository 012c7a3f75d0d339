package org.zged.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.function.LongConsumer;
import org.zged.InputException;
import org.zged.analysis.CircuitAnalyzer;
import org.zged.circuit.Circuit;
import org.zged.dataset.DatasetGenerator;
import org.zged.dataset.FilterFamily;
import org.zged.dataset.Preset;
import org.zged.io.AtomicFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code zged bench dataset}: how fast labelled circuits are generated and serialised (no stored
 * response), with the time split into sampling, exact analysis and JSON, and the heap in use at 10
 * %, 50 % and 100 % of the run to show that memory does not grow with the count.
 */
@Command(
    name = "dataset",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = "Dataset generation speed: labelled circuits per second, memory over the run.")
public final class DatasetBenchCommand implements Callable<Integer> {
  private static final double TARGET = 50_000;
  private static final int MAX_PHASE_SAMPLE = 60_000;

  private static volatile long blackhole;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--preset",
      paramLabel = "full|open",
      defaultValue = "full",
      description =
          "full: the 12 families; open: the open preset's mix of random graphs and families"
              + " (default: ${DEFAULT-VALUE}).")
  String preset;

  @Option(
      names = "--count",
      paramLabel = "N",
      description =
          "Circuits to generate (default: 1000000 spread over the 12 families; 50000 for open).")
  Long countOption;

  long count;

  @Option(
      names = "--threads",
      paramLabel = "T",
      description = "Worker threads (default: all cores).")
  Integer threads;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description =
          "Write the dataset here (default: serialise and discard, to time the CPU work).")
  Path out;

  @Override
  public Integer call() throws IOException {
    Preset p;
    try {
      p = Preset.parse(preset);
    } catch (IllegalArgumentException e) {
      throw new InputException("--preset", e.getMessage());
    }
    if (p == Preset.SEED) {
      throw new InputException("--preset", "expected full or open, got 'seed'");
    }
    if (p == Preset.OPEN) {
      long n = countOption != null ? countOption : Preset.OPEN.size();
      if (n < 13 || n > 1_000_000_000L) {
        throw new InputException("--count", "must be between 13 and 1000000000, got " + n);
      }
      if (threads != null && threads < 1) {
        throw new InputException("--threads", "must be >= 1, got " + threads);
      }
      int t = threads != null ? threads : Runtime.getRuntime().availableProcessors();
      return new OpenDatasetBench(spec.commandLine().getOut(), n, t, out).run();
    }
    count = countOption != null ? countOption : 1_000_000L;
    if (count < 12 || count > 1_000_000_000L) {
      throw new InputException("--count", "must be between 12 and 1000000000, got " + count);
    }
    if (threads != null && threads < 1) {
      throw new InputException("--threads", "must be >= 1, got " + threads);
    }
    if (out != null) {
      if (OutputFiles.isStdout(out)) {
        throw new InputException("--out", "standard output carries the figures; give a file");
      }
      OutputFiles.checkTarget("--out", out);
    }
    int t = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    int perFamily = (int) Math.ceil(count / 12.0);
    long total = 12L * perFamily;
    PrintWriter w = spec.commandLine().getOut();
    w.printf(
        Locale.ROOT,
        "zged bench dataset: %,d circuits (12 families x %,d), %d thread(s), %d cores, Java %s%n",
        total,
        perFamily,
        t,
        Runtime.getRuntime().availableProcessors(),
        Runtime.version());
    w.flush();

    // Warm up the JIT, then time the stages, on up to 60,000 circuits (fewer for a small --count).
    int phaseSample = (int) Math.min(MAX_PHASE_SAMPLE, total);
    run(phaseSample / 12, 1, OutputStream.nullOutputStream(), n -> {});
    phases(w, phaseSample);

    long[] heapMb = new long[3];
    long[] marks = {total / 10, total / 2, total};
    int[] next = {0};
    double loadBefore = load();
    long[] bytes = {0};
    long cpuStart = processCpuNanos();
    long start = System.nanoTime();
    LongConsumer marker =
        done -> {
          while (next[0] < marks.length && done >= marks[next[0]]) {
            heapMb[next[0]++] = heapAfterGcMb();
          }
        };
    if (out == null) {
      bytes[0] = run(perFamily, t, OutputStream.nullOutputStream(), marker);
    } else {
      // Atomically, like every output: a regular file only, nothing half-written on failure.
      AtomicFile.write(out, sink -> bytes[0] = run(perFamily, t, sink, marker));
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
    double rate = total / seconds;
    w.printf(
        Locale.ROOT,
        "all: %,d circuits in %.2f s = %,.0f circuits/s on %d thread(s) (%.1f MB/s of JSON,"
            + " %.0f bytes/circuit)%n",
        total,
        seconds,
        rate,
        t,
        bytes[0] / seconds / 1e6,
        (double) bytes[0] / total);
    w.printf(
        Locale.ROOT,
        "CPU: %.2f s of process CPU time = %.2f us per circuit (%,.0f circuits per CPU-second);"
            + " the wall-clock rate above is lower when other processes share the cores%n",
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
        "system load average before / after: %.1f / %.1f (other processes share the cores)%n",
        loadBefore,
        load());
    w.printf(
        Locale.ROOT,
        "target >= %,.0f circuits/s: %s%n",
        TARGET,
        rate >= TARGET ? "met" : "NOT met");
    w.flush();
    return 0;
  }

  /** Single-thread cost per circuit of each stage, on the same circuits. */
  private void phases(PrintWriter w, int phaseSample) {
    FilterFamily[] families = FilterFamily.values();
    Circuit[] circuits = new Circuit[phaseSample];
    SplittableRandom rng = new SplittableRandom(1);
    // Thread CPU time, not wall time: the figures hold however busy the machine is.
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    long t0 = cpu.getCurrentThreadCpuTime();
    for (int i = 0; i < circuits.length; i++) {
      circuits[i] = families[i % families.length].sample(rng);
    }
    long t1 = cpu.getCurrentThreadCpuTime();
    long poles = 0;
    for (Circuit c : circuits) {
      poles += CircuitAnalyzer.analyze(c).poles().size();
    }
    blackhole = poles; // keeps the analyses from being optimised away
    long t2 = cpu.getCurrentThreadCpuTime();
    run(phaseSample / 12, 1, OutputStream.nullOutputStream(), n -> {});
    long t3 = cpu.getCurrentThreadCpuTime();
    double sample = (t1 - t0) / 1e3 / phaseSample;
    double analyse = (t2 - t1) / 1e3 / phaseSample;
    double all = (t3 - t2) / 1e3 / phaseSample;
    double rest = Math.max(0, all - sample - analyse);
    w.printf(
        Locale.ROOT,
        "one thread, CPU time per circuit: %.2f us total = sampling %.2f us (%.0f%%) + exact analysis"
            + " %.2f us (%.0f%%) + graph, split and JSON %.2f us (%.0f%%) -> %,.0f circuits/s"
            + " per core%n",
        all,
        sample,
        100 * sample / all,
        analyse,
        100 * analyse / all,
        rest,
        100 * rest / all,
        1e6 / all);
    w.flush();
  }

  private static long run(int perFamily, int threads, OutputStream sink, LongConsumer progress) {
    return DatasetGenerator.builder()
        .optPerFamily(perFamily)
        .optThreads(threads)
        .optProgress(progress)
        .build()
        .write(sink);
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

  private static double load() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }
}
