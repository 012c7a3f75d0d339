package org.zged.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import org.zged.InputException;
import org.zged.circuit.CircuitGraph;
import org.zged.dataset.CircuitRecord;
import org.zged.dataset.Datasets;
import org.zged.graph.GraphEditDistance;
import org.zged.graph.TopologySignature;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code zged bench ged}: speed of the canonical topology signature and of the exact graph edit
 * distance on full-preset circuits, printed next to the reference's published figure for a 360 ×
 * 360 GED matrix.
 */
@Command(
    name = "ged",
    mixinStandardHelpOptions = true,
    description = {
      "Time topology signatures and an N x N exact GED matrix on full-preset circuits",
      "(see docs/bench-evaluation.md)."
    })
public final class GedBenchCommand implements Runnable {
  /** The reference's 360 × 360 matrix took about 26 s (reference spec §7.3, its own machine). */
  static final double REFERENCE_360_SECONDS = 26.0;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--circuits",
      paramLabel = "N",
      defaultValue = "360",
      description = "Circuits in the GED matrix (default: ${DEFAULT-VALUE}, the reference's size).")
  int circuits;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "42",
      description = "Seed of the circuit sample (default: ${DEFAULT-VALUE}).")
  long seed;

  @Override
  public void run() {
    if (circuits < 2) {
      throw new InputException("--circuits", "must be >= 2, got " + circuits);
    }
    PrintWriter out = spec.commandLine().getOut();
    List<CircuitRecord> records = Datasets.full().records();
    if (circuits > records.size()) {
      throw new InputException(
          "--circuits", "the full preset has " + records.size() + " circuits, asked " + circuits);
    }
    List<CircuitGraph> all = records.stream().map(CircuitRecord::graph).toList();
    List<CircuitGraph> sample = sample(all, circuits, seed);

    // Warm-up: let the JIT compile both code paths before anything is timed.
    for (int i = 0; i < 3; i++) {
      all.forEach(TopologySignature::of);
      GraphEditDistance.standard().matrix(sample.subList(0, Math.min(60, sample.size())));
    }

    long t0 = System.nanoTime();
    Set<TopologySignature> distinct = new HashSet<>();
    for (CircuitGraph g : all) {
      distinct.add(TopologySignature.of(g));
    }
    double sigSeconds = (System.nanoTime() - t0) / 1e9;

    long pairs = (long) circuits * (circuits - 1) / 2;
    // The same matrix with one worker thread, for a per-core figure.
    ForkJoinPool single = new ForkJoinPool(1);
    long t1 = System.nanoTime();
    double[][] one;
    try {
      one = single.submit(() -> GraphEditDistance.standard().matrix(sample)).get();
    } catch (InterruptedException | ExecutionException e) {
      throw new IllegalStateException(e);
    } finally {
      single.shutdown();
    }
    double oneThread = (System.nanoTime() - t1) / 1e9;
    double sum = 0;
    for (int i = 0; i < one.length; i++) {
      for (int j = i + 1; j < one.length; j++) {
        sum += one[i][j];
      }
    }

    long tq = System.nanoTime();
    CircuitGraph query = sample.get(0);
    for (CircuitGraph g : all) {
      GraphEditDistance.between(query, g);
    }
    double queryAll = (System.nanoTime() - tq) / 1e9;

    long t2 = System.nanoTime();
    double[][] m = GraphEditDistance.standard().matrix(sample);
    double parallel = (System.nanoTime() - t2) / 1e9;
    double max = 0;
    for (double[] row : m) {
      for (double v : row) {
        max = Math.max(max, v);
      }
    }

    out.printf(
        Locale.ROOT,
        "topology signatures: %,d graphs in %.3f s (%.1f µs each), %d distinct topologies%n",
        all.size(),
        sigSeconds,
        1e6 * sigSeconds / all.size(),
        distinct.size());
    out.printf(
        Locale.ROOT,
        "exact GED, %d x %d matrix (%,d pairs): 1 thread %.3f s (%.2f µs/pair), %d threads %.3f s;"
            + " mean %.3f, max %.3f%n",
        circuits,
        circuits,
        pairs,
        oneThread,
        1e6 * oneThread / pairs,
        Runtime.getRuntime().availableProcessors(),
        parallel,
        sum / pairs,
        max);
    out.printf(
        Locale.ROOT,
        "one query against all %,d circuits with GraphEditDistance.between: %.1f ms (%.1f µs per"
            + " pair, graphs converted on every call)%n",
        all.size(),
        1e3 * queryAll,
        1e6 * queryAll / all.size());
    if (circuits == 360) {
      out.printf(
          Locale.ROOT,
          "reference (NetworkX anytime search, 360 x 360, its machine): about %.0f s -> %.0fx"
              + " faster on one thread%n",
          REFERENCE_360_SECONDS,
          REFERENCE_360_SECONDS / oneThread);
    }
  }

  /** A seeded sample without replacement. */
  static List<CircuitGraph> sample(List<CircuitGraph> all, int n, long seed) {
    List<CircuitGraph> pool = new ArrayList<>(all);
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int i = 0; i < n; i++) {
      int j = i + rnd.nextInt(pool.size() - i);
      CircuitGraph t = pool.get(i);
      pool.set(i, pool.get(j));
      pool.set(j, t);
    }
    return List.copyOf(pool.subList(0, n));
  }
}
