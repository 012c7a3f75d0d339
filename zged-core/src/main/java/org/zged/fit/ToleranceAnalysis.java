package org.zged.fit;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.zged.analysis.FilterSpecs;
import org.zged.analysis.ResponseClass;
import org.zged.circuit.Circuit;
import org.zged.math.Quantiles;

/**
 * Monte Carlo over component tolerances: every value is multiplied by an independent uniform factor
 * in [1 − t, 1 + t] (the worst-case-bounded model of a ±t part), the circuit is analysed exactly,
 * and the spread of fc/f0 and Q and the share of trials meeting the target are reported. Seeded, so
 * the same call gives the same report.
 */
public final class ToleranceAnalysis {
  private ToleranceAnalysis() {}

  public static ToleranceReport run(
      Circuit circuit,
      SpecTarget target,
      double tolerancePct,
      int trials,
      double acceptance,
      long seed) {
    if (!(tolerancePct > 0 && tolerancePct < 100)) {
      throw new org.zged.InputException(
          "--tolerance", "must be between 0 and 100 percent, got " + tolerancePct);
    }
    if (trials < 1 || trials > 1_000_000) {
      throw new org.zged.InputException("--trials", "must be between 1 and 1000000, got " + trials);
    }
    SpecEvaluator nominal = SpecEvaluator.analyse(circuit);
    if (!nominal.ok()) {
      throw new IllegalArgumentException("circuit cannot be analysed: " + nominal.failure());
    }
    ResponseClass cls = target.type() != null ? target.type() : nominal.specs().responseClass();
    Double f0 = SpecErrors.frequency(cls, nominal.specs());
    Double q0 = SpecErrors.q(cls, nominal.specs());
    SplittableRandom rnd = new SplittableRandom(seed);
    double t = tolerancePct / 100;
    double[] fs = new double[trials];
    double[] qs = new double[trials];
    int within = 0;
    double[] base = circuit.values();
    for (int k = 0; k < trials; k++) {
      double[] v = base.clone();
      for (int i = 0; i < v.length; i++) {
        v[i] *= 1 + t * (2 * rnd.nextDouble() - 1);
      }
      SpecEvaluator ev = SpecEvaluator.analyse(circuit.withValues(v));
      FilterSpecs s = ev.ok() ? ev.specs() : null;
      fs[k] = deviation(s == null ? null : SpecErrors.frequency(cls, s), f0);
      qs[k] = deviation(s == null ? null : SpecErrors.q(cls, s), q0);
      if (s != null && (target.isPoleZero() || SpecErrors.of(target, s).within(acceptance))) {
        within++;
      }
    }
    return new ToleranceReport(
        tolerancePct,
        trials,
        acceptance,
        f0 == null ? null : spread(f0, fs),
        q0 == null ? null : spread(q0, qs),
        (double) within / trials);
  }

  private static double deviation(Double achieved, Double nominal) {
    return achieved == null || nominal == null ? Double.NaN : achieved / nominal - 1;
  }

  private static ToleranceReport.Spread spread(double nominal, double[] d) {
    double[] x = Arrays.stream(d).filter(Double::isFinite).sorted().toArray();
    if (x.length == 0) {
      return new ToleranceReport.Spread(
          nominal, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    double mean = Arrays.stream(x).average().orElse(Double.NaN);
    double var =
        Arrays.stream(x).map(a -> (a - mean) * (a - mean)).sum() / Math.max(1, x.length - 1);
    return new ToleranceReport.Spread(
        nominal,
        mean,
        Math.sqrt(var),
        x[0],
        Quantiles.of(x, 0.05),
        Quantiles.of(x, 0.95),
        x[x.length - 1]);
  }
}
