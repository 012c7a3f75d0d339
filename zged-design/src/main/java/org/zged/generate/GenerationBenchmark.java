package org.zged.generate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.hipparchus.complex.Complex;
import org.zged.analysis.TransferFunction;
import org.zged.circuit.Circuit;
import org.zged.fit.ESeries;
import org.zged.fit.ESeriesSnapper;
import org.zged.fit.FamilyDesign;
import org.zged.fit.FitResult;
import org.zged.fit.SpecErrors;
import org.zged.fit.SpecTarget;
import org.zged.math.Gaussians;
import org.zged.math.Quantiles;
import org.zged.model.DecodeResult;
import org.zged.netlist.AcSweep;
import org.zged.spice.Ngspice;
import org.zged.spice.NgspiceAc;

/**
 * {@code zged bench generate}: the pipeline against two baselines on the same realizable targets,
 * single-threaded, after a warm-up. Every figure is measured, none is asserted.
 *
 * <ul>
 *   <li>ablation — the pipeline's own search and blend decode without refinement;
 *   <li>pipeline — {@link SpecGenerator} with one candidate requested (search, decode, refine,
 *       verify);
 *   <li>reference method — the reference's K-NN (linear Q distance, k = 5) latent blend decoded
 *       once, values as decoded, verified but not refined;
 *   <li>closed form — the target's own family designed by formula ({@link FamilyDesign}), the exact
 *       oracle.
 * </ul>
 */
public final class GenerationBenchmark {
  // Thread CPU time next to wall time: robust when other processes share the cores.
  private static final java.lang.management.ThreadMXBean CPU =
      java.lang.management.ManagementFactory.getThreadMXBean();

  /** Errors, success and latency of one method over the targets. */
  public record MethodStats(
      String method,
      int targets,
      double met1,
      double met5,
      double fcMedian,
      double fcP95,
      double qMedian,
      double qP95,
      double latencyP50Ms,
      double latencyP95Ms,
      double invalid,
      double wrongClass,
      double cpuP50Ms,
      double cpuP95Ms) {}

  /** Distribution of relative fc errors after E-series snapping and re-fit. */
  public record SnapStats(String series, int circuits, double median, double p95, double worst) {}

  /** Everything one run measured. */
  public record Report(
      int targets,
      long seed,
      double widenDecades,
      List<MethodStats> methods,
      Map<String, Integer> pipelineSources,
      List<SnapStats> eSeries,
      double priorValidity,
      int priorSamples,
      int ngspiceCircuits,
      double ngspiceMaxDeviation) {}

  private final SpecGenerator generator;

  public GenerationBenchmark(SpecGenerator generator) {
    this.generator = generator;
  }

  public Report run(int n, long seed, double widen, int ngspiceSample, int snapSample) {
    generator.reference();
    // Warm-up on other targets so that JIT compilation is not timed.
    for (BenchTarget t :
        BenchTarget.draw(Math.min(60, Math.max(10, n / 4)), seed + 1_000_003, widen)) {
      generator.generate(t.target(), 1, 1);
      referenceMethod(t.target());
    }
    List<BenchTarget> targets = BenchTarget.draw(n, seed, widen);
    List<double[]> pipe = new ArrayList<>();
    List<double[]> knn = new ArrayList<>();
    List<double[]> closed = new ArrayList<>();
    Map<String, Integer> sources = new LinkedHashMap<>();
    List<FitResult> pipelineResults = new ArrayList<>();
    List<Double> pipeCpu = new ArrayList<>();
    List<Double> knnCpu = new ArrayList<>();
    List<Double> closedCpu = new ArrayList<>();
    List<double[]> blend = new ArrayList<>();
    List<Double> blendCpu = new ArrayList<>();
    for (BenchTarget bt : targets) {
      SpecTarget t = bt.target();
      long c0 = CPU.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      Generation g = generator.generate(t, 1, seed);
      double ms = (System.nanoTime() - t0) / 1e6;
      pipeCpu.add((CPU.getCurrentThreadCpuTime() - c0) / 1e6);
      FitResult best = g.best();
      pipe.add(row(t, best == null ? null : best.circuit(), ms, best));
      if (best != null) {
        pipelineResults.add(best);
        sources.merge(g.ranked().get(0).source(), 1, Integer::sum);
      }
      c0 = CPU.getCurrentThreadCpuTime();
      t0 = System.nanoTime();
      Circuit c = referenceMethod(t);
      FitResult v = c == null ? null : generator.fitter().verify(c, t);
      ms = (System.nanoTime() - t0) / 1e6;
      knnCpu.add((CPU.getCurrentThreadCpuTime() - c0) / 1e6);
      knn.add(row(t, c, ms, v));
      c0 = CPU.getCurrentThreadCpuTime();
      t0 = System.nanoTime();
      Circuit b = blendOnly(t);
      FitResult bv = b == null ? null : generator.fitter().verify(b, t);
      ms = (System.nanoTime() - t0) / 1e6;
      blendCpu.add((CPU.getCurrentThreadCpuTime() - c0) / 1e6);
      blend.add(row(t, b, ms, bv));
      c0 = CPU.getCurrentThreadCpuTime();
      t0 = System.nanoTime();
      Circuit d = FamilyDesign.ofId(bt.family().id()).design(t);
      FitResult dv = generator.fitter().verify(d, t);
      ms = (System.nanoTime() - t0) / 1e6;
      closedCpu.add((CPU.getCurrentThreadCpuTime() - c0) / 1e6);
      closed.add(row(t, d, ms, dv));
    }
    List<MethodStats> methods =
        List.of(
            stats("zged pipeline (VAE + fit + verify)", pipe, pipeCpu),
            stats("reference method (K-NN blend, no refinement)", knn, knnCpu),
            stats("zged search + blend decode, no refinement", blend, blendCpu),
            stats("closed-form design of the target's family", closed, closedCpu));
    List<SnapStats> snaps = new ArrayList<>();
    List<FitResult> toSnap =
        pipelineResults.subList(0, Math.min(snapSample, pipelineResults.size()));
    snaps.add(snap(toSnap, ESeries.E24, null, false));
    snaps.add(snap(toSnap, ESeries.E24, null, true));
    snaps.add(snap(toSnap, ESeries.E24, ESeries.E96, false));
    snaps.add(snap(toSnap, ESeries.E96, null, false));
    double prior = priorValidity(1000, seed);
    double[] ng = ngspiceCheck(pipelineResults, ngspiceSample);
    return new Report(n, seed, widen, methods, sources, snaps, prior, 1000, (int) ng[0], ng[1]);
  }

  /**
   * Ablation: the pipeline's own search (log-Q distance, class filter) and blend decode, values as
   * decoded — what refinement adds.
   */
  Circuit blendOnly(SpecTarget t) {
    List<NeighbourSearch.Neighbour> nn = NeighbourSearch.nearest(generator.reference(), t, 5, 0);
    if (nn.isEmpty()) {
      return null;
    }
    float[] z = new float[nn.get(0).entry().mu().length];
    for (NeighbourSearch.Neighbour n : nn) {
      for (int i = 0; i < z.length; i++) {
        z[i] += (float) (n.weight() * n.entry().mu()[i]);
      }
    }
    DecodeResult d = generator.model().decode(z);
    return d.valid() ? d.circuit() : null;
  }

  /** The reference's generation: K-NN blend of latents (linear-Q distance), one decode. */
  Circuit referenceMethod(SpecTarget t) {
    List<NeighbourSearch.Neighbour> nn =
        NeighbourSearch.nearestLikeReference(generator.reference(), t, 5);
    float[] z = new float[nn.get(0).entry().mu().length];
    for (NeighbourSearch.Neighbour n : nn) {
      for (int i = 0; i < z.length; i++) {
        z[i] += (float) (n.weight() * n.entry().mu()[i]);
      }
    }
    DecodeResult d = generator.model().decode(z);
    return d.valid() ? d.circuit() : null;
  }

  /**
   * {fc error, q error (NaN if not targeted), latency ms, met1, met5, invalid, wrong class}; a
   * missing circuit or a wrong response class counts as an infinite error.
   */
  private static double[] row(SpecTarget t, Circuit c, double ms, FitResult v) {
    double qMiss = t.q() == null ? Double.NaN : Double.POSITIVE_INFINITY;
    if (c == null || v == null || v.errors() == null) {
      return new double[] {Double.POSITIVE_INFINITY, qMiss, ms, 0, 0, 1, 0};
    }
    SpecErrors e = v.errors();
    if (!e.classMatches()) {
      return new double[] {Double.POSITIVE_INFINITY, qMiss, ms, 0, 0, 0, 1};
    }
    double q = t.q() == null ? Double.NaN : e.q();
    return new double[] {e.fc(), q, ms, e.within(0.01) ? 1 : 0, e.within(0.05) ? 1 : 0, 0, 0};
  }

  private static MethodStats stats(String name, List<double[]> rows, List<Double> cpuMs) {
    double[] cpu = cpuMs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    double[] fc = rows.stream().mapToDouble(r -> r[0]).sorted().toArray();
    double[] q =
        rows.stream().mapToDouble(r -> r[1]).filter(x -> !Double.isNaN(x)).sorted().toArray();
    double[] ms = rows.stream().mapToDouble(r -> r[2]).sorted().toArray();
    double met1 = rows.stream().mapToDouble(r -> r[3]).average().orElse(Double.NaN);
    double met5 = rows.stream().mapToDouble(r -> r[4]).average().orElse(Double.NaN);
    return new MethodStats(
        name,
        rows.size(),
        met1,
        met5,
        Quantiles.of(fc, 0.5),
        Quantiles.of(fc, 0.95),
        Quantiles.of(q, 0.5),
        Quantiles.of(q, 0.95),
        Quantiles.of(ms, 0.5),
        Quantiles.of(ms, 0.95),
        rows.stream().mapToDouble(r -> r[5]).average().orElse(Double.NaN),
        rows.stream().mapToDouble(r -> r[6]).average().orElse(Double.NaN),
        Quantiles.of(cpu, 0.5),
        Quantiles.of(cpu, 0.95));
  }

  private SnapStats snap(List<FitResult> results, ESeries series, ESeries resistors, boolean trim) {
    ESeriesSnapper snapper =
        ESeriesSnapper.builder()
            .setSeries(series)
            .optResistorSeries(resistors)
            .optFitter(generator.fitter())
            .optTrimAbove(trim ? SpecGenerator.ACCEPTANCE : -1)
            .build();
    double[] err =
        results.stream()
            .mapToDouble(
                f -> {
                  var r = snapper.snap(f.circuit(), snapTarget(f));
                  return r.result().errors() == null
                      ? Double.POSITIVE_INFINITY
                      : r.result().errors().fc();
                })
            .sorted()
            .toArray();
    String name =
        (resistors == null
                ? series.name()
                : series.name() + " (resistors " + resistors.name() + ")")
            + (trim ? " + trim parts" : "");
    return new SnapStats(
        name,
        err.length,
        Quantiles.of(err, 0.5),
        Quantiles.of(err, 0.95),
        err.length == 0 ? Double.NaN : err[err.length - 1]);
  }

  /**
   * Snapping keeps the fitted circuit's own class and fc (and Q where it has one) as the target.
   */
  private static SpecTarget snapTarget(FitResult f) {
    var s = f.specs();
    Double fc = SpecErrors.frequency(s.responseClass(), s);
    Double q = SpecErrors.q(s.responseClass(), s);
    return SpecTarget.builder()
        .optType(s.responseClass())
        .optFc(fc)
        .optQ(q != null && Double.isFinite(q) && q <= SpecTarget.MAX_Q && !s.lossless() ? q : null)
        .build();
  }

  /** Share of structurally valid decodes of z ~ N(0, I) at temperature 1. */
  private double priorValidity(int n, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    int dims = generator.reference().entries().get(0).mu().length;
    float[][] zs = new float[n][dims];
    for (float[] z : zs) {
      for (int i = 0; i < dims; i++) {
        z[i] = (float) Gaussians.next(rng);
      }
    }
    List<DecodeResult> d = generator.model().decodeAll(zs, 1.0, seed);
    return d.stream().filter(DecodeResult::valid).count() / (double) n;
  }

  /**
   * ngspice on a sample of the pipeline's circuits: the largest relative deviation of |H| from the
   * exact transfer function over 401 points spanning four decades around the target. The specs were
   * verified on that exact transfer function, so agreement here carries over to ngspice.
   */
  private static double[] ngspiceCheck(List<FitResult> results, int sample) {
    if (!Ngspice.available() || sample <= 0) {
      return new double[] {0, Double.NaN};
    }
    double worst = 0;
    int n = 0;
    for (FitResult f : results.subList(0, Math.min(sample, results.size()))) {
      var s = f.specs();
      double centre = SpecErrors.frequency(s.responseClass(), s);
      NgspiceAc ac = Ngspice.ac(f.circuit(), new AcSweep(100, centre / 100, centre * 100));
      TransferFunction tf = f.transferFunction();
      double peak = Arrays.stream(ac.h()).mapToDouble(Complex::norm).max().orElse(1);
      for (int i = 0; i < ac.size(); i++) {
        Complex exact = tf.evaluate(2 * Math.PI * ac.frequencyHz()[i]);
        double dev = ac.h()[i].subtract(exact).norm() / Math.max(exact.norm(), 1e-9 * peak);
        worst = Math.max(worst, dev);
      }
      n++;
    }
    return new double[] {n, worst};
  }
}
