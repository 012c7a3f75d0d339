package org.zged.analysis;

/**
 * The self-check's higher-precision reference: the same nodal solve as {@link NodalSolve}, with
 * every entry formed and every elimination step done in double-double arithmetic (about 32 digits).
 * Diagonal entries start from the exact double-double sums that {@link NodalSystem} keeps, so the
 * cancellation of jωC against 1/(jωL) next to a resonance costs nothing. Used only when the double
 * solve and the factored H disagree, to decide which of the two is wrong.
 */
final class NodalSolveDoubleDouble {
  private NodalSolveDoubleDouble() {}

  static void solve(NodalSystem sys, double sr, double si, double[] out) {
    int n = sys.size();
    DoubleDouble s = DoubleDouble.of(sr, si);
    DoubleDouble s2 = s.times(s);
    DoubleDouble[][] m = new DoubleDouble[n][n + 1];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        m[i][j] = entry(sys.a[i][j], sys.aLo[i][j], s, s2);
      }
      m[i][n] = entry(sys.b[i], new double[3], s, s2);
    }
    for (int col = 0; col < n; col++) {
      int piv = col;
      double best = -1;
      for (int r = col; r < n; r++) {
        double mag = m[r][col].magnitude();
        if (mag > best) {
          best = mag;
          piv = r;
        }
      }
      if (!(best > 0) || !Double.isFinite(best)) {
        out[0] = Double.NaN;
        out[1] = Double.NaN;
        return;
      }
      DoubleDouble[] t = m[col];
      m[col] = m[piv];
      m[piv] = t;
      DoubleDouble inv = m[col][col].reciprocal();
      for (int r = col + 1; r < n; r++) {
        if (m[r][col].magnitude() == 0) {
          continue;
        }
        DoubleDouble f = m[r][col].times(inv);
        for (int c = col + 1; c <= n; c++) {
          m[r][c] = m[r][c].minus(f.times(m[col][c]));
        }
      }
    }
    DoubleDouble[] x = new DoubleDouble[n];
    for (int r = n - 1; r >= 0; r--) {
      DoubleDouble v = m[r][n];
      for (int c = r + 1; c < n; c++) {
        v = v.minus(m[r][c].times(x[c]));
      }
      x[r] = v.times(m[r][r].reciprocal());
    }
    out[0] = x[0].re();
    out[1] = x[0].im();
  }

  /** (hi + lo)[0] + (hi + lo)[1]·s + (hi + lo)[2]·s². */
  private static DoubleDouble entry(double[] hi, double[] lo, DoubleDouble s, DoubleDouble s2) {
    DoubleDouble e = new DoubleDouble(hi[0], lo[0], 0, 0);
    e = e.plus(s.scale(hi[1], lo[1]));
    return e.plus(s2.scale(hi[2], lo[2]));
  }
}
