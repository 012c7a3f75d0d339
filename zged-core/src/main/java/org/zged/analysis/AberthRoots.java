package org.zged.analysis;

/**
 * All roots of a monic real polynomial by the Aberth–Ehrlich iteration: every estimate takes a
 * Newton step corrected by the repulsion of the other estimates, z_i −= w/(1 − w·Σ_{j≠i} 1/(z_i −
 * z_j)) with w = p(z_i)/p'(z_i), which converges cubically for simple roots from almost any start.
 * Start points lie on circles whose radii come from the Newton polygon of the coefficients (the
 * upper convex hull of (k, log|c_k|)), so roots of very different sizes each start near their own
 * circle. Primitive arrays only; no allocation per iteration.
 */
final class AberthRoots {
  private static final int MAX_ITERATIONS = 200;

  private AberthRoots() {}

  /**
   * Fills zr, zi with the m roots of the monic polynomial p (p[m] = 1, p[0] != 0). Returns false
   * when the iteration did not converge; the caller then uses another method.
   */
  static boolean solve(double[] p, double[] zr, double[] zi) {
    int m = p.length - 1;
    startPoints(p, zr, zi);
    boolean[] done = new boolean[m];
    int remaining = m;
    double[] v = new double[4];
    for (int it = 0; it < MAX_ITERATIONS && remaining > 0; it++) {
      for (int i = 0; i < m; i++) {
        if (done[i]) {
          continue;
        }
        double xr = zr[i];
        double xi = zi[i];
        Polynomials.hornerWithDerivative(p, xr, xi, v);
        double pr = v[0];
        double pim = v[1];
        double dr = v[2];
        double di = v[3];
        if (pr == 0 && pim == 0) {
          done[i] = true;
          remaining--;
          continue;
        }
        // w = p/p'
        double dd = dr * dr + di * di;
        if (dd == 0) {
          // stationary point: nudge and retry next sweep
          zr[i] = xr * (1 + 1e-8) + 1e-8;
          zi[i] = xi + 1e-8;
          continue;
        }
        double wr = (pr * dr + pim * di) / dd;
        double wi = (pim * dr - pr * di) / dd;
        // s = Σ 1/(z_i − z_j)
        double sr = 0;
        double si = 0;
        for (int j = 0; j < m; j++) {
          if (j != i) {
            double ar = xr - zr[j];
            double ai = xi - zi[j];
            double aa = ar * ar + ai * ai;
            if (aa > 0) {
              sr += ar / aa;
              si -= ai / aa;
            }
          }
        }
        // correction = w / (1 − w·s)
        double cr = 1 - (wr * sr - wi * si);
        double ci = -(wr * si + wi * sr);
        double cc = cr * cr + ci * ci;
        double stepR = (wr * cr + wi * ci) / cc;
        double stepI = (wi * cr - wr * ci) / cc;
        if (!Double.isFinite(stepR) || !Double.isFinite(stepI)) {
          return false;
        }
        zr[i] = xr - stepR;
        zi[i] = xi - stepI;
        // converged to 1e-12; the caller's Newton polish takes the last digits
        if (Polynomials.abs(stepR, stepI) <= 1e-12 * Polynomials.abs(zr[i], zi[i])) {
          done[i] = true;
          remaining--;
        }
      }
    }
    return remaining == 0;
  }

  /** Start points from the Newton polygon, slightly rotated off the real axis. */
  private static void startPoints(double[] p, double[] zr, double[] zi) {
    int m = p.length - 1;
    double[] logc = new double[m + 1];
    for (int k = 0; k <= m; k++) {
      logc[k] = p[k] == 0 ? Double.NEGATIVE_INFINITY : Math.log(Math.abs(p[k]));
    }
    // upper convex hull of (k, log|p_k|), from k = 0 to k = m
    int[] hull = new int[m + 1];
    int h = 0;
    for (int k = 0; k <= m; k++) {
      if (logc[k] == Double.NEGATIVE_INFINITY) {
        continue;
      }
      while (h >= 2 && cross(hull[h - 2], hull[h - 1], k, logc) >= 0) {
        h--;
      }
      hull[h++] = k;
    }
    int next = 0;
    for (int s = 0; s + 1 < h; s++) {
      int a = hull[s];
      int b = hull[s + 1];
      int count = b - a;
      double radius = Math.exp((logc[a] - logc[b]) / count);
      for (int k = 0; k < count; k++) {
        double angle = 2 * Math.PI * k / count + Math.PI / (2 * count) + 0.4;
        zr[next] = radius * Math.cos(angle);
        zi[next] = radius * Math.sin(angle);
        next++;
      }
    }
  }

  /** Cross product sign of (i→j) × (i→k) in the (k, log|c|) plane. */
  private static double cross(int i, int j, int k, double[] logc) {
    return (j - i) * (logc[k] - logc[i]) - (logc[j] - logc[i]) * (k - i);
  }
}
