package org.zged.filter;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.complex.Complex;

/**
 * The frequency maps that make an even-order Chebyshev or elliptic response realisable as a plain
 * LC ladder (Saal–Ulbrich "type B/C" variants): Ω² = (a·ω² + c)/(1 + b·ω²) with Ω the classical
 * ("type A") frequency and ω the new one; in s, S² = (a·s² − c)/(1 − b·s²), so every root maps on
 * its own: s² = (S² + c)/(a + b·S²).
 *
 * <ul>
 *   <li>type B (c = 0, b = 1/(Ω_z² − 1), a = Ω_z²·b): the highest transmission zero Ω_z moves to
 *       infinity; needs Rs ≠ RL like the classical even order;
 *   <li>type C (also c = Ω₁², the lowest reflection zero): ω = 0 lands on a reflection zero, so
 *       |H(0)| = 1 and Rs = RL works; Chebyshev has b = 0, a = 1 − c.
 * </ul>
 *
 * Both keep ω = 1 ↔ Ω = 1 and the equiripple passband; the stopband edge moves up a little.
 */
record EvenOrderMap(double a, double b, double c) {

  static EvenOrderMap typeB(double topZero) {
    double b = 1 / (topZero * topZero - 1);
    return new EvenOrderMap(topZero * topZero * b, b, 0);
  }

  static EvenOrderMap typeC(double topZero, double lowestReflectionZero) {
    double c = lowestReflectionZero * lowestReflectionZero;
    if (Double.isInfinite(topZero)) {
      return new EvenOrderMap(1 - c, 0, c);
    }
    double b = (1 - c) / (topZero * topZero - 1);
    return new EvenOrderMap(topZero * topZero * b, b, c);
  }

  /** The new roots (left half plane, or on the axis) of the old ones. */
  List<Complex> mapRoots(List<Complex> roots) {
    List<Complex> out = new ArrayList<>();
    for (Complex r : roots) {
      Complex r2 = r.multiply(r);
      Complex s2 = r2.add(c).divide(r2.multiply(b).add(a));
      Complex s = s2.sqrt();
      if (s.getReal() > 0) {
        s = s.negate();
      }
      if (Math.abs(s.getReal()) <= 1e-15 * s.norm()) {
        s = new Complex(0, s.getImaginary());
      }
      out.add(s);
    }
    return out;
  }

  /** Transmission zeros ±jΩ map to ±jω, ω² = (Ω² − c)/(a − bΩ²); the one at Ω_z leaves. */
  List<Complex> mapZeros(List<Complex> zeros) {
    List<Complex> out = new ArrayList<>();
    double top = b > 0 ? Math.sqrt(a / b) : Double.POSITIVE_INFINITY;
    for (Complex z : zeros) {
      double w = Math.abs(z.getImaginary());
      if (Math.abs(w - top) <= 1e-9 * top) {
        continue;
      }
      double v = Math.sqrt((w * w - c) / (a - b * w * w));
      out.add(new Complex(0, Math.signum(z.getImaginary()) * v));
    }
    return out;
  }

  /** The new frequency of the old Ω. */
  double inverse(double omega) {
    return Math.sqrt((omega * omega - c) / (a - b * omega * omega));
  }
}
