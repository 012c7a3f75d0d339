package org.zged.analysis;

/**
 * atan2 to within a few ulps, several times faster than {@link Math#atan2} (which on JDK 17 is a
 * native fdlibm call): the frequency response needs one per point, and it dominated the 701-point
 * sweep. Reduction: the angle of (x, y) is folded into [0, π/4] by octant symmetry, t = y/x in [0,
 * 1] is split at the nearest of 257 table points c = k/256, and atan(t) = atan(c) + atan(u) with u
 * = (t − c)/(1 + t·c), |u| ≤ 1/512, where the Taylor series of atan(u) to u⁷ leaves a relative
 * truncation error below 1e-22. The 2 KB table buys three polynomial terms fewer than a 33-entry
 * one would need.
 */
final class FastAtan2 {
  private static final int STEPS = 256;
  private static final double[] ATAN_TABLE = new double[STEPS + 1];

  static {
    for (int k = 0; k <= STEPS; k++) {
      ATAN_TABLE[k] = Math.atan((double) k / STEPS);
    }
  }

  private FastAtan2() {}

  static double atan2(double y, double x) {
    double ax = Math.abs(x);
    double ay = Math.abs(y);
    boolean swap = ay > ax;
    double num = swap ? ax : ay;
    double den = swap ? ay : ax;
    // NaN, infinities and (0, 0) with its signed zeros: a NaN in x lands in den, one in y in num
    if (!(den > 0 && den <= Double.MAX_VALUE) || Double.isNaN(num)) {
      return Math.atan2(y, x);
    }
    double t = num / den;
    int k = (int) (t * STEPS + 0.5);
    double c = (double) k / STEPS;
    double u = (t - c) / (1 + t * c);
    double u2 = u * u;
    double series = u + u * u2 * (-1.0 / 3 + u2 * (1.0 / 5 + u2 * (-1.0 / 7)));
    double angle = ATAN_TABLE[k] + series;
    if (swap) {
      angle = Math.PI / 2 - angle;
    }
    if (x < 0) {
      angle = Math.PI - angle;
    }
    return Math.copySign(angle, y);
  }
}
