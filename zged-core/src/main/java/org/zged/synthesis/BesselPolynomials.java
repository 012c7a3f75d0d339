package org.zged.synthesis;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import org.hipparchus.complex.Complex;
import org.zged.filter.Prototype;
import org.zged.filter.RealPolynomial;

/**
 * E(s) and the reflection polynomial F(s) of a Bessel ladder in {@link BigPoly} precision. A
 * continued fraction amplifies coefficient errors roughly tenfold per order, so a 10th-order Bessel
 * ladder built from double-precision roots is wrong in the 3rd digit. Here E is exact: the reverse
 * Bessel polynomial has integer coefficients aₖ = (2N − k)!/(2^{N−k}k!(N − k)!), scaled to the
 * prototype's -3 dB normalisation (one real factor). The roots y of E(s)E(−s) − K·E(0)² (a
 * polynomial in y = s²) are found in double and then polished by complex Newton steps on the
 * BigDecimal coefficients; F is rebuilt from them, each factor in the left half plane (or its
 * mirror).
 */
final class BesselPolynomials {
  private static final MathContext MC = BigPoly.MC;

  private BesselPolynomials() {}

  /** The monic E(s) of the prototype: Π(s − pᵢ) = θ(ω₃s)/ω₃^N with ω₃ = |Π pᵢ|^{1/N}/θ(0)^{1/N}. */
  static BigDecimal[] e(Prototype p) {
    int n = p.order();
    BigInteger[] a = reverseBessel(n);
    double prod = 1;
    for (Complex z : p.poles()) {
      prod *= z.norm();
    }
    // Π|pᵢ| = θ(0)/ω₃^N  =>  ω₃ = (θ(0)/Π|pᵢ|)^{1/N}
    double w3 = Math.pow(a[0].doubleValue() / prod, 1.0 / n);
    BigDecimal w = new BigDecimal(w3);
    BigDecimal[] e = new BigDecimal[n + 1];
    for (int k = 0; k <= n; k++) {
      // eₖ = aₖ·ω₃^{k−N}
      e[k] = new BigDecimal(a[k]).divide(w.pow(n - k, MC), MC);
    }
    return e;
  }

  static BigInteger[] reverseBessel(int n) {
    BigInteger[] a = new BigInteger[n + 1];
    for (int k = 0; k <= n; k++) {
      BigInteger num = factorial(2 * n - k);
      BigInteger den = BigInteger.TWO.pow(n - k).multiply(factorial(k)).multiply(factorial(n - k));
      a[k] = num.divide(den);
    }
    return a;
  }

  private static BigInteger factorial(int m) {
    BigInteger f = BigInteger.ONE;
    for (int i = 2; i <= m; i++) {
      f = f.multiply(BigInteger.valueOf(i));
    }
    return f;
  }

  /** {F_min, F_mirror} for transducer gain K. */
  static BigDecimal[][] f(BigDecimal[] e, double k) {
    int n = e.length - 1;
    // E(s)E(−s) in y = s²
    BigDecimal[] y = BigPoly.zeros(n + 1);
    for (int i = 0; i <= n; i++) {
      for (int j = 0; j <= n; j++) {
        if ((i + j) % 2 == 0) {
          BigDecimal t = e[i].multiply(e[j], MC);
          if (j % 2 == 1) {
            t = t.negate();
          }
          y[(i + j) / 2] = y[(i + j) / 2].add(t, MC);
        }
      }
    }
    if (k >= 1 - 1e-12) {
      y[0] = BigDecimal.ZERO;
    } else {
      y[0] = y[0].subtract(e[0].multiply(e[0], MC).multiply(new BigDecimal(k), MC), MC);
    }
    return halfFactors(y);
  }

  /**
   * The two spectral factors of an even polynomial P(s) = Q(s²), given as Q in y = s²: the monic
   * factor with every root in the left half plane and its mirror. Roots at y = 0 give s.
   */
  static BigDecimal[][] halfFactors(BigDecimal[] y) {
    int n = y.length - 1;
    double[] yd = new double[n + 1];
    for (int i = 0; i <= n; i++) {
      yd[i] = y[i].doubleValue();
    }
    BigDecimal[] fMin = {BigDecimal.ONE};
    BigDecimal[] fMir = {BigDecimal.ONE};
    for (Complex r0 : RealPolynomial.roots(yd)) {
      if (r0.getImaginary() < 0) {
        continue; // the conjugate root carries the pair
      }
      if (r0.getReal() == 0 && r0.getImaginary() == 0) {
        fMin = BigPoly.multiply(fMin, new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ONE});
        fMir = BigPoly.multiply(fMir, new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ONE});
        continue;
      }
      BigDecimal[] r = polish(y, r0);
      if (Math.abs(r0.getImaginary()) <= 1e-12 * r0.norm()) {
        // real y > 0: s = ∓√y (a real y < 0 would be a double root on the axis: not Bessel)
        BigDecimal sq = r[0].abs().sqrt(MC);
        fMin = BigPoly.multiply(fMin, new BigDecimal[] {sq, BigDecimal.ONE});
        fMir = BigPoly.multiply(fMir, new BigDecimal[] {sq.negate(), BigDecimal.ONE});
      } else {
        // s² + 2·σ·s + |y| with σ = Re √y = √((|y| + Re y)/2)
        BigDecimal m = r[0].multiply(r[0], MC).add(r[1].multiply(r[1], MC), MC).sqrt(MC);
        BigDecimal sigma =
            m.add(r[0], MC).divide(BigDecimal.valueOf(2), MC).max(BigDecimal.ZERO).sqrt(MC);
        BigDecimal two = sigma.multiply(BigDecimal.valueOf(2), MC);
        fMin = BigPoly.multiply(fMin, new BigDecimal[] {m, two, BigDecimal.ONE});
        fMir = BigPoly.multiply(fMir, new BigDecimal[] {m, two.negate(), BigDecimal.ONE});
      }
    }
    return new BigDecimal[][] {fMin, fMir};
  }

  /**
   * Butterworth {E, F_min, F_mirror} from exact polynomials: E(s)E(−s) = 1 + (−s²)^N and F(s)F(−s)
   * = (1 − K) + (−s²)^N (F = s^N when matched), instead of the double-precision poles whose 1e-16
   * error the continued fraction amplifies to 1e-6 at N = 10.
   */
  static BigDecimal[][] butterworth(int n, double k) {
    BigDecimal[] ee = BigPoly.zeros(n + 1);
    ee[0] = BigDecimal.ONE;
    ee[n] = n % 2 == 0 ? BigDecimal.ONE : BigDecimal.ONE.negate();
    BigDecimal[] e = halfFactors(ee)[0];
    BigDecimal[][] f;
    if (k >= 1 - 1e-12) {
      BigDecimal[] sn = BigPoly.zeros(n + 1);
      sn[n] = BigDecimal.ONE;
      f = new BigDecimal[][] {sn, sn};
    } else {
      BigDecimal[] ff = ee.clone();
      ff[0] = BigDecimal.ONE.subtract(new BigDecimal(k), MC);
      f = halfFactors(ff);
    }
    return new BigDecimal[][] {e, f[0], f[1]};
  }

  /**
   * Chebyshev {E, F_min, F_mirror}: E(s)E(−s) ∝ 1 + ε²T_N(ω)² and F(s)F(−s) ∝ (1 − K) + ε²T_N(ω)²
   * with ω² = −s² and T_N's integer coefficients; when matched, F is T_N itself made monic in s.
   */
  static BigDecimal[][] chebyshev(int n, double eps, double k) {
    BigInteger[] t = chebyshevT(n);
    // T_N(ω)² as a polynomial in ω², then in y = s² = −ω²
    BigDecimal[] t2 = BigPoly.zeros(n + 1);
    for (int i = 0; i <= n; i++) {
      for (int j = 0; j <= n; j++) {
        if ((i + j) % 2 == 0 && t[i].signum() != 0 && t[j].signum() != 0) {
          BigDecimal c = new BigDecimal(t[i].multiply(t[j]));
          int m = (i + j) / 2;
          t2[m] = t2[m].add(m % 2 == 0 ? c : c.negate(), MC);
        }
      }
    }
    BigDecimal e2 = new BigDecimal(eps).pow(2, MC);
    BigDecimal[] ee = new BigDecimal[n + 1];
    for (int m = 0; m <= n; m++) {
      ee[m] = t2[m].multiply(e2, MC);
    }
    BigDecimal[] ff = ee.clone();
    ee[0] = ee[0].add(BigDecimal.ONE, MC);
    BigDecimal[] e = halfFactors(ee)[0];
    if (k >= 1 - 1e-12) {
      // F(s) = T_N(s/j)·j^N / 2^{N−1}: coefficient of s^k is c_k·(−1)^{(N−k)/2} / c_N
      BigDecimal[] f = BigPoly.zeros(n + 1);
      BigDecimal lead = new BigDecimal(t[n]);
      for (int i = 0; i <= n; i++) {
        if (t[i].signum() != 0) {
          BigDecimal c = new BigDecimal(t[i]).divide(lead, MC);
          f[i] = ((n - i) / 2) % 2 == 0 ? c : c.negate();
        }
      }
      return new BigDecimal[][] {e, f, mirror(f)};
    }
    ff[0] = ff[0].add(BigDecimal.ONE.subtract(new BigDecimal(k), MC), MC);
    BigDecimal[][] f = halfFactors(ff);
    return new BigDecimal[][] {e, f[0], f[1]};
  }

  /** p(−s)·(−1)^deg: the monic polynomial of the negated roots. */
  private static BigDecimal[] mirror(BigDecimal[] p) {
    int n = p.length - 1;
    BigDecimal[] out = new BigDecimal[p.length];
    for (int i = 0; i <= n; i++) {
      out[i] = (n - i) % 2 == 0 ? p[i] : p[i].negate();
    }
    return out;
  }

  /** T_N(x) coefficients by T_{k+1} = 2x·T_k − T_{k−1}. */
  static BigInteger[] chebyshevT(int n) {
    BigInteger[] prev = new BigInteger[n + 1];
    BigInteger[] cur = new BigInteger[n + 1];
    java.util.Arrays.fill(prev, BigInteger.ZERO);
    java.util.Arrays.fill(cur, BigInteger.ZERO);
    prev[0] = BigInteger.ONE; // T0
    if (n == 0) {
      return prev;
    }
    cur[1] = BigInteger.ONE; // T1
    for (int k = 1; k < n; k++) {
      BigInteger[] next = new BigInteger[n + 1];
      java.util.Arrays.fill(next, BigInteger.ZERO);
      for (int i = 0; i < n; i++) {
        next[i + 1] = next[i + 1].add(cur[i].shiftLeft(1));
      }
      for (int i = 0; i <= n; i++) {
        next[i] = next[i].subtract(prev[i]);
      }
      prev = cur;
      cur = next;
    }
    return cur;
  }

  /** Complex Newton on the BigDecimal polynomial from a double root; returns {re, im}. */
  private static BigDecimal[] polish(BigDecimal[] p, Complex z0) {
    BigDecimal re = new BigDecimal(z0.getReal());
    BigDecimal im = new BigDecimal(z0.getImaginary());
    for (int it = 0; it < 6; it++) {
      BigDecimal fr = BigDecimal.ZERO;
      BigDecimal fi = BigDecimal.ZERO;
      BigDecimal dr = BigDecimal.ZERO;
      BigDecimal di = BigDecimal.ZERO;
      for (int k = p.length - 1; k >= 0; k--) {
        BigDecimal ndr = dr.multiply(re, MC).subtract(di.multiply(im, MC), MC).add(fr, MC);
        BigDecimal ndi = dr.multiply(im, MC).add(di.multiply(re, MC), MC).add(fi, MC);
        dr = ndr;
        di = ndi;
        BigDecimal nfr = fr.multiply(re, MC).subtract(fi.multiply(im, MC), MC).add(p[k], MC);
        BigDecimal nfi = fr.multiply(im, MC).add(fi.multiply(re, MC), MC);
        fr = nfr;
        fi = nfi;
      }
      BigDecimal d2 = dr.multiply(dr, MC).add(di.multiply(di, MC), MC);
      if (d2.signum() == 0) {
        break;
      }
      // (f / d) = f·conj(d)/|d|²
      BigDecimal sr = fr.multiply(dr, MC).add(fi.multiply(di, MC), MC).divide(d2, MC);
      BigDecimal si = fi.multiply(dr, MC).subtract(fr.multiply(di, MC), MC).divide(d2, MC);
      re = re.subtract(sr, MC);
      im = im.subtract(si, MC);
    }
    return new BigDecimal[] {re, im};
  }
}
