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
 * principle but spreads the rounding error of the largest coefficient over all of them. The
 * expansion's only error is cancellation, and that is measured: the same expansion run on absolute
 * values gives for every coefficient the sum of the magnitudes that went into it. By the
 * matrix-tree theorem each true coefficient is a sum of products of positive element values (a
 * count of spanning forests), so a computed coefficient below the rounding error of its magnitude
 * sum is structurally zero; setting it to exactly 0 is what makes powers of s cancel exactly.
 *
 * <p>A is symmetric, so replacing the VOUT column equals replacing the VOUT row (row 0), and both
 * determinants share all minors of rows 1..n-1.
 */
final class NodalDeterminants {
  private static final double EPS = Math.ulp(1.0);

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
    int n = system.size();
    int full = (1 << n) - 1;
    double[][] minor = new double[1 << n][];
    double[][] bound = new double[1 << n][];
    minor[0] = new double[] {1};
    bound[0] = new double[] {1};
    // minors of the bottom |mask| rows; rows 1..n-1 suffice, row 0 is expanded separately
    for (int mask = 1; mask < full; mask++) {
      int size = Integer.bitCount(mask);
      int row = n - size;
      double[] m = new double[2 * size + 1];
      double[] bd = new double[2 * size + 1];
      int position = 0;
      for (int j = 0; j < n; j++) {
        if ((mask & (1 << j)) == 0) {
          continue;
        }
        int rest = mask & ~(1 << j);
        double sign = (position & 1) == 0 ? 1 : -1;
        accumulate(m, bd, a[row][j], sign, minor[rest], bound[rest]);
        position++;
      }
      minor[mask] = m;
      bound[mask] = bd;
    }
    double[] den = new double[2 * n + 1];
    double[] denBound = new double[2 * n + 1];
    double[] num = new double[2 * n + 1];
    double[] numBound = new double[2 * n + 1];
    for (int j = 0, position = 0; j < n; j++, position++) {
      int rest = full & ~(1 << j);
      double sign = (position & 1) == 0 ? 1 : -1;
      accumulate(den, denBound, a[0][j], sign, minor[rest], bound[rest]);
      accumulate(num, numBound, system.b[j], sign, minor[rest], bound[rest]);
    }
    double tolerance = 16.0 * (n + 2) * EPS;
    clampRoundingNoise(den, denBound, tolerance);
    clampRoundingNoise(num, numBound, tolerance);
    return new NodalDeterminants(num, den);
  }

  /** acc += sign·entry·minor, and accBound += |entry|·minorBound. */
  private static void accumulate(
      double[] acc, double[] accBound, double[] entry, double sign, double[] minor, double[] mb) {
    for (int k = 0; k < 3; k++) {
      double e = entry[k];
      if (e == 0) {
        continue;
      }
      double se = sign * e;
      double ae = Math.abs(e);
      for (int l = 0; l < minor.length; l++) {
        acc[k + l] += se * minor[l];
        accBound[k + l] += ae * mb[l];
      }
    }
  }

  private static void clampRoundingNoise(double[] p, double[] bound, double tolerance) {
    for (int k = 0; k < p.length; k++) {
      if (Math.abs(p[k]) <= tolerance * bound[k]) {
        p[k] = 0;
      }
    }
  }
}
