package org.zged.analysis;

import org.zged.circuit.CircuitException;

/**
 * Poles, zeros and gain of any circuit without polynomial coefficients: poles are the roots of the
 * nodal determinant det(s·Y(s)), zeros those of the same determinant with the VOUT column replaced
 * by the source admittances (Cramer's numerator: V(vout) = 0 with VIN driven), both found as
 * eigenvalues of a linearised pencil and polished on the determinant itself ({@link PencilRoots});
 * how many of each, and how many at s = 0, comes from the structure ({@link StructuralDegrees}).
 * The gain K comes from one direct solve of the nodal equations at the frequency scale.
 */
final class PencilPath {
  private PencilPath() {}

  /** The roots numerator and denominator have in common cancel when they agree to 1e-9. */
  static PoleZeroSet of(NodalSystem sys) {
    return roots(sys).toSet(PoleZeroSet.CANCEL_TOLERANCE);
  }

  /**
   * Poles and zeros before cancellation, in units of ω0 (with K in rad/s units): the caller may
   * cancel with a tighter tolerance when two distinct roots 1e-9 apart were taken for one.
   */
  record Roots(
      double[] zr,
      double[] zi,
      double[] pr,
      double[] pi,
      double gain,
      double omega0,
      double axisTolerance) {
    PoleZeroSet toSet(double cancelTolerance) {
      return PoleZeroSet.fromRoots(zr, zi, pr, pi, gain, omega0, cancelTolerance, axisTolerance);
    }

    /**
     * The alternative for multiple roots: an m-fold root comes out of any method that evaluates the
     * determinant as a ring of m roots of radius about ε^(1/m) (0.12 of its size for the 17-fold
     * zero of 17 identical R‖L sections; polished, 1e-5), but the ring's centroid is accurate. Here
     * every cluster (roots within {@code radius} of their size) becomes its centroid, m times;
     * whether that is right is for the self-check to say.
     */
    Roots mergedClusters(double radius) {
      double[][] z = merge(zr, zi, radius);
      double[][] p = merge(pr, pi, radius);
      return new Roots(z[0], z[1], p[0], p[1], gain, omega0, axisTolerance);
    }
  }

  private static double[][] merge(double[] re, double[] im, double radius) {
    int n = re.length;
    double[] r = re.clone();
    double[] i = im.clone();
    boolean[] done = new boolean[n];
    int[] members = new int[n];
    for (int a = 0; a < n; a++) {
      if (done[a]) {
        continue;
      }
      double size = Polynomials.abs(r[a], i[a]);
      int m = 0;
      double cr = 0;
      double ci = 0;
      for (int b = a; b < n; b++) {
        if (!done[b] && Polynomials.abs(r[b] - r[a], i[b] - i[a]) <= radius * size) {
          members[m++] = b;
          cr += r[b];
          ci += i[b];
        }
      }
      for (int k = 0; k < m; k++) {
        r[members[k]] = cr / m;
        i[members[k]] = ci / m;
        done[members[k]] = true;
      }
    }
    PolynomialRoots.makeConjugatesExact(r, i);
    return new double[][] {r, i};
  }

  static Roots roots(NodalSystem sys) {
    int n = sys.size();
    int[] den = StructuralDegrees.denominator(sys);
    if (den == null) {
      throw new CircuitException("the nodal equations are singular: V(vout) is not determined");
    }
    int[] num = StructuralDegrees.numerator(sys);
    if (num == null) {
      throw new CircuitException("H(s) is identically 0: VIN does not drive VOUT");
    }
    double[][] c = new double[n][n];
    double[][] g = new double[n][n];
    double[][] gamma = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        gamma[i][j] = sys.a[i][j][0];
        g[i][j] = sys.a[i][j][1];
        c[i][j] = sys.a[i][j][2];
      }
    }
    double[][] poles =
        PencilRoots.of(c, g, gamma, den[0], den[1], PencilRoots.kron(sys, false, den[0]));
    // numerator matrix: column 0 replaced by the source admittances
    double[][] cz = copy(c);
    double[][] gz = copy(g);
    double[][] gammaZ = copy(gamma);
    for (int i = 0; i < n; i++) {
      gammaZ[i][0] = sys.b[i][0];
      gz[i][0] = sys.b[i][1];
      cz[i][0] = sys.b[i][2];
    }
    double[][] zeros =
        PencilRoots.of(cz, gz, gammaZ, num[0], num[1], PencilRoots.kron(sys, true, num[0]));
    // H = s^(loN − loD)·pN/pD: the difference is a multiple zero (or pole) at the origin
    int origin = num[0] - den[0];
    double[] zr = withOrigin(zeros[0], Math.max(0, origin));
    double[] zi = withOrigin(zeros[1], Math.max(0, origin));
    double[] pr = withOrigin(poles[0], Math.max(0, -origin));
    double[] pi = withOrigin(poles[1], Math.max(0, -origin));
    double gain = gain(sys, zr, zi, pr, pi);
    return new Roots(zr, zi, pr, pi, gain, sys.omega0, sys.axisTolerance());
  }

  /**
   * K in rad/s units from H(1) (s̃ = 1, real, where H is positive, by {@link KronElimination}): K̃
   * = H(1)·Π(1 − p̃)/Π(1 − z̃) in scaled units, then K = K̃·ω0^(np − nz), formed in logarithms.
   */
  private static double gain(NodalSystem sys, double[] zr, double[] zi, double[] pr, double[] pi) {
    // at s̃ = 1 every admittance is positive, so the network elimination only adds positive terms
    KronElimination kron = new KronElimination(sys);
    if (!kron.evaluate(1, 0)) {
      throw new ArithmeticException("the nodal equations are singular at the frequency scale");
    }
    double h = kron.aRe / (kron.aRe + kron.bRe);
    double log = Math.log(Math.abs(h));
    double sign = Math.signum(h);
    double re = 1;
    double im = 0;
    for (int i = 0; i < Math.max(zr.length, pr.length); i++) {
      if (i < pr.length) {
        double fr = 1 - pr[i];
        double fi = -pi[i];
        double t = re * fr - im * fi;
        im = re * fi + im * fr;
        re = t;
      }
      if (i < zr.length) {
        double fr = 1 - zr[i];
        double fi = -zi[i];
        double d = fr * fr + fi * fi;
        double t = (re * fr + im * fi) / d;
        im = (im * fr - re * fi) / d;
        re = t;
      }
      double m = Math.abs(re) + Math.abs(im);
      if (m > 1e100 || (m < 1e-100 && m > 0)) {
        int e = Math.getExponent(m);
        re = Math.scalb(re, -e);
        im = Math.scalb(im, -e);
        log += e * Math.log(2);
      }
    }
    // the product of conjugate pairs and real factors is real
    log += Math.log(Math.abs(re)) + (pr.length - zr.length) * Math.log(sys.omega0);
    double k = sign * Math.signum(re) * Math.exp(log);
    if (!Double.isFinite(k) || k == 0) {
      throw new CircuitException(
          "the gain K of H(s) = K·Π(s − zᵢ)/Π(s − pᵢ) is outside double precision (|K| = e^"
              + Math.round(log)
              + "); outside the range zged can analyse");
    }
    return k;
  }

  private static double[] withOrigin(double[] roots, int extra) {
    double[] out = java.util.Arrays.copyOf(roots, roots.length + extra);
    return out;
  }

  private static double[][] copy(double[][] m) {
    double[][] out = new double[m.length][];
    for (int i = 0; i < m.length; i++) {
      out[i] = m[i].clone();
    }
    return out;
  }
}
