package org.zged.eval;

import java.util.Arrays;

/**
 * The silhouette score of a labelled point set (Euclidean): for each point, a = mean distance to
 * the other points of its label, b = the smallest mean distance to the points of another label, s =
 * (b − a) / max(a, b); the score is the mean s. A point alone in its label scores 0 (the usual
 * convention). Near 1: labels form tight, far-apart clusters; near 0: overlapping; below 0: points
 * sit closer to another label than to their own.
 *
 * <p>Hand-written because neither Hipparchus (whose clustering module has only inertia-like
 * evaluators) nor EJML has a silhouette; it is checked against values worked by hand in {@code
 * MetricsTest}.
 */
public final class Silhouette {
  private Silhouette() {}

  /**
   * @param points one row per point
   * @param labels a label per point, any non-negative ints
   * @return the mean silhouette, or NaN when there are fewer than two labels or fewer than 2 points
   */
  public static double score(double[][] points, int[] labels) {
    double[] s = perPoint(points, labels);
    return s.length == 0 ? Double.NaN : Arrays.stream(s).average().orElse(Double.NaN);
  }

  /** The silhouette of every point; empty when the score is undefined. */
  public static double[] perPoint(double[][] points, int[] labels) {
    int n = points.length;
    if (labels.length != n) {
      throw new IllegalArgumentException(n + " points but " + labels.length + " labels");
    }
    int k = Arrays.stream(labels).max().orElse(-1) + 1;
    int[] size = new int[Math.max(k, 0)];
    for (int l : labels) {
      size[l]++;
    }
    long present = Arrays.stream(size).filter(c -> c > 0).count();
    if (n < 2 || present < 2) {
      return new double[0];
    }
    double[] out = new double[n];
    double[] sum = new double[k];
    for (int i = 0; i < n; i++) {
      Arrays.fill(sum, 0);
      for (int j = 0; j < n; j++) {
        if (j != i) {
          sum[labels[j]] += Distances.euclidean(points[i], points[j]);
        }
      }
      int own = labels[i];
      if (size[own] == 1) {
        out[i] = 0;
        continue;
      }
      double a = sum[own] / (size[own] - 1);
      double b = Double.POSITIVE_INFINITY;
      for (int l = 0; l < k; l++) {
        if (l != own && size[l] > 0) {
          b = Math.min(b, sum[l] / size[l]);
        }
      }
      double m = Math.max(a, b);
      out[i] = m == 0 ? 0 : (b - a) / m;
    }
    return out;
  }
}
