package org.zged.filter;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.complex.Complex;

/**
 * A low-pass prototype H(s) = gain · Π(s − zᵢ) / Π(s − pᵢ), s in rad/s, its maximum passband
 * magnitude normalised to 1. The passband edge is at 1 rad/s: the ripple edge for Chebyshev and
 * elliptic, the -3 dB point for Butterworth and Bessel (or, after {@link #scaled}, wherever a mask
 * puts it).
 *
 * @param zeros finite transmission zeros (conjugate pairs on the jω axis), empty for all-pole
 * @param rippleDb the passband ripple (Chebyshev, elliptic) or NaN
 * @param attenuationDb the minimum stopband attenuation (elliptic) or NaN
 * @param stopbandEdge where the elliptic stopband starts (rad/s), NaN otherwise
 * @param reflectionEpsilon ε of |H|² = 1/(1 + ε²·R²(ω)) where the characteristic function R is
 *     known in closed form (Butterworth, Chebyshev, elliptic); NaN for Bessel
 */
public record Prototype(
    Response response,
    int order,
    List<Complex> poles,
    List<Complex> zeros,
    double gain,
    double rippleDb,
    double attenuationDb,
    double stopbandEdge,
    double reflectionEpsilon,
    Variant variant) {

  /**
   * A: the classical response; B: even order with the highest transmission zero at infinity; C:
   * also matched at DC (see {@link EvenOrderMap}).
   */
  public enum Variant {
    A,
    B,
    C
  }

  public Prototype {
    poles = List.copyOf(poles);
    zeros = List.copyOf(zeros);
  }

  /** |H(0)|, exactly: 1/√(1 + ε²) for even-order Chebyshev and elliptic of type A/B, else 1. */
  public double dcMagnitudeExact() {
    boolean ripple = response.rippleEdge() && order % 2 == 0 && variant != Variant.C;
    return ripple ? 1 / Math.sqrt(1 + reflectionEpsilon * reflectionEpsilon) : 1;
  }

  /** The same response with every frequency multiplied by {@code k} (H(s) → H(s/k)). */
  public Prototype scaled(double k) {
    return new Prototype(
        response,
        order,
        times(poles, k),
        times(zeros, k),
        gain * Math.pow(k, poles.size() - zeros.size()),
        rippleDb,
        attenuationDb,
        stopbandEdge * k,
        reflectionEpsilon,
        variant);
  }

  /** |H(jω)|. */
  public double magnitude(double omega) {
    return Math.exp(logMagnitude(omega));
  }

  /** ln |H(jω)|, from the factors (well conditioned at any order). */
  public double logMagnitude(double omega) {
    return logMagnitude(gain, zeros, poles, omega);
  }

  /** Attenuation in dB relative to the normalised maximum 1. */
  public double attenuationDb(double omega) {
    return -20 / Math.log(10) * logMagnitude(omega);
  }

  static double logMagnitude(double gain, List<Complex> zeros, List<Complex> poles, double w) {
    double s = Math.log(Math.abs(gain));
    for (Complex z : zeros) {
      s += Math.log(Math.hypot(z.getReal(), w - z.getImaginary()));
    }
    for (Complex p : poles) {
      s -= Math.log(Math.hypot(p.getReal(), w - p.getImaginary()));
    }
    return s;
  }

  /** |Π(0 − zᵢ)/Π(0 − pᵢ)|: the DC magnitude of the monic factors. */
  static double dcMagnitude(List<Complex> zeros, List<Complex> poles) {
    return Math.exp(logMagnitude(1, zeros, poles, 0));
  }

  private static List<Complex> times(List<Complex> roots, double k) {
    List<Complex> out = new ArrayList<>(roots.size());
    for (Complex r : roots) {
      out.add(r.multiply(k));
    }
    return out;
  }
}
