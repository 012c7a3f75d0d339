package org.zged.eval;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Principal component analysis by eigen-decomposition of the covariance matrix (EJML). Components
 * are sorted by explained variance; each axis's sign is fixed so that its largest-magnitude loading
 * is positive, which makes plots reproducible.
 */
public final class Pca {
  private final double[] mean;
  private final double[][] axes;
  private final double[] explainedRatio;

  private Pca(double[] mean, double[][] axes, double[] explainedRatio) {
    this.mean = mean;
    this.axes = axes;
    this.explainedRatio = explainedRatio;
  }

  public static Pca fit(double[][] points, int components) {
    int n = points.length;
    int d = points[0].length;
    if (components < 1 || components > d) {
      throw new IllegalArgumentException("components must be in 1.." + d);
    }
    double[] mean = new double[d];
    for (double[] p : points) {
      for (int j = 0; j < d; j++) {
        mean[j] += p[j] / n;
      }
    }
    DMatrixRMaj cov = new DMatrixRMaj(d, d);
    for (double[] p : points) {
      for (int a = 0; a < d; a++) {
        for (int b = 0; b < d; b++) {
          cov.add(a, b, (p[a] - mean[a]) * (p[b] - mean[b]) / Math.max(1, n - 1));
        }
      }
    }
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(d, true, true);
    if (!eig.decompose(cov.copy())) {
      throw new IllegalStateException("eigen-decomposition of the covariance failed");
    }
    Integer[] order = new Integer[d];
    double total = 0;
    for (int i = 0; i < d; i++) {
      order[i] = i;
      total += Math.max(0, eig.getEigenvalue(i).getReal());
    }
    java.util.Arrays.sort(
        order,
        (x, y) -> Double.compare(eig.getEigenvalue(y).getReal(), eig.getEigenvalue(x).getReal()));
    double[][] axes = new double[components][];
    double[] ratio = new double[components];
    for (int c = 0; c < components; c++) {
      DMatrixRMaj v = eig.getEigenVector(order[c]);
      double[] axis = new double[d];
      double norm = Math.sqrt(CommonOps_DDRM.dot(v, v));
      int biggest = 0;
      for (int j = 0; j < d; j++) {
        axis[j] = v.get(j) / norm;
        if (Math.abs(axis[j]) > Math.abs(axis[biggest])) {
          biggest = j;
        }
      }
      if (axis[biggest] < 0) {
        for (int j = 0; j < d; j++) {
          axis[j] = -axis[j];
        }
      }
      axes[c] = axis;
      double ev = Math.max(0, eig.getEigenvalue(order[c]).getReal());
      ratio[c] = total == 0 ? 0 : ev / total;
    }
    return new Pca(mean, axes, ratio);
  }

  /** Coordinates of every point on the principal axes. */
  public double[][] project(double[][] points) {
    double[][] out = new double[points.length][axes.length];
    for (int i = 0; i < points.length; i++) {
      for (int c = 0; c < axes.length; c++) {
        double s = 0;
        for (int j = 0; j < mean.length; j++) {
          s += (points[i][j] - mean[j]) * axes[c][j];
        }
        out[i][c] = s;
      }
    }
    return out;
  }

  /** Unit-length principal axes, largest variance first. */
  public double[][] axes() {
    return axes;
  }

  /** Share of the total variance along each kept axis. */
  public double[] explainedVarianceRatio() {
    return explainedRatio.clone();
  }
}
