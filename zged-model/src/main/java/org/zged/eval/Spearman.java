package org.zged.eval;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Spearman's rank correlation: the Pearson correlation of the ranks, ties given their average rank.
 * NaN when either input is constant (the correlation is undefined).
 */
public final class Spearman {
  private Spearman() {}

  public static double correlation(double[] x, double[] y) {
    if (x.length != y.length) {
      throw new IllegalArgumentException(x.length + " vs " + y.length + " values");
    }
    if (x.length < 2) {
      return Double.NaN;
    }
    return pearson(ranks(x), ranks(y));
  }

  /** Ranks 1..n, tied values sharing the mean of their ranks. */
  static double[] ranks(double[] v) {
    Integer[] idx = IntStream.range(0, v.length).boxed().toArray(Integer[]::new);
    Arrays.sort(idx, Comparator.comparingDouble(i -> v[i]));
    double[] r = new double[v.length];
    int i = 0;
    while (i < idx.length) {
      int j = i;
      while (j + 1 < idx.length && v[idx[j + 1]] == v[idx[i]]) {
        j++;
      }
      double mean = (i + j) / 2.0 + 1;
      for (int m = i; m <= j; m++) {
        r[idx[m]] = mean;
      }
      i = j + 1;
    }
    return r;
  }

  static double pearson(double[] x, double[] y) {
    double mx = Arrays.stream(x).average().orElse(0);
    double my = Arrays.stream(y).average().orElse(0);
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < x.length; i++) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
      syy += (y[i] - my) * (y[i] - my);
    }
    return sxx == 0 || syy == 0 ? Double.NaN : sxy / Math.sqrt(sxx * syy);
  }
}
