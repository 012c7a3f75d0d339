package org.zged.cli;

import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hipparchus.complex.Complex;
import org.zged.analysis.Analysis;
import org.zged.analysis.AnalysisFailedException;
import org.zged.analysis.CircuitAnalyzer;
import org.zged.analysis.FrequencyResponse;
import org.zged.analysis.RandomCircuits;
import org.zged.analysis.reference.DecimalNodalSolve;
import org.zged.circuit.Circuit;
import org.zged.circuit.CircuitException;

/**
 * The accuracy section of {@code zged bench analysis}: random valid circuits of 3 to 20 nodes
 * (values over 12 decades, {@link RandomCircuits}), each analysed and then checked against an
 * independent 34-digit nodal solve ({@link DecimalNodalSolve}) at a random complex point and one
 * point of the response curve. A result is wrong when its H differs from the reference by more than
 * {@link #WRONG} relative; a refusal (the analysis' own one-line failure) is counted apart.
 */
final class AnalysisAccuracyRun {
  static final double WRONG = 1e-8;

  /** Totals over a run; merged from the threads. */
  static final class Tally {
    long circuits;
    long refused;
    long otherErrors;
    long wrong;
    long above1e9;
    double worst;
    String firstWrong;
    String firstRefused;
    long analysisNanos;

    void add(Tally o) {
      circuits += o.circuits;
      refused += o.refused;
      otherErrors += o.otherErrors;
      wrong += o.wrong;
      above1e9 += o.above1e9;
      worst = Math.max(worst, o.worst);
      analysisNanos += o.analysisNanos;
      if (firstWrong == null) {
        firstWrong = o.firstWrong;
      }
      if (firstRefused == null) {
        firstRefused = o.firstRefused;
      }
    }
  }

  private AnalysisAccuracyRun() {}

  static Tally run(long count, long seed, int threads) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Tally>> parts = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        long from = count * t / threads;
        long to = count * (t + 1) / threads;
        boolean progress = t == 0;
        parts.add(pool.submit(() -> range(from, to, seed, progress)));
      }
      Tally total = new Tally();
      for (Future<Tally> f : parts) {
        total.add(f.get());
      }
      return total;
    } finally {
      pool.shutdownNow();
    }
  }

  /** Circuit i comes from its own seed, so the result does not depend on the thread count. */
  private static Tally range(long from, long to, long seed, boolean progress) {
    Tally t = new Tally();
    for (long i = from; i < to; i++) {
      if (progress && (i - from) % 5000 == 0 && i > from) {
        System.out.printf(
            "accuracy progress: %,d of this thread's %,d circuits, %d wrong, %d refused so far%n",
            i - from, to - from, t.wrong, t.refused);
      }
      SplittableRandom rnd = new SplittableRandom(seed * 1_000_003L + i);
      int nodes = 3 + rnd.nextInt(18);
      Circuit c = RandomCircuits.of(rnd, nodes);
      t.circuits++;
      Analysis a;
      long t0 = System.nanoTime();
      try {
        a = CircuitAnalyzer.analyze(c);
      } catch (AnalysisFailedException e) {
        t.refused++;
        if (t.firstRefused == null) {
          t.firstRefused = e.getMessage() + " " + c;
        }
        continue;
      } catch (CircuitException e) {
        t.otherErrors++;
        continue;
      } finally {
        t.analysisNanos += System.nanoTime() - t0;
      }
      StringBuilder where = new StringBuilder();
      double err = worstError(c, a, rnd, where);
      t.worst = Math.max(t.worst, err);
      if (err > 1e-9) {
        t.above1e9++;
      }
      if (!(err <= WRONG)) {
        t.wrong++;
        if (t.firstWrong == null) {
          t.firstWrong = String.format("%.3g %s %s", err, where, c);
        }
      }
    }
    return t;
  }

  /** Largest relative error of H over two random points and one response-curve point. */
  private static double worstError(
      Circuit c, Analysis a, SplittableRandom rnd, StringBuilder where) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = 0;
    for (Complex p : a.poles()) {
      if (p.norm() > 0) {
        lo = Math.min(lo, p.norm());
        hi = Math.max(hi, p.norm());
      }
    }
    if (hi == 0) {
      lo = 1;
      hi = 1;
    }
    double worst = 0;
    for (int k = 0; k < 1; k++) {
      double w = Math.exp(Math.log(lo / 10) + rnd.nextDouble() * Math.log(hi * 100 / lo));
      double th = rnd.nextDouble() * Math.PI / 2;
      Complex s = new Complex(w * Math.cos(th), w * Math.sin(th));
      Complex ref = DecimalNodalSolve.at(c, s, MathContext.DECIMAL128);
      Complex f = factored(a, s);
      double e = f.subtract(ref).norm() / ref.norm();
      if (!(e <= worst)) {
        worst = e;
        where.setLength(0);
        where
            .append("at s = ")
            .append(s)
            .append(": H ")
            .append(f)
            .append(", reference ")
            .append(ref);
      }
    }
    // the response curve users see: |H| in dB at one frequency
    double fHz =
        Math.exp(Math.log(lo / 10) + rnd.nextDouble() * Math.log(hi * 100 / lo)) / (2 * Math.PI);
    FrequencyResponse r = a.response(new double[] {fHz});
    Complex ref =
        DecimalNodalSolve.at(c, new Complex(0, 2 * Math.PI * fHz), MathContext.DECIMAL128);
    double mag = Math.pow(10, r.magnitudeDb()[0] / 20);
    double e = Math.abs(mag - ref.norm()) / ref.norm();
    if (!(e <= worst)) {
      worst = e;
      where.setLength(0);
      where
          .append("at f = ")
          .append(fHz)
          .append(" Hz: |H| ")
          .append(mag)
          .append(", reference ")
          .append(ref.norm());
    }
    return Double.isNaN(worst) ? Double.POSITIVE_INFINITY : worst;
  }

  private static Complex factored(Analysis a, Complex s) {
    Complex h = new Complex(a.gain());
    int k = Math.max(a.zeros().size(), a.poles().size());
    for (int i = 0; i < k; i++) {
      if (i < a.zeros().size()) {
        h = h.multiply(s.subtract(a.zeros().get(i)));
      }
      if (i < a.poles().size()) {
        h = h.divide(s.subtract(a.poles().get(i)));
      }
    }
    return h;
  }
}
