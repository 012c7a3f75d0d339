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
