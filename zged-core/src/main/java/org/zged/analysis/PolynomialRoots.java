package org.zged.analysis;

import java.util.Arrays;
import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * All complex roots of a real polynomial, as parallel arrays of real and imaginary parts.
 *
 * <p>Method: exact roots at x = 0 are split off first (they are structural in circuit polynomials
 * and must not come out as 1e-17). The rest is rescaled so that the outermost coefficients are
 * equal (roots of order one), the eigenvalues of the companion matrix give first estimates, and
 * Newton steps on the original polynomial polish every root to full precision; the companion
 * eigenvalues alone are accurate only relative to the largest root, so a small root next to a large
 * one needs the polish. Finally conjugate pairs are made exact and near-real roots real, which the
 * caller relies on to rebuild real coefficients.
 */
final class PolynomialRoots {
  /** A root whose imaginary part is below this share of its magnitude is taken as real. */
  static final double REAL_TOLERANCE = 1e-9;

  final double[] re;
  final double[] im;

  private PolynomialRoots(double[] re, double[] im) {
    this.re = re;
    this.im = im;
  }

  int count() {
    return re.length;
  }

  static PolynomialRoots of(double[] p) {
    int deg = Polynomials.degree(p);
    if (deg < 0) {
      throw new IllegalArgumentException("the zero polynomial has no finite set of roots");
    }
    int v = Polynomials.valuation(p);
    int m = deg - v;
    double[] re = new double[deg];
    double[] im = new double[deg];
    // roots at the origin stay exactly 0 in the first v slots
    if (m == 1) {
      re[v] = -p[v] / p[v + 1];
    } else if (m == 2) {
      quadratic(p[v], p[v + 1], p[v + 2], re, im, v);
    } else if (m > 2) {
      double[] q = Arrays.copyOfRange(p, v, deg + 1);
      general(q, re, im, v);
    }
    makeConjugatesExact(re, im);
    sort(re, im);
    return new PolynomialRoots(re, im);
  }

  /** Roots of c + b·x + a·x², without cancellation in the real case. */
  private static void quadratic(double c, double b, double a, double[] re, double[] im, int at) {
    double disc = b * b - 4 * a * c;
    if (disc >= 0) {
      double q = -0.5 * (b + Math.copySign(Math.sqrt(disc), b));
      re[at] = q / a;
      re[at + 1] = q == 0 ? 0 : c / q;
    } else {
      double r = -b / (2 * a);
      double i = Math.sqrt(-disc) / (2 * Math.abs(a));
      re[at] = r;
      im[at] = i;
      re[at + 1] = r;
      im[at + 1] = -i;
    }
  }

  private static void general(double[] q, double[] re, double[] im, int at) {
    int m = q.length - 1;
    // rescale x = rho·t so that the roots t are of order one
    double rho = Math.pow(Math.abs(q[0] / q[m]), 1.0 / m);
    if (!(rho > 0) || Double.isInfinite(rho)) {
      rho = 1;
    }
    double[] t = Polynomials.scaleVariable(q, rho);
    double lead = t[m];
    for (int k = 0; k <= m; k++) {
      t[k] /= lead;
    }
    double[] zr = new double[m];
    double[] zi = new double[m];
    if (!AberthRoots.solve(t, zr, zi)) {
      companionEigenvalues(t, zr, zi);
    }
    double[] root = new double[2];
    for (int k = 0; k < m; k++) {
      root[0] = zr[k];
      root[1] = zi[k];
      polish(t, root);
      zr[k] = root[0];
      zi[k] = root[1];
    }
    MultipleRoots.merge(t, zr, zi);
    for (int k = 0; k < m; k++) {
      re[at + k] = zr[k] * rho;
      im[at + k] = zi[k] * rho;
    }
  }

  /** The fallback when Aberth's iteration stalls: eigenvalues of the companion matrix. */
  private static void companionEigenvalues(double[] t, double[] zr, double[] zi) {
    int m = t.length - 1;
    DMatrixRMaj companion = new DMatrixRMaj(m, m);
    for (int k = 0; k < m; k++) {
      companion.set(0, k, -t[m - 1 - k]);
      if (k > 0) {
        companion.set(k, k - 1, 1);
      }
    }
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(m, false);
    if (!eig.decompose(companion)) {
      throw new ArithmeticException("companion eigenvalues did not converge");
    }
    for (int k = 0; k < m; k++) {
      Complex_F64 ev = eig.getEigenvalue(k);
      zr[k] = ev.real;
      zi[k] = ev.imaginary;
    }
  }

  /**
   * Newton's method on the monic polynomial t, starting from root; a step is kept only while it
   * lowers |t(x)|, so a multiple root (where Newton converges slowly) is never made worse.
   */
  static void polish(double[] t, double[] root) {
    double xr = root[0];
    double xi = root[1];
    double[] val = new double[4];
    Polynomials.hornerWithDerivative(t, xr, xi, val);
    // max-norm: comparisons only, and no underflow of squares next to a root
    double best = Math.max(Math.abs(val[0]), Math.abs(val[1]));
    for (int it = 0; it < 30 && best > 0; it++) {
      double dr = val[2];
      double di = val[3];
      double den = dr * dr + di * di;
      if (den == 0) {
        break;
      }
      double sr = (val[0] * dr + val[1] * di) / den;
      double si = (val[1] * dr - val[0] * di) / den;
      double nr = xr - sr;
      double ni = xi - si;
      Polynomials.hornerWithDerivative(t, nr, ni, val);
      double mag = Math.max(Math.abs(val[0]), Math.abs(val[1]));
      if (!(mag < best)) {
        break;
      }
      xr = nr;
      xi = ni;
      best = mag;
      if (Polynomials.abs(sr, si) <= 1e-16 * Polynomials.abs(xr, xi)) {
        break;
      }
    }
    root[0] = xr;
    root[1] = xi;
  }

  /**
   * Snaps near-real roots onto the real axis and pairs every upper-half-plane root with the closest
   * lower one, giving both the mean real part and the mean |imaginary part|.
   */
  static void makeConjugatesExact(double[] re, double[] im) {
    int n = re.length;
    for (int i = 0; i < n; i++) {
      if (Math.abs(im[i]) <= REAL_TOLERANCE * Polynomials.abs(re[i], im[i])) {
        im[i] = 0;
      }
    }
    boolean[] used = new boolean[n];
    for (int i = 0; i < n; i++) {
      if (im[i] <= 0 || used[i]) {
        continue;
      }
      int best = -1;
      double bestDist = Double.POSITIVE_INFINITY;
      for (int j = 0; j < n; j++) {
        if (im[j] < 0 && !used[j]) {
          double d = Polynomials.abs(re[j] - re[i], im[j] + im[i]);
          if (d < bestDist) {
            bestDist = d;
            best = j;
          }
        }
      }
      if (best < 0) {
        im[i] = 0;
        continue;
      }
      used[i] = true;
      used[best] = true;
      double r = 0.5 * (re[i] + re[best]);
      double m = 0.5 * (im[i] - im[best]);
      re[i] = r;
      im[i] = m;
      re[best] = r;
      im[best] = -m;
    }
    for (int j = 0; j < n; j++) {
      if (im[j] < 0 && !used[j]) {
        im[j] = 0;
      }
    }
  }

  /**
   * Orders by magnitude, then real part, then imaginary part (upper before lower): insertion sort
   * on the primitive arrays, as there are rarely more than a dozen roots.
   */
  static void sort(double[] re, double[] im) {
    int n = re.length;
    double[] mag = new double[n];
    for (int i = 0; i < n; i++) {
      mag[i] = Polynomials.abs(re[i], im[i]);
    }
    for (int i = 1; i < n; i++) {
      double m = mag[i];
      double r = re[i];
      double x = im[i];
      int j = i - 1;
      while (j >= 0 && before(m, r, x, mag[j], re[j], im[j])) {
        mag[j + 1] = mag[j];
        re[j + 1] = re[j];
        im[j + 1] = im[j];
        j--;
      }
      mag[j + 1] = m;
      re[j + 1] = r;
      im[j + 1] = x;
    }
  }

  private static boolean before(double m1, double r1, double i1, double m2, double r2, double i2) {
    if (m1 != m2) {
      return m1 < m2;
    }
    if (r1 != r2) {
      return r1 < r2;
    }
    return i1 > i2;
  }
}
