package org.zged.filter;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.analysis.solvers.BrentSolver;
import org.hipparchus.complex.Complex;

/**
 * Bessel–Thomson: H(s) = θ_N(0)/θ_N(s) with θ_N the reverse Bessel polynomial (maximally flat group
 * delay), frequency-scaled so that the -3 dB point is at 1 rad/s. The poles are computed from the
 * polynomial, not tabled: θ_N has coefficients aₖ = (2N − k)! / (2^{N−k} k! (N − k)!).
 */
public final class Bessel {
  private Bessel() {}

  public static Prototype prototype(int n) {
    double[] theta = reversePolynomial(n);
    List<Complex> raw = RealPolynomial.roots(theta);
    List<Complex> poles = conjugateOrder(raw);
    double gain = theta[0] / theta[n];
    Prototype unit =
        new Prototype(
            Response.BESSEL,
            n,
            poles,
            List.of(),
            gain,
            Double.NaN,
            Double.NaN,
            Double.NaN,
            Double.NaN,
            Prototype.Variant.A);
    double w3 = frequencyAtAttenuation(unit, 10 * Math.log10(2));
    return unit.scaled(1 / w3);
  }

  /** aₖ = (2N − k)!/(2^{N−k} k!(N − k)!), by the ratio aₖ₊₁/aₖ = 2(N − k)/((2N − k)(k + 1)). */
  static double[] reversePolynomial(int n) {
    double[] a = new double[n + 1];
    a[n] = 1;
    for (int k = n - 1; k >= 0; k--) {
      // a_k = a_{k+1} · (2N − k)(k + 1) / (2(N − k))
      a[k] = a[k + 1] * (2.0 * n - k) * (k + 1) / (2.0 * (n - k));
    }
    return a;
  }

  /** The frequency where a monotone low-pass reaches {@code db} of attenuation (Brent). */
  public static double frequencyAtAttenuation(Prototype p, double db) {
    double hi = 1;
    while (p.attenuationDb(hi) < db) {
      hi *= 2;
    }
    double lo = hi / 2;
    while (p.attenuationDb(lo) > db && lo > 1e-12) {
      lo /= 2;
    }
    return new BrentSolver(1e-15, 1e-15).solve(200, w -> p.attenuationDb(w) - db, lo, hi);
  }

  static List<Complex> conjugateOrder(List<Complex> raw) {
    List<Complex> out = new ArrayList<>();
    List<Complex> real = new ArrayList<>();
    for (Complex z : raw) {
      if (Math.abs(z.getImaginary()) <= 1e-12 * z.norm()) {
        real.add(new Complex(z.getReal(), 0));
      } else if (z.getImaginary() > 0) {
        out.add(z);
        out.add(z.conjugate());
      }
    }
    out.addAll(real);
    return out;
  }
}
