package org.zged.filter;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.complex.Complex;

/**
 * Elliptic (Cauer): equiripple in the passband (ripple Ap up to 1 rad/s) and in the stopband (at
 * least As from ωs = 1/k), the sharpest transition for an order. Computed as in Orfanidis, "Lecture
 * notes on elliptic filter design" (2006): the degree equation fixes k from N and k₁ = εp/εs; zeros
 * at ±j/(k·cd(uᵢK)), poles j·cd((uᵢ − j·v₀)K), v₀ = asn(j/εp, k₁)/(jN), uᵢ = (2i − 1)/N.
 *
 * <p>Even orders of this classical "type A" have |H(∞)| > 0, which no LC ladder without coupled
 * coils realises. {@link #prototype} therefore returns the type-B (or, matched, type-C) variant for
 * even N ({@link EvenOrderMap}): the highest transmission zero moves to infinity, the passband edge
 * and the equiripple passband stay, and the stopband edge moves slightly up (reported in {@link
 * Prototype#stopbandEdge}).
 */
public final class Elliptic {
  private Elliptic() {}

  public static Prototype prototype(int n, double rippleDb, double attenuationDb) {
    return prototype(n, rippleDb, attenuationDb, false);
  }

  /**
   * With {@code matched} an even order is the type-C variant (|H(0)| = 1, for Rs = RL) instead of
   * type B; odd orders are unaffected.
   */
  public static Prototype prototype(int n, double rippleDb, double attenuationDb, boolean matched) {
    Design d = new Design(n, rippleDb, attenuationDb);
    List<Complex> zeros = new ArrayList<>();
    for (double wz : d.zeroFrequencies) {
      zeros.add(new Complex(0, wz));
      zeros.add(new Complex(0, -wz));
    }
    List<Complex> poles = d.roots(d.epsP);
    double stopEdge = 1 / d.k;
    boolean typeC = matched && n % 2 == 0;
    if (n % 2 == 0) {
      EvenOrderMap map = d.map(typeC);
      poles = map.mapRoots(poles);
      zeros = map.mapZeros(zeros);
      stopEdge = map.inverse(stopEdge);
    }
    double h0 = n % 2 == 0 && !typeC ? 1 / Math.sqrt(1 + d.epsP * d.epsP) : 1;
    double gain = h0 / Math.abs(Prototype.dcMagnitude(zeros, poles));
    return new Prototype(
        Response.ELLIPTIC,
        n,
        poles,
        zeros,
        gain,
        rippleDb,
        attenuationDb,
        stopEdge,
        d.epsP,
        n % 2 == 0 ? (typeC ? Prototype.Variant.C : Prototype.Variant.B) : Prototype.Variant.A);
  }

  /**
   * The roots of 1 + ε²R_N²(ω) = 0 for another ε (with the same selectivity): the reflection zeros
   * of a doubly terminated ladder whose maximum transmission is below 1 (ε → ε/√(1 − K)); for even
   * N mapped like the poles.
   */
  static List<Complex> rootsFor(Prototype p, double eps) {
    Design d = new Design(p.order(), p.rippleDb(), p.attenuationDb());
    List<Complex> roots = d.roots(eps);
    if (p.order() % 2 == 0) {
      roots = d.map(p.variant() == Prototype.Variant.C).mapRoots(roots);
    }
    return roots;
  }

  /**
   * The stopband attenuation (dB) an order-N elliptic response with this ripple reaches at
   * selectivity Ω = ωs/ωp: the degree equation solved for k₁ (Orfanidis eq. 50), k₁ = k^N·Π sne(uᵢ,
   * k)⁴ with k = 1/Ω, then As = 10·log₁₀(1 + (εp/k₁)²). A mask design whose integer order has slack
   * uses it, so that the slack shows as stopband margin.
   */
  public static double attenuationFor(int n, double rippleDb, double selectivity) {
    double k = 1 / selectivity;
    double kp = Math.sqrt((1 - k) * (1 + k));
    double k1 = Math.pow(k, n);
    for (int i = 1; i <= n / 2; i++) {
      double s = EllipticFunctions.sne(new Complex((2.0 * i - 1) / n), k, kp).getReal();
      k1 *= s * s * s * s;
    }
    double es = Chebyshev.epsilon(rippleDb) / k1;
    return 10 * Math.log10(1 + es * es);
  }

  /** ellipord: ⌈K(k)K'(k₁)/(K'(k)K(k₁))⌉ with k = 1/Ω, k₁ = εp/εs. */
  public static int minimumOrder(double rippleDb, double attenuationDb, double selectivity) {
    return (int) Math.ceil(continuousOrder(rippleDb, attenuationDb, selectivity));
  }

  static double continuousOrder(double rippleDb, double attenuationDb, double selectivity) {
    double k = 1 / selectivity;
    double kp = Math.sqrt((1 - k) * (1 + k));
    double k1 = Chebyshev.epsilon(rippleDb) / Chebyshev.epsilon(attenuationDb);
    double k1p = Math.sqrt((1 - k1) * (1 + k1));
    return EllipticFunctions.completeK(k, kp)
        * EllipticFunctions.completeK(k1p, k1)
        / (EllipticFunctions.completeK(kp, k) * EllipticFunctions.completeK(k1, k1p));
  }

  /** The type-A quantities of one order, ripple and attenuation. */
  private static final class Design {
    final int n;
    final double epsP;
    final double k1;
    final double k1p;
    final double k;
    final double kp;
    final double[] zeroFrequencies;

    Design(int n, double rippleDb, double attenuationDb) {
      this.n = n;
      this.epsP = Chebyshev.epsilon(rippleDb);
      this.k1 = epsP / Chebyshev.epsilon(attenuationDb);
      this.k1p = Math.sqrt((1 - k1) * (1 + k1));
      double[] kk = EllipticFunctions.degree(n, k1, k1p);
      this.k = kk[0];
      this.kp = kk[1];
      zeroFrequencies = new double[n / 2];
      for (int i = 1; i <= n / 2; i++) {
        double zeta = EllipticFunctions.cde(new Complex((2.0 * i - 1) / n), k, kp).getReal();
        zeroFrequencies[i - 1] = 1 / (k * zeta); // ascending: ζ falls as u grows
      }
    }

    /** Type B, or type C: also the lowest reflection zero cd(u_{N/2}·K) to ω = 0. */
    EvenOrderMap map(boolean typeC) {
      double top = zeroFrequencies[zeroFrequencies.length - 1];
      if (!typeC) {
        return EvenOrderMap.typeB(top);
      }
      double lowest = EllipticFunctions.cde(new Complex((n - 1.0) / n), k, kp).getReal();
      return EvenOrderMap.typeC(top, lowest);
    }

    List<Complex> roots(double eps) {
      Complex v0 =
          EllipticFunctions.asne(new Complex(0, 1 / eps), k1, k1p)
              .multiply(new Complex(0, -1.0 / n));
      List<Complex> out = new ArrayList<>();
      for (int i = 1; i <= n / 2; i++) {
        Complex u = new Complex((2.0 * i - 1) / n).subtract(v0.multiply(Complex.I));
        Complex p = EllipticFunctions.cde(u, k, kp).multiply(Complex.I);
        p = new Complex(-Math.abs(p.getReal()), Math.abs(p.getImaginary()));
        out.add(p);
        out.add(p.conjugate());
      }
      if (n % 2 == 1) {
        Complex p0 = EllipticFunctions.sne(v0.multiply(Complex.I), k, kp).multiply(Complex.I);
        out.add(new Complex(-Math.abs(p0.getReal()), 0));
      }
      return out;
    }
  }
}
