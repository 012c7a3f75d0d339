package org.zged.synthesis;

/** Real polynomials as ascending coefficient arrays; the few operations ladder synthesis needs. */
final class Poly {
  private Poly() {}

  static int degree(double[] p) {
    for (int k = p.length - 1; k >= 0; k--) {
      if (p[k] != 0) {
        return k;
      }
    }
    return -1;
  }

  static double[] trim(double[] p) {
    int d = Math.max(degree(p), 0);
    double[] out = new double[d + 1];
    System.arraycopy(p, 0, out, 0, d + 1);
    return out;
  }

  static double[] multiply(double[] a, double[] b) {
    double[] out = new double[a.length + b.length - 1];
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < b.length; j++) {
        out[i + j] += a[i] * b[j];
      }
    }
    return out;
  }

  static double[] add(double[] a, double[] b, double kb) {
    double[] out = new double[Math.max(a.length, b.length)];
    for (int i = 0; i < a.length; i++) {
      out[i] += a[i];
    }
    for (int i = 0; i < b.length; i++) {
      out[i] += kb * b[i];
    }
    return out;
  }

  /** s·p. */
  static double[] shift(double[] p) {
    double[] out = new double[p.length + 1];
    System.arraycopy(p, 0, out, 1, p.length);
    return out;
  }

  /** p(−s). */
  static double[] mirror(double[] p) {
    double[] out = p.clone();
    for (int k = 1; k < out.length; k += 2) {
      out[k] = -out[k];
    }
    return out;
  }

  static double[] even(double[] p) {
    double[] out = p.clone();
    for (int k = 1; k < out.length; k += 2) {
      out[k] = 0;
    }
    return trim(out);
  }

  static double[] odd(double[] p) {
    double[] out = p.clone();
    for (int k = 0; k < out.length; k += 2) {
      out[k] = 0;
    }
    return trim(out);
  }

  /** p(jω) as {re, im}. */
  static double[] atJOmega(double[] p, double w) {
    double re = 0;
    double im = 0;
    for (int k = p.length - 1; k >= 0; k--) {
      double nre = -im * w + p[k];
      im = re * w;
      re = nre;
    }
    return new double[] {re, im};
  }

  /** The quotient of p by s² + w², the remainder (zero in exact arithmetic) dropped. */
  static double[] divideByQuadratic(double[] p, double w2) {
    int d = degree(p);
    if (d < 2) {
      return new double[] {0};
    }
    double[] r = p.clone();
    double[] q = new double[d - 1];
    for (int k = d; k >= 2; k--) {
      double c = r[k];
      q[k - 2] = c;
      r[k] = 0;
      r[k - 2] -= c * w2;
    }
    return q;
  }

  /** Drops the top coefficient (after a subtraction that cancels it exactly in theory). */
  static double[] dropTop(double[] p, int expectedDegree) {
    double[] out = new double[Math.max(expectedDegree, 0) + 1];
    System.arraycopy(p, 0, out, 0, Math.min(p.length, out.length));
    return out;
  }
}
