package org.zged.analysis;

import java.util.Locale;

/**
 * The element values the exact analysis accepts. Frequency and impedance scaling are exact for RLC
 * circuits, so the analysis works in units where the circuit's typical admittance and frequency are
 * 1 ({@link NodalSystem}); what it cannot take is a value whose reciprocal or square leaves double
 * precision (a single value beyond 1e±{@value #MAX_DECADES}), or a circuit whose values, after that
 * scaling, still lie more than 1e±{@value #MAX_SCALED_DECADES} from 1 (a product of two such
 * entries would overflow inside the nodal solve).
 */
public final class AnalysableRange {
  /** A value must lie within 1e-MAX_DECADES … 1e+MAX_DECADES. */
  public static final int MAX_DECADES = 200;

  /** A scaled admittance term must lie within 1e-MAX_SCALED_DECADES … 1e+MAX_SCALED_DECADES. */
  public static final int MAX_SCALED_DECADES = 75;

  private static final double LOW = Math.pow(10, -MAX_DECADES);
  private static final double HIGH = Math.pow(10, MAX_DECADES);

  private AnalysableRange() {}

  /**
   * null when an element value (Ω, F or H) is one the analysis can take, else the reason, phrased
   * to follow "value V ".
   */
  public static String problem(double value) {
    if (value >= LOW && value <= HIGH) {
      return null;
    }
    return String.format(
        Locale.ROOT,
        "outside the range zged can analyse (1e-%d to 1e%d)",
        MAX_DECADES,
        MAX_DECADES);
  }

  static boolean scaledTermOk(double term) {
    return term == 0 || (term >= 1e-75 && term <= 1e75);
  }
}
