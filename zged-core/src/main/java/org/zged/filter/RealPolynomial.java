package org.zged.filter;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.hipparchus.complex.Complex;

/**
 * Roots of real polynomials (coefficients in ascending powers). the eigenvalues of the companion
 * matrix (EJML) of the polynomial rescaled to roots of order one are the first estimates; each is
 * then polished by Newton steps on the original coefficients. Roots at 0 are split off exactly.
 */
public final class RealPolynomial {
  private RealPolynomial() {}

  public static List<Complex> roots(double[] p) {
    int deg = degree(p);
    if (deg < 0) {
      throw new IllegalArgumentException("the zero polynomial has no finite set of roots");
    }
    int v = 0;
    while (p[v] == 0) {
      v++;
    }
    List<Complex> out = new ArrayList<>();
    for (int i = 0; i < v; i++) {
      out.add(Complex.ZERO);
    }
    int m = deg - v;
    if (m == 0) {
      return out;
    }
    double[] q = new double[m + 1];
    System.arraycopy(p, v, q, 0, m + 1);
    // scale x = c·t so that the outer coefficients are equal: roots of order one
    double c = Math.pow(Math.abs(q[0] / q[m]), 1.0 / m);
    double[] t = new double[m + 1];
    for (int k = 0; k <= m; k++) {
      t[k] = q[k] / q[m] * Math.pow(c, k - m); // monic in t
    }
    if (m == 1) {
      out.add(new Complex(-q[0] / q[1]));
      return out;
    }
    for (Complex z : companionEigenvalues(t)) {
      out.add(polish(q, z.multiply(c)));
    }
    return out;
  }

  /** Eigenvalues of the companion matrix of a monic polynomial (EJML; always converges). */
  private static List<Complex> companionEigenvalues(double[] monic) {
    int m = monic.length - 1;
    DMatrixRMaj a = new DMatrixRMaj(m, m);
    for (int i = 0; i < m; i++) {
      a.set(0, i, -monic[m - 1 - i]);
      if (i > 0) {
        a.set(i, i - 1, 1);
      }
    }
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(m, false);
    if (!eig.decompose(a)) {
      throw new IllegalStateException("companion eigenvalues did not converge");
    }
    List<Complex> out = new ArrayList<>(m);
    for (int i = 0; i < m; i++) {
      Complex_F64 e = eig.getEigenvalue(i);
      out.add(new Complex(e.real, e.imaginary));
    }
    return out;
  }

  /** Newton steps on p at z until the step stops shrinking (at most 8). */
  public static Complex polish(double[] p, Complex z) {
    double last = Double.POSITIVE_INFINITY;
    for (int it = 0; it < 8; it++) {
      Complex[] fd = valueAndDerivative(p, z);
      if (fd[1].norm() == 0) {
        break;
      }
      Complex step = fd[0].divide(fd[1]);
      double size = step.norm();
      if (!(size < last) || !Double.isFinite(size)) {
        break;
      }
      z = z.subtract(step);
      last = size;
      if (size <= 1e-17 * z.norm()) {
        break;
      }
    }
    return z;
  }

  static Complex[] valueAndDerivative(double[] p, Complex z) {
    double fr = 0;
    double fi = 0;
    double dr = 0;
    double di = 0;
    double zr = z.getReal();
    double zi = z.getImaginary();
    for (int k = p.length - 1; k >= 0; k--) {
      double ndr = dr * zr - di * zi + fr;
      double ndi = dr * zi + di * zr + fi;
      dr = ndr;
      di = ndi;
      double nfr = fr * zr - fi * zi + p[k];
      double nfi = fr * zi + fi * zr;
      fr = nfr;
      fi = nfi;
    }
    return new Complex[] {new Complex(fr, fi), new Complex(dr, di)};
  }

  public static int degree(double[] p) {
    for (int k = p.length - 1; k >= 0; k--) {
      if (p[k] != 0) {
        return k;
      }
    }
    return -1;
  }

  public static double evaluate(double[] p, double x) {
    double s = 0;
    for (int k = p.length - 1; k >= 0; k--) {
      s = s * x + p[k];
    }
    return s;
  }

  /** Π(s − rᵢ) with conjugate pairs given both; imaginary residue dropped. */
  public static double[] fromRoots(List<Complex> roots) {
    double[] re = {1};
    double[] im = {0};
    for (Complex r : roots) {
      double[] nre = new double[re.length + 1];
      double[] nim = new double[re.length + 1];
      for (int k = 0; k < re.length; k++) {
        nre[k + 1] += re[k];
        nim[k + 1] += im[k];
        nre[k] -= re[k] * r.getReal() - im[k] * r.getImaginary();
        nim[k] -= re[k] * r.getImaginary() + im[k] * r.getReal();
      }
      re = nre;
      im = nim;
    }
    return re;
  }
}
