package org.zged.generate;

import java.util.Locale;
import org.hipparchus.complex.Complex;
import org.zged.analysis.ResponseClass;
import org.zged.fit.SpecTarget;
import org.zged.fit.Units;

/**
 * Lower bounds that make a target impossible under the constraints, as the one-sentence reason with
 * its number. Each bound is a fact about passive networks, not a search result:
 *
 * <ul>
 *   <li>an RC network's natural frequencies lie on the negative real axis, so its dominant pole
 *       pair has Q = √(p₁p₂)/(p₁+p₂) ≤ 0.5;
 *   <li>a transfer function of order n needs at least n reactive elements (one per pole), and a
 *       pole off the jω axis needs a resistor as well;
 *   <li>a second-order response with a finite Q needs two reactive parts and a resistor; a passband
 *       gain below 1 needs a second resistor (a divider), one part more.
 * </ul>
 */
final class ConstraintBounds {
  static final double RC_MAX_POLE_Q = 0.5;

  private ConstraintBounds() {}

  /** The reason no circuit can meet {@code t} under {@code c}, or null when none is known. */
  static String reason(SpecTarget t, Constraints c) {
    Integer maxInd = c.maxInductors();
    if (maxInd != null
        && maxInd == 0
        && t.q() != null
        && t.q() > RC_MAX_POLE_Q
        && (t.type() == ResponseClass.LOWPASS || t.type() == ResponseClass.HIGHPASS)) {
      return String.format(
          Locale.ROOT,
          "an RC-only network has real poles only (pole Q ≤ %s); this target needs a pole pair"
              + " with Q = %s",
          Units.plain(RC_MAX_POLE_Q),
          Units.plain(t.q()));
    }
    if (maxInd != null && maxInd == 0 && t.isPoleZero()) {
      for (Complex p : t.poles()) {
        if (Math.abs(p.getImaginary()) > 1e-9 * p.norm()) {
          return String.format(
              Locale.ROOT,
              "an RC-only network has real poles only; this target has a complex pole pair with Q"
                  + " = %.3g",
              p.norm() / (2 * Math.abs(p.getReal())));
        }
      }
    }
    Integer maxParts = c.maxParts();
    if (maxParts == null) {
      return null;
    }
    int reactive = minReactive(t);
    if (reactive > maxParts) {
      return "this target needs ≥ "
          + reactive
          + " reactive elements; the parts limit allows "
          + maxParts;
    }
    int parts = minParts(t);
    if (parts > maxParts) {
      return "this target needs ≥ "
          + parts
          + " parts ("
          + why(t)
          + "); the parts limit allows "
          + maxParts;
    }
    return null;
  }

  static int minReactive(SpecTarget t) {
    if (t.isPoleZero()) {
      return t.poles().size();
    }
    boolean second =
        t.q() != null || t.type() == ResponseClass.BANDPASS || t.type() == ResponseClass.BANDSTOP;
    return second ? 2 : 1;
  }

  static int minParts(SpecTarget t) {
    int n = minReactive(t) + 1; // every target pole is off the jω axis or Q is finite: a resistor
    if (t.gain() != null && t.gain() < 1 - 1e-9) {
      n++;
    }
    return n;
  }

  private static String why(SpecTarget t) {
    String base =
        t.isPoleZero()
            ? t.poles().size()
                + " reactive elements for "
                + t.poles().size()
                + " poles and a resistor"
            : minReactive(t) == 2
                ? "two reactive elements and a resistor for a damped second-order response"
                : "a reactive element and a resistor";
    return t.gain() != null && t.gain() < 1 - 1e-9
        ? base + ", plus a divider resistor for gain " + Units.plain(t.gain())
        : base;
  }
}
