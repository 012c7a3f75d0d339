package org.zged.filter;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.complex.Complex;

/**
 * Jacobi elliptic functions and complete elliptic integrals by Landen transformations, normalised
 * to the quarter period as in Orfanidis, "Lecture notes on elliptic filter design" (2006): {@code
 * sne(u, k) = sn(u·K(k), k)}, {@code cde(u, k) = cd(u·K(k), k)} and their inverses, for complex u.
 * Hipparchus has real Jacobi functions only; the filter poles need complex arguments, and the
 * descending Landen sequence converges quadratically (5–6 terms reach double precision).
 *
 * <p>Moduli close to 1 lose digits in k' = √(1 − k²); every function therefore takes k and k'
 * together, and callers pass k' computed from the quantities it comes from.
 */
final class EllipticFunctions {
  private EllipticFunctions() {}

  /** The descending Landen moduli v₁, v₂, … of (k, k'), down to below 1e-16. */
  static double[] landen(double k, double kp) {
    List<Double> v = new ArrayList<>();
    double kn = k;
    double knp = kp;
    while (kn > 1e-16 && v.size() < 40) {
      double next = kn / (1 + knp);
      next *= next;
      v.add(next);
      // k'_{n+1} = 2√k'_n / (1 + k'_n), exact without forming 1 − k²
      knp = 2 * Math.sqrt(knp) / (1 + knp);
      kn = next;
    }
    double[] out = new double[v.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = v.get(i);
    }
    return out;
  }

  /** K(k), the complete elliptic integral of the first kind of modulus k. */
  static double completeK(double k, double kp) {
    double prod = Math.PI / 2;
    for (double vn : landen(k, kp)) {
      prod *= 1 + vn;
    }
    return prod;
  }

  /** cd(u·K, k) for complex u. */
  static Complex cde(Complex u, double k, double kp) {
    return ascend(u.multiply(Math.PI / 2).cos(), landen(k, kp));
  }

  /** sn(u·K, k) for complex u. */
  static Complex sne(Complex u, double k, double kp) {
    return ascend(u.multiply(Math.PI / 2).sin(), landen(k, kp));
  }

  private static Complex ascend(Complex w, double[] v) {
    for (int n = v.length - 1; n >= 0; n--) {
      w = w.multiply(1 + v[n]).divide(w.multiply(w).multiply(v[n]).add(1));
    }
    return w;
  }

  /** u such that sne(u, k) = w (principal branch). */
  static Complex asne(Complex w, double k, double kp) {
    double[] v = landen(k, kp);
    double kprev = k;
    for (double vn : v) {
      Complex root = Complex.ONE.subtract(w.multiply(w).multiply(kprev * kprev)).sqrt();
      w = w.multiply(2).divide(root.add(1).multiply(1 + vn));
      kprev = vn;
    }
    return w.asin().multiply(2 / Math.PI);
  }

  /**
   * The elliptic degree equation N·K'(k₁)/K(k₁) = K'(k)/K(k), solved exactly for k (Orfanidis eq.
   * 47): k' = k₁'^N · Π sne(uᵢ, k₁')⁴, uᵢ = (2i − 1)/N. Returns {k, k'}.
   */
  static double[] degree(int n, double k1, double k1p) {
    double kp = Math.pow(k1p, n);
    for (int i = 1; i <= n / 2; i++) {
      double s = sne(new Complex((2.0 * i - 1) / n), k1p, k1).getReal();
      kp *= s * s * s * s;
    }
    double k = Math.sqrt((1 - kp) * (1 + kp));
    return new double[] {k, kp};
  }
}
