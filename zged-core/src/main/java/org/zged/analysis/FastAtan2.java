package org.zged.analysis;

/**
 * atan2 to within a few ulps, several times faster than {@link Math#atan2} (which on JDK 17 is a
 * native fdlibm call): the frequency response needs one per point, and it dominated the 701-point
 * sweep. Reduction: the angle of (x, y) is folded into [0, π/4] by octant symmetry, t = y/x in [0,
 * 1] is split at the nearest of 33 table points c = k/32, and atan(t) = atan(c) + atan(u) with u =
 * (t − c)/(1 + t·c), |u| ≤ 1/64, where a 7-term Taylor series of atan(u) leaves an error below
 * 1e-27.
 */
final class FastAtan2 {
  private static final int STEPS = 32;
  private static final double[] ATAN_TABLE = new double[STEPS + 1];

  static {
    for (int k = 0; k <= STEPS; k++) {
      ATAN_TABLE[k] = Math.atan((double) k / STEPS);
    }
  }

  private FastAtan2() {}

  static double atan2(double y, double x) {
    if (Double.isNaN(x) || Double.isNaN(y) || Double.isInfinite(x) || Double.isInfinite(y)) {
      return Math.atan2(y, x);
    }
    double ax = Math.abs(x);
    double ay = Math.abs(y);
    if (ax == 0 && ay == 0) {
      return Math.atan2(y, x); // signed zeros
    }
    boolean swap = ay > ax;
    double t = swap ? ax / ay : ay / ax;
    int k = (int) (t * STEPS + 0.5);
    double c = (double) k / STEPS;
    double u = (t - c) / (1 + t * c);
    double u2 = u * u;
    double series =
        u
            * (1
                + u2
                    * (-1.0 / 3
                        + u2
                            * (1.0 / 5
                                + u2
                                    * (-1.0 / 7
                                        + u2 * (1.0 / 9 + u2 * (-1.0 / 11 + u2 * (1.0 / 13)))))));
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
