package org.zged.analysis;

/**
 * Natural logarithm to within about 1 ulp (absolute error below 2.5e-16·max(1, |ln x|)), a few
 * times cheaper than {@link Math#log10}: the frequency response needs one per point, and after the
 * arctangent it was the largest cost of the 701-point sweep.
 *
 * <p>Reduction: x = m·2^e with m in [0.75, 1.5), centred on 1 so that arguments on either side of 1
 * get e = 0 and keep their relative accuracy where ln x is near 0. m is split at the nearest table
 * point c = k/512 and ln x = e·ln 2 + ln c + ln(1 + z) with z = (m − c)/c; m − c is exact
 * (Sterbenz: c and m are within a factor 2) and 1/c comes from the table, so z carries only two
 * roundings. |z| ≤ 1/768, where the Taylor series of ln(1 + z) to z⁶ leaves a relative truncation
 * error below 1e-18; the 385-entry table (6 KB) trades two polynomial terms for cache, and the
 * response's ratios change slowly along a grid, so its lookups stay in a few cache lines. ln 2 is
 * split so that e·ln 2 costs no rounding for any exponent.
 */
final class FastLog {
  private static final int STEPS = 512;
  private static final int FIRST = 384; // 0.75·STEPS
  private static final double LN2 = Math.log(2);
  // 41 significant bits, so that e·LN2_HI is exact for every double exponent
  private static final double LN2_HI =
      Double.longBitsToDouble(Double.doubleToRawLongBits(LN2) & ~0xFFFL);
  // the rest of ln 2, including what the double nearest ln 2 misses (2.319e-17)
  private static final double LN2_LO = (LN2 - LN2_HI) + 2.319046813846299558e-17;
  private static final double[] LN_C = new double[STEPS * 3 / 2 - FIRST + 1];
  private static final double[] INV_C = new double[LN_C.length];

  // Subtracting the bits of 0.75 borrows from the exponent exactly when the mantissa is below 1.5.
  private static final long THREE_QUARTERS_BITS = Double.doubleToRawLongBits(0.75);
  private static final long EXPONENT_MASK = 0xFFFL << 52;

  static {
    for (int i = 0; i < LN_C.length; i++) {
      double c = (double) (FIRST + i) / STEPS;
      LN_C[i] = Math.log(c);
      INV_C[i] = 1 / c;
    }
  }

  private FastLog() {}

  static double ln(double x) {
    // zero, subnormals, negatives, infinities and NaN (which fails both comparisons)
    if (!(x >= Double.MIN_NORMAL && x <= Double.MAX_VALUE)) {
      return Math.log(x);
    }
    long bits = Double.doubleToRawLongBits(x);
    long shifted = bits - THREE_QUARTERS_BITS;
    int e = (int) (shifted >> 52);
    double m = Double.longBitsToDouble(bits - (shifted & EXPONENT_MASK));
    int k = (int) (m * STEPS + 0.5);
    double z = (m - k * (1.0 / STEPS)) * INV_C[k - FIRST];
    double p = -1.0 / 2 + z * (1.0 / 3 + z * (-1.0 / 4 + z * (1.0 / 5 + z * (-1.0 / 6))));
    // the small terms are summed first; z + z²·p keeps the leading term exact
    return (e * LN2_HI + LN_C[k - FIRST]) + ((z + z * z * p) + e * LN2_LO);
  }
}
