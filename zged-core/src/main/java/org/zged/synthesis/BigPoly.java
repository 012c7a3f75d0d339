package org.zged.synthesis;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import org.hipparchus.complex.Complex;

/**
 * Real polynomials with BigDecimal coefficients (ascending powers), for the ladder development: a
 * continued fraction subtracts nearly equal coefficients at every step, so that in double precision
 * a 9th-order Bessel ladder already comes out wrong in the 6th digit. With 50 significant digits
 * the only error left is that of the double-precision roots the polynomials are built from.
 */
final class BigPoly {
  static final MathContext MC = new MathContext(50);

  private BigPoly() {}

  static int degree(BigDecimal[] p) {
    for (int k = p.length - 1; k >= 0; k--) {
      if (p[k].signum() != 0) {
        return k;
      }
    }
    return -1;
  }

  static BigDecimal[] zeros(int n) {
    BigDecimal[] out = new BigDecimal[n];
    java.util.Arrays.fill(out, BigDecimal.ZERO);
    return out;
  }

  static BigDecimal[] trim(BigDecimal[] p) {
    int d = Math.max(degree(p), 0);
    BigDecimal[] out = new BigDecimal[d + 1];
    System.arraycopy(p, 0, out, 0, d + 1);
    return out;
  }

  /** Π(s − rᵢ), conjugate pairs multiplied as s² − 2Re(r)s + |r|² (given both, used once). */
  static BigDecimal[] fromRoots(List<Complex> roots) {
    BigDecimal[] p = {BigDecimal.ONE};
    for (Complex r : roots) {
      if (r.getImaginary() < 0) {
        continue;
      }
      BigDecimal re = new BigDecimal(r.getReal());
      if (r.getImaginary() == 0) {
        p = multiply(p, new BigDecimal[] {re.negate(), BigDecimal.ONE});
      } else {
        BigDecimal im = new BigDecimal(r.getImaginary());
        BigDecimal m = re.multiply(re, MC).add(im.multiply(im, MC), MC);
        p = multiply(p, new BigDecimal[] {m, re.multiply(BigDecimal.valueOf(-2)), BigDecimal.ONE});
      }
    }
    return p;
  }

  static BigDecimal[] multiply(BigDecimal[] a, BigDecimal[] b) {
    BigDecimal[] out = zeros(a.length + b.length - 1);
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < b.length; j++) {
        out[i + j] = out[i + j].add(a[i].multiply(b[j], MC), MC);
      }
    }
    return out;
  }

  /** a + k·b. */
  static BigDecimal[] add(BigDecimal[] a, BigDecimal[] b, BigDecimal k) {
    BigDecimal[] out = zeros(Math.max(a.length, b.length));
    for (int i = 0; i < a.length; i++) {
      out[i] = out[i].add(a[i]);
    }
    for (int i = 0; i < b.length; i++) {
      out[i] = out[i].add(b[i].multiply(k, MC), MC);
    }
    return out;
  }

  static BigDecimal[] shift(BigDecimal[] p) {
    BigDecimal[] out = new BigDecimal[p.length + 1];
    out[0] = BigDecimal.ZERO;
    System.arraycopy(p, 0, out, 1, p.length);
    return out;
  }

  static BigDecimal[] even(BigDecimal[] p) {
    BigDecimal[] out = p.clone();
    for (int k = 1; k < out.length; k += 2) {
      out[k] = BigDecimal.ZERO;
    }
    return trim(out);
  }

  static BigDecimal[] odd(BigDecimal[] p) {
    BigDecimal[] out = p.clone();
    for (int k = 0; k < out.length; k += 2) {
      out[k] = BigDecimal.ZERO;
    }
    return trim(out);
  }

  /** p(jω) as {re, im}. */
  static BigDecimal[] atJOmega(BigDecimal[] p, BigDecimal w) {
    BigDecimal re = BigDecimal.ZERO;
    BigDecimal im = BigDecimal.ZERO;
    for (int k = p.length - 1; k >= 0; k--) {
      BigDecimal nre = p[k].subtract(im.multiply(w, MC), MC);
      im = re.multiply(w, MC);
      re = nre;
    }
    return new BigDecimal[] {re, im};
  }

  /** The quotient by s² + w², the (theoretically zero) remainder dropped. */
  static BigDecimal[] divideByQuadratic(BigDecimal[] p, BigDecimal w2) {
    int d = degree(p);
    if (d < 2) {
      return new BigDecimal[] {BigDecimal.ZERO};
    }
    BigDecimal[] r = p.clone();
    BigDecimal[] q = zeros(d - 1);
    for (int k = d; k >= 2; k--) {
      BigDecimal c = r[k];
      q[k - 2] = c;
      r[k] = BigDecimal.ZERO;
      r[k - 2] = r[k - 2].subtract(c.multiply(w2, MC), MC);
    }
    return q;
  }

  /** Keeps the coefficients up to {@code degree} (the top ones cancel exactly in theory). */
  static BigDecimal[] dropTop(BigDecimal[] p, int degree) {
    BigDecimal[] out = zeros(Math.max(degree, 0) + 1);
    System.arraycopy(p, 0, out, 0, Math.min(p.length, out.length));
    return out;
  }

  static BigDecimal divide(BigDecimal a, BigDecimal b) {
    return a.divide(b, MC);
  }
}
