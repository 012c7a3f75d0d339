package org.zged.analysis;

import java.util.Arrays;

/**
 * Small helpers for real polynomials stored as coefficient arrays in ascending powers ({@code p[k]}
 * multiplies x^k). Kept as static methods on {@code double[]} because the analysis hot path works
 * on primitive arrays.
 */
final class Polynomials {
  private Polynomials() {}

  /**
   * |re + j·im|. {@link Math#hypot} guards against overflow at a large cost (it was a fifth of the
   * analysis time); squares are safe here except at extreme magnitudes, which fall back to it.
   */
  static double abs(double re, double im) {
    double s = re * re + im * im;
    if (s > 1e-290 && s < 1e290) {
      return Math.sqrt(s);
    }
    // exact zeros are common (an exact conjugate pair, a root at the origin evaluated at ω = 0)
    // and on an axis the modulus is exact without hypot
    if (re == 0) {
      return Math.abs(im);
    }
    if (im == 0) {
      return Math.abs(re);
    }
    return Math.hypot(re, im);
  }

  /** The degree: index of the highest non-zero coefficient, or -1 for the zero polynomial. */
  static int degree(double[] p) {
    for (int k = p.length - 1; k >= 0; k--) {
      if (p[k] != 0) {
        return k;
      }
    }
    return -1;
  }

  /** The number of leading zero coefficients from the bottom: the multiplicity of the root x=0. */
  static int valuation(double[] p) {
    for (int k = 0; k < p.length; k++) {
      if (p[k] != 0) {
        return k;
      }
    }
    return p.length;
  }

  /** A copy without trailing zero coefficients (the zero polynomial becomes {0}). */
  static double[] trim(double[] p) {
    int d = degree(p);
    return d < 0 ? new double[] {0} : Arrays.copyOf(p, d + 1);
  }

  static double[] multiply(double[] a, double[] b) {
    double[] out = new double[a.length + b.length - 1];
    for (int i = 0; i < a.length; i++) {
      if (a[i] == 0) {
        continue;
      }
      for (int j = 0; j < b.length; j++) {
        out[i + j] += a[i] * b[j];
      }
    }
    return out;
  }

  /** p(x) evaluated by Horner's rule. */
  static double evaluate(double[] p, double x) {
    double v = 0;
    for (int k = p.length - 1; k >= 0; k--) {
      v = v * x + p[k];
    }
    return v;
  }

  static double[] derivative(double[] p) {
    if (p.length <= 1) {
      return new double[] {0};
    }
    double[] d = new double[p.length - 1];
    for (int k = 1; k < p.length; k++) {
      d[k - 1] = k * p[k];
    }
    return d;
  }

  /** a - c·b, padded to the longer length. */
  static double[] subtractScaled(double[] a, double c, double[] b) {
    double[] out = Arrays.copyOf(a, Math.max(a.length, b.length));
    for (int k = 0; k < b.length; k++) {
      out[k] -= c * b[k];
    }
    return out;
  }

  /** Coefficients of p(λ·x): p[k]·λ^k. */
  static double[] scaleVariable(double[] p, double lambda) {
    double[] out = new double[p.length];
    double f = 1;
    for (int k = 0; k < p.length; k++) {
      out[k] = p[k] * f;
      f *= lambda;
    }
    return out;
  }

  /**
   * The monic real polynomial with the given roots (conjugate pairs must both be present, as {@link
   * PolynomialRoots} returns them); each pair is multiplied in as one real quadratic so that no
   * imaginary round-off enters the coefficients.
   */
  static double[] fromRoots(double[] re, double[] im) {
    double[] p = {1};
    for (int i = 0; i < re.length; i++) {
      if (im[i] == 0) {
        p = multiply(p, new double[] {-re[i], 1});
      } else if (im[i] > 0) {
        p = multiply(p, new double[] {re[i] * re[i] + im[i] * im[i], -2 * re[i], 1});
      }
    }
    return p;
  }

  /**
   * p and p′ at a complex point in one Horner pass: out = {Re p(x), Im p(x), Re p′(x), Im p′(x)}.
   */
  static void hornerWithDerivative(double[] p, double xr, double xi, double[] out) {
    double pr = 0;
    double pi = 0;
    double dr = 0;
    double di = 0;
    for (int k = p.length - 1; k >= 0; k--) {
      double ndr = dr * xr - di * xi + pr;
      double ndi = dr * xi + di * xr + pi;
      dr = ndr;
      di = ndi;
      double npr = pr * xr - pi * xi + p[k];
      double npi = pr * xi + pi * xr;
      pr = npr;
      pi = npi;
    }
    out[0] = pr;
    out[1] = pi;
    out[2] = dr;
    out[3] = di;
  }
}
