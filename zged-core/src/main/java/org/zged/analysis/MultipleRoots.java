package org.zged.analysis;

/**
 * Recognises multiple roots and computes them to full precision.
 *
 * <p>A root of multiplicity m comes out of any root finder as a ring of m roots of radius about
 * ε^(1/m) (1e-3 of its size for m = 5), and the ring is not even centred: the ladder of five
 * identical R‖L sections, whose numerator is K·(s + R/L)⁵, gave a DC gain wrong by 5e-4. Circuits
 * with equal time constants (identical sections, E-series values) have such roots routinely.
 *
 * <p>Method: roots closer together than {@link #CLUSTER} of their size form a cluster of m. An
 * m-fold root of p is a simple root of the (m−1)-th derivative p^(m−1), so the cluster's centroid
 * is Newton-polished on p^(m−1), where it converges quadratically to full precision. The cluster is
 * accepted as one m-fold root only if p, p', …, p^(m−2) all vanish there to within 1e-6 of the sum
 * of the magnitudes of their terms; otherwise the roots are distinct and stay as they are.
 */
final class MultipleRoots {
  /** Roots closer than this share of their size are candidates for one multiple root. */
  static final double CLUSTER = 0.15;

  private static final double VANISH = 1e-6;

  private MultipleRoots() {}

  /** Replaces every accepted cluster in (zr, zi), roots of the monic polynomial t, in place. */
  static void merge(double[] t, double[] zr, double[] zi) {
    int n = zr.length;
    boolean[] done = new boolean[n];
    int[] members = new int[n];
    for (int i = 0; i < n; i++) {
      if (done[i]) {
        continue;
      }
      double size = Polynomials.abs(zr[i], zi[i]);
      int m = 0;
      double cr = 0;
      double ci = 0;
      for (int j = i; j < n; j++) {
        if (!done[j] && Polynomials.abs(zr[j] - zr[i], zi[j] - zi[i]) <= CLUSTER * size) {
          members[m++] = j;
          cr += zr[j];
          ci += zi[j];
        }
      }
      if (m < 2) {
        continue;
      }
      double[] centre = {cr / m, ci / m};
      double[] q = t;
      for (int k = 0; k < m - 1; k++) {
        q = Polynomials.derivative(q);
      }
      PolynomialRoots.polish(q, centre);
      if (!vanishes(t, m, centre[0], centre[1])
          || spread(zr, zi, members, m, centre) > 4 * noiseRadius(t, m, centre)) {
        continue;
      }
      for (int k = 0; k < m; k++) {
        zr[members[k]] = centre[0];
        zi[members[k]] = centre[1];
        done[members[k]] = true;
      }
    }
  }

  private static double spread(double[] zr, double[] zi, int[] members, int m, double[] c) {
    double s = 0;
    for (int k = 0; k < m; k++) {
      s = Math.max(s, Polynomials.abs(zr[members[k]] - c[0], zi[members[k]] - c[1]));
    }
    return s;
  }

  /**
   * How far rounding scatters an m-fold root at c: the radius r where the m-th order term
   * |p^(m)(c)/m!|·r^m of p around c equals the rounding error of evaluating p there (1000 ulps of
   * the sum of the magnitudes of its terms). Two distinct close roots lie much further apart than
   * this; the ring of a true multiple root lies inside it.
   */
  private static double noiseRadius(double[] p, int m, double[] c) {
    double radius = Polynomials.abs(c[0], c[1]);
    double bound = 0;
    double power = 1;
    for (double coefficient : p) {
      bound += Math.abs(coefficient) * power;
      power *= radius;
    }
    double[] d = p;
    double factorial = 1;
    for (int k = 1; k <= m; k++) {
      d = Polynomials.derivative(d);
      factorial *= k;
    }
    double[] v = new double[2];
    evaluate(d, c[0], c[1], v);
    double leading = Polynomials.abs(v[0], v[1]) / factorial;
    return Math.pow(1000 * Math.ulp(1.0) * bound / leading, 1.0 / m);
  }

  /** p^(k)(c) ≈ 0 for k = 0 … m−2, each relative to the magnitudes of its terms at c. */
  private static boolean vanishes(double[] p, int m, double cr, double ci) {
    double radius = Polynomials.abs(cr, ci);
    double[] d = p;
    double[] v = new double[2];
    for (int k = 0; k <= m - 2; k++) {
      evaluate(d, cr, ci, v);
      double bound = 0;
      double power = 1;
      for (double coefficient : d) {
        bound += Math.abs(coefficient) * power;
        power *= radius;
      }
      if (Polynomials.abs(v[0], v[1]) > VANISH * bound) {
        return false;
      }
      d = Polynomials.derivative(d);
    }
    return true;
  }

  private static void evaluate(double[] p, double xr, double xi, double[] out) {
    double pr = 0;
    double pi = 0;
    for (int k = p.length - 1; k >= 0; k--) {
      double npr = pr * xr - pi * xi + p[k];
      pi = pr * xi + pi * xr;
      pr = npr;
    }
    out[0] = pr;
    out[1] = pi;
  }
}
