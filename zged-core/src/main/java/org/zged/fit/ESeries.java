package org.zged.fit;

import java.util.Locale;
import org.zged.InputException;

/**
 * The IEC 60063 preferred-number series. Values repeat every decade; {@link #nearest} snaps in log
 * space so that 1.05 → 1.0 and 1.15 → 1.2 in E12, as a designer would pick.
 */
public enum ESeries {
  E12(1.0, 1.2, 1.5, 1.8, 2.2, 2.7, 3.3, 3.9, 4.7, 5.6, 6.8, 8.2),
  E24(
      1.0, 1.1, 1.2, 1.3, 1.5, 1.6, 1.8, 2.0, 2.2, 2.4, 2.7, 3.0, 3.3, 3.6, 3.9, 4.3, 4.7, 5.1, 5.6,
      6.2, 6.8, 7.5, 8.2, 9.1),
  E96(
      1.00, 1.02, 1.05, 1.07, 1.10, 1.13, 1.15, 1.18, 1.21, 1.24, 1.27, 1.30, 1.33, 1.37, 1.40,
      1.43, 1.47, 1.50, 1.54, 1.58, 1.62, 1.65, 1.69, 1.74, 1.78, 1.82, 1.87, 1.91, 1.96, 2.00,
      2.05, 2.10, 2.15, 2.21, 2.26, 2.32, 2.37, 2.43, 2.49, 2.55, 2.61, 2.67, 2.74, 2.80, 2.87,
      2.94, 3.01, 3.09, 3.16, 3.24, 3.32, 3.40, 3.48, 3.57, 3.65, 3.74, 3.83, 3.92, 4.02, 4.12,
      4.22, 4.32, 4.42, 4.53, 4.64, 4.75, 4.87, 4.99, 5.11, 5.23, 5.36, 5.49, 5.62, 5.76, 5.90,
      6.04, 6.19, 6.34, 6.49, 6.65, 6.81, 6.98, 7.15, 7.32, 7.50, 7.68, 7.87, 8.06, 8.25, 8.45,
      8.66, 8.87, 9.09, 9.31, 9.53, 9.76);

  private final double[] mantissas;

  ESeries(double... mantissas) {
    this.mantissas = mantissas;
  }

  public int size() {
    return mantissas.length;
  }

  public static ESeries parse(String name, String flag) {
    if (name == null) {
      return null;
    }
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InputException(flag, "unknown series '" + name + "' (use E12, E24 or E96)");
    }
  }

  /** The series value closest to {@code v} in ratio terms. */
  public double nearest(double v) {
    return step(v, 0);
  }

  /**
   * The series value {@code offset} steps from the nearest one (negative = smaller), crossing
   * decades as needed. Used to search neighbouring combinations after snapping.
   */
  public double step(double v, int offset) {
    if (!(v > 0) || !Double.isFinite(v)) {
      throw new IllegalArgumentException("series values need a positive finite value, got " + v);
    }
    int decade = (int) Math.floor(Math.log10(v));
    double m = v / Math.pow(10, decade);
    // Index in an extended ladder: position i of decade d is d * n + i.
    int n = mantissas.length;
    int best = 0;
    double bestDist = Double.POSITIVE_INFINITY;
    for (int i = -1; i <= n; i++) {
      double cand = mantissa(i);
      double dist = Math.abs(Math.log(cand / m));
      if (dist < bestDist) {
        bestDist = dist;
        best = i;
      }
    }
    long index = (long) decade * n + best + offset;
    long d = Math.floorDiv(index, n);
    int i = (int) Math.floorMod(index, n);
    return roundToMantissa(mantissas[i], (int) d);
  }

  private double mantissa(int i) {
    if (i < 0) {
      return mantissas[mantissas.length - 1] / 10;
    }
    if (i >= mantissas.length) {
      return 10 * mantissas[i - mantissas.length];
    }
    return mantissas[i];
  }

  /** m·10^d computed so that the printed value has no binary noise (4.7e-9, not 4.700000001e-9). */
  private static double roundToMantissa(double m, int d) {
    return Double.parseDouble(String.format(Locale.ROOT, "%.2fe%d", m, d));
  }
}
