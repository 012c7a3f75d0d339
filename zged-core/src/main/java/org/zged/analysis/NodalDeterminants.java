package org.zged.analysis;

/**
 * The two determinants Cramer's rule needs for V(vout): det A and det A with the VOUT column
 * replaced by the source vector, as exact polynomials in s̃.
 *
 * <p>Method: Laplace expansion with every minor memoised by its column set (2^n minors of the
 * bottom rows, each polynomial multiplied once per column), so the cost is n·2^n small polynomial
 * products — microseconds for the 3 to 8 unknowns of filter circuits, and no division anywhere.
 * Polynomial Gaussian elimination would need exact polynomial division (Bareiss), which floating
 * point only approximates; interpolation from samples at scaled roots of unity is exact in
 * principle but spreads the rounding error of the largest coefficient over all of them.
 *
 * <p>By the matrix-tree theorem every true coefficient is a sum of products of positive element
 * values (a count of spanning forests), but the expansion reaches it through large terms that
 * cancel (a diagonal sum times a minor, minus off-diagonal products): with element values 1e7
 * apart, 12 of 16 digits can cancel. The expansion therefore runs in double-double arithmetic
 * (about 32 digits, Dekker/Knuth error-free products and sums via fma), on diagonal entries that
 * are themselves exact double-double sums, so each coefficient comes out correct to about 1e-16 of
 * itself. Alongside, the same expansion on absolute values gives for every coefficient the sum of
 * the magnitudes that went into it; a coefficient below the double-double rounding error of that
 * sum is structurally zero and set to exactly 0, which is what makes powers of s cancel exactly.
 *
 * <p>A is symmetric, so replacing the VOUT column equals replacing the VOUT row (row 0), and both
 * determinants share all minors of rows 1..n-1.
 */
final class NodalDeterminants {
  /** Relative rounding error of the double-double expansion, with room for n terms. */
  private static final double DD_EPS = 1e-30;

  /** det A with structural zeros exact, ascending powers of s̃. */
  final double[] denominator;

  /** det A with row 0 replaced by the source admittances: the numerator of V(vout). */
  final double[] numerator;

  private NodalDeterminants(double[] numerator, double[] denominator) {
    this.numerator = numerator;
    this.denominator = denominator;
  }

  static NodalDeterminants of(NodalSystem system) {
    double[][][] a = system.a;
    double[][][] aLo = system.aLo;
    int n = system.size();
    int full = (1 << n) - 1;
    double[][] hi = new double[1 << n][];
    double[][] lo = new double[1 << n][];
    double[][] bound = new double[1 << n][];
    hi[0] = new double[] {1};
    lo[0] = new double[] {0};
    bound[0] = new double[] {1};
    // minors of the bottom |mask| rows; rows 1..n-1 suffice, row 0 is expanded separately
    for (int mask = 1; mask < full; mask++) {
      int size = Integer.bitCount(mask);
      int row = n - size;
      double[] mh = new double[2 * size + 1];
      double[] ml = new double[2 * size + 1];
      double[] bd = new double[2 * size + 1];
      int position = 0;
      for (int j = 0; j < n; j++) {
        if ((mask & (1 << j)) == 0) {
          continue;
        }
        int rest = mask & ~(1 << j);
        double sign = (position & 1) == 0 ? 1 : -1;
        accumulate(mh, ml, bd, a[row][j], aLo[row][j], sign, hi[rest], lo[rest], bound[rest]);
        position++;
      }
      hi[mask] = mh;
      lo[mask] = ml;
      bound[mask] = bd;
    }
    int len = 2 * n + 1;
    double[] den = new double[len];
    double[] denLo = new double[len];
    double[] denBound = new double[len];
    double[] num = new double[len];
    double[] numLo = new double[len];
    double[] numBound = new double[len];
    double[] zero = new double[3];
    for (int j = 0, position = 0; j < n; j++, position++) {
      int rest = full & ~(1 << j);
      double sign = (position & 1) == 0 ? 1 : -1;
      accumulate(den, denLo, denBound, a[0][j], aLo[0][j], sign, hi[rest], lo[rest], bound[rest]);
      accumulate(num, numLo, numBound, system.b[j], zero, sign, hi[rest], lo[rest], bound[rest]);
    }
    double tolerance = DD_EPS * (n + 2);
    clampRoundingNoise(den, denLo, denBound, tolerance);
    clampRoundingNoise(num, numLo, numBound, tolerance);
    return new NodalDeterminants(num, den);
  }

  /**
   * (accHi, accLo) += sign·(eHi + eLo)·(mHi + mLo) in double-double, and accBound += |e|·mBound.
   */
  private static void accumulate(
      double[] accHi,
      double[] accLo,
      double[] accBound,
      double[] eHi,
      double[] eLo,
      double sign,
      double[] mHi,
      double[] mLo,
      double[] mBound) {
    for (int k = 0; k < 3; k++) {
      double eh = sign * eHi[k];
      double el = sign * eLo[k];
      if (eh == 0 && el == 0) {
        continue;
      }
      double ae = Math.abs(eh);
      for (int l = 0; l < mHi.length; l++) {
        double mh = mHi[l];
        double ml = mLo[l];
        // product (eh + el)(mh + ml) as (ph, pl)
        double ph = eh * mh;
        double pl = Math.fma(eh, mh, -ph) + (eh * ml + el * mh);
        // sum (accHi + accLo) + (ph + pl)
        int i = k + l;
        double s = accHi[i] + ph;
        double bb = s - accHi[i];
        double err = (accHi[i] - (s - bb)) + (ph - bb);
        double t = accLo[i] + pl + err;
        double h = s + t;
        accLo[i] = t - (h - s);
        accHi[i] = h;
        accBound[i] += ae * mBound[l];
      }
    }
  }

  /** Rounds the double-double coefficients to double, zeroing those below their error bound. */
  private static void clampRoundingNoise(
      double[] hi, double[] lo, double[] bound, double tolerance) {
    for (int k = 0; k < hi.length; k++) {
      double v = hi[k] + lo[k];
      hi[k] = Math.abs(v) <= tolerance * bound[k] ? 0 : v;
    }
  }
}
