package org.zged.eval;

import java.util.Collection;

/** Order statistics with linear interpolation between the two nearest ranks. */
public final class Quantiles {
  private Quantiles() {}

  /** The q-quantile (0 ≤ q ≤ 1) of the values, or NaN for none. */
  public static double of(Collection<Double> values, double q) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    double pos = q * (v.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = (int) Math.ceil(pos);
    return v[lo] + (pos - lo) * (v[hi] - v[lo]);
  }

  public static double median(Collection<Double> values) {
    return of(values, 0.5);
  }
}
