package org.zged.analysis;

/**
 * V(vout) at one complex s̃ straight from the scaled nodal equations (s̃·Y(s̃))·V = s̃·b(s̃), by
 * complex Gaussian elimination with partial pivoting in double precision: no polynomial, no root.
 * This is the reference the self-check ({@link SelfCheck}) compares the factored H with.
 *
 * <p>Hand-written rather than EJML's complex LU because it runs inside every analysis on 1 to 20
 * unknowns: with primitive arrays and no matrix objects a 3×3 solve is about 0.1 µs, several times
 * less than building and decomposing a ZMatrixRMaj.
 */
final class NodalSolve {
  private NodalSolve() {}

  /** {Re, Im} of V(vout) (H at s̃), or NaNs when the matrix is numerically singular there. */
  static void solve(NodalSystem sys, double sr, double si, double[] out) {
    int n = sys.size();
    double[][] mr = new double[n][n + 1];
    double[][] mi = new double[n][n + 1];
    double s2r = sr * sr - si * si;
    double s2i = 2 * sr * si;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double[] a = sys.a[i][j];
        mr[i][j] = a[0] + a[1] * sr + a[2] * s2r;
        mi[i][j] = a[1] * si + a[2] * s2i;
      }
      double[] b = sys.b[i];
      mr[i][n] = b[0] + b[1] * sr + b[2] * s2r;
      mi[i][n] = b[1] * si + b[2] * s2i;
    }
    eliminate(mr, mi, n, out);
  }

  /** Solves the n×(n+1) augmented system in place; out = {Re, Im} of unknown 0. */
  static void eliminate(double[][] mr, double[][] mi, int n, double[] out) {
    for (int col = 0; col < n; col++) {
      int piv = col;
      double best = -1;
      for (int r = col; r < n; r++) {
        double m = Math.abs(mr[r][col]) + Math.abs(mi[r][col]);
        if (m > best) {
          best = m;
          piv = r;
        }
      }
      if (!(best > 0) || !Double.isFinite(best)) {
        out[0] = Double.NaN;
        out[1] = Double.NaN;
        return;
      }
      double[] t = mr[col];
      mr[col] = mr[piv];
      mr[piv] = t;
      t = mi[col];
      mi[col] = mi[piv];
      mi[piv] = t;
      double pr = mr[col][col];
      double pi = mi[col][col];
      // 1/pivot without overflow: scale by the larger component first
      double ir;
      double ii;
      if (Math.abs(pr) >= Math.abs(pi)) {
        double q = pi / pr;
        double d = pr + pi * q;
        ir = 1 / d;
        ii = -q / d;
      } else {
        double q = pr / pi;
        double d = pr * q + pi;
        ir = q / d;
        ii = -1 / d;
      }
      for (int r = col + 1; r < n; r++) {
        double fr = mr[r][col] * ir - mi[r][col] * ii;
        double fi = mr[r][col] * ii + mi[r][col] * ir;
        if (fr == 0 && fi == 0) {
          continue;
        }
        double[] rr = mr[r];
        double[] ri = mi[r];
        double[] cr = mr[col];
        double[] ci = mi[col];
        for (int c = col + 1; c <= n; c++) {
          rr[c] -= fr * cr[c] - fi * ci[c];
          ri[c] -= fr * ci[c] + fi * cr[c];
        }
      }
    }
    // back substitution, keeping only what unknown 0 needs (all of them, as it is the last one)
    double[] xr = new double[n];
    double[] xi = new double[n];
    for (int r = n - 1; r >= 0; r--) {
      double vr = mr[r][n];
      double vi = mi[r][n];
      for (int c = r + 1; c < n; c++) {
        vr -= mr[r][c] * xr[c] - mi[r][c] * xi[c];
        vi -= mr[r][c] * xi[c] + mi[r][c] * xr[c];
      }
      double pr = mr[r][r];
      double pi = mi[r][r];
      double d = pr * pr + pi * pi;
      xr[r] = (vr * pr + vi * pi) / d;
      xi[r] = (vi * pr - vr * pi) / d;
    }
    out[0] = xr[0];
    out[1] = xi[0];
  }
}
