package org.zged.math;

import java.util.Arrays;
import java.util.Collection;
import org.hipparchus.stat.descriptive.rank.Percentile;

/**
 * Quantiles with linear interpolation between the two nearest order statistics (Hyndman–Fan type 7,
 * numpy's default): Hipparchus's {@link Percentile} with {@link Percentile.EstimationType#R_7}. The
 * one rule added here: where either neighbouring order statistic is infinite (a benchmark's
 * timeouts, a fit that did not converge) the upper one is returned, since interpolating would give
 * ∞ − ∞ = NaN. The one quantile helper of the project (zged-core, zged-design and zged-model use
 * it).
 */
public final class Quantiles {
  private Quantiles() {}

  /** The q-quantile (0 ≤ q ≤ 1) of the values, in any order; NaN for none. */
  public static double of(double[] values, double q) {
    if (!(q >= 0 && q <= 1)) {
      throw new IllegalArgumentException("quantile " + q + " is not in [0, 1]");
    }
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double pos = q * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(sorted.length - 1, lo + 1);
    if (Double.isInfinite(sorted[lo]) || Double.isInfinite(sorted[hi])) {
      return sorted[hi];
    }
    if (q == 0) {
      return sorted[0]; // Percentile takes p in (0, 100]
    }
    return new Percentile(100 * q)
        .withEstimationType(Percentile.EstimationType.R_7)
        .evaluate(sorted);
  }

  public static double of(Collection<Double> values, double q) {
    return of(values.stream().mapToDouble(Double::doubleValue).toArray(), q);
  }

  public static double median(Collection<Double> values) {
    return of(values, 0.5);
  }
}
