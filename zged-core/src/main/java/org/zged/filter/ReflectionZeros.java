package org.zged.filter;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.complex.Complex;

/**
 * The zeros of the reflection coefficient ρ(s) of a doubly terminated lossless ladder that realises
 * a prototype with transducer gain K at its passband maximum: the left-half-plane roots of 1 −
 * K·|H|² = 0, i.e. of E(s)E(−s) − K·H-numerator(s)·(−s) in s.
 *
 * <p>Where |H|² = 1/(1 + ε²R²) has a closed-form characteristic function R these are the poles of
 * the same approximation with ε → ε/√(1 − K) (Butterworth: the poles scaled by (1 − K)^{1/(2N)}; K
 * = 1 puts them on the jω axis). Bessel has no such form: the polynomial in s² is solved.
 */
public final class ReflectionZeros {
  private ReflectionZeros() {}

  public static List<Complex> of(Prototype p, double k) {
    double rest = Math.max(0, 1 - k);
    return switch (p.response()) {
      case BUTTERWORTH ->
          Butterworth.poles(p.order(), Math.pow(rest, 1.0 / (2 * p.order())) * scaleOf(p));
      case CHEBYSHEV -> {
        List<Complex> r = Chebyshev.poles(p.order(), p.reflectionEpsilon() / Math.sqrt(rest));
        yield p.variant() == Prototype.Variant.C ? Chebyshev.typeC(p.order()).mapRoots(r) : r;
      }
      case ELLIPTIC -> Elliptic.rootsFor(p, p.reflectionEpsilon() / Math.sqrt(rest));
      case BESSEL -> numeric(p, k);
    };
  }

  /** A Butterworth prototype scaled by {@link Prototype#scaled}: the magnitude of its poles. */
  private static double scaleOf(Prototype p) {
    return p.poles().get(0).norm();
  }

  /** Roots of E(s)E(−s) − K·c²·P(s)P(−s) as a polynomial in y = s², each mapped to s = −√y. */
  static List<Complex> numeric(Prototype p, double k) {
    double[] e = RealPolynomial.fromRoots(p.poles());
    double[] num = RealPolynomial.fromRoots(p.zeros());
    double[] ee = evenProduct(e);
    double[] pp = evenProduct(num);
    double[] y = new double[ee.length];
    for (int i = 0; i < y.length; i++) {
      y[i] = ee[i] - (i < pp.length ? k * p.gain() * p.gain() * pp[i] : 0);
    }
    if (k >= 1 - 1e-12) {
      y[0] = 0; // matched at DC: ρ(0) = 0 exactly
    }
    List<Complex> out = new ArrayList<>();
    for (Complex r : RealPolynomial.roots(y)) {
      Complex s = r.sqrt().negate();
      out.add(s);
    }
    return out;
  }

  /** p(s)·p(−s), an even polynomial, as coefficients in y = s². */
  private static double[] evenProduct(double[] q) {
    double[] m = q.clone();
    for (int i = 1; i < m.length; i += 2) {
      m[i] = -m[i];
    }
    double[] prod = new double[2 * q.length - 1];
    for (int i = 0; i < q.length; i++) {
      for (int j = 0; j < m.length; j++) {
        prod[i + j] += q[i] * m[j];
      }
    }
    double[] y = new double[q.length];
    for (int i = 0; i < y.length; i++) {
      y[i] = prod[2 * i];
    }
    return y;
  }
}
