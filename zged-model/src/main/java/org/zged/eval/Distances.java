package org.zged.eval;

/** Small vector helpers shared by the metrics. */
final class Distances {
  private Distances() {}

  static double squaredEuclidean(double[] x, double[] y) {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      double d = x[i] - y[i];
      s += d * d;
    }
    return s;
  }

  static double euclidean(double[] x, double[] y) {
    return Math.sqrt(squaredEuclidean(x, y));
  }

  /** Columns {@code from} (inclusive) to {@code to} (exclusive) of every row. */
  static double[][] columns(double[][] rows, int from, int to) {
    double[][] out = new double[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      out[i] = java.util.Arrays.copyOfRange(rows[i], from, to);
    }
    return out;
  }
}
