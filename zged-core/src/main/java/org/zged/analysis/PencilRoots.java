package org.zged.analysis;

import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * The finite non-zero roots of det Q(s), Q(s) = Γ + s·G + s²·C a real n×n matrix of quadratics
 * (s̃-scaled nodal equations), without polynomial coefficients.
 *
 * <p>Estimates: Q linearises to the 2n×2n pencil s·[C 0; 0 I] − [−G −Γ; I 0] acting on [s·x; x]. C
 * is usually singular (nodes without capacitors), so the pencil is shifted and inverted at s = 1
 * (the circuit's own frequency scale, where Q(1) = Γ + G + C is a positive definite sum of
 * admittances for the denominator and non-singular for the numerator): K = (F − E)⁻¹E has
 * eigenvalues μ = 1/(s − 1), infinite roots going to μ = 0. K is balanced (Parlett–Reinsch) and its
 * eigenvalues taken by EJML. The structure ({@link StructuralDegrees}) says how many roots are at
 * 0, how many at infinity and how many in between, so the estimates are chosen by count, not by a
 * threshold.
 *
 * <p>Polish: the Aberth–Ehrlich iteration on p(s) = s^(−lo)·det Q(s), with the Newton correction
 * p/p' from one complex LU of Q(s) per root: p'/p = tr(Q⁻¹Q') − lo/s. p's values come from the
 * backward-stable LU of the nodal matrix, so the polished roots are as exact as the element values
 * make them — where roots of expanded coefficients lose every digit the coefficients' spread costs.
 */
final class PencilRoots {
  private static final int SWEEPS = 60;

  /** Sweeps without progress after which a root is left where it is (at the noise level). */
  private static final int STALE_SWEEPS = 8;

  private PencilRoots() {}

  /** Roots as {re[], im[]} in scaled units; count = hi − lo. */
  static double[][] of(
      double[][] c, double[][] g, double[][] gamma, int lo, int hi, NewtonStep newton) {
    int count = hi - lo;
    if (count == 0) {
      return new double[][] {new double[0], new double[0]};
    }
    double[][] est = estimates(c, g, gamma, lo, hi);
    double[] zr = est[0];
    double[] zi = est[1];
    polish(newton, zr, zi);
    PolynomialRoots.makeConjugatesExact(zr, zi);
    return new double[][] {zr, zi};
  }

  static double[][] estimates(double[][] c, double[][] g, double[][] gamma, int lo, int hi) {
    int n = c.length;
    int m = 2 * n;
    // K = [[−W1, I − W2], [−W1, −W2]] with W1 = Q1⁻¹C, W2 = Q1⁻¹(G + C), Q1 = Γ + G + C
    DMatrixRMaj q1 = new DMatrixRMaj(n, n);
    DMatrixRMaj rhs = new DMatrixRMaj(n, 2 * n);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        q1.set(i, j, gamma[i][j] + g[i][j] + c[i][j]);
        rhs.set(i, j, c[i][j]);
        rhs.set(i, n + j, g[i][j] + c[i][j]);
      }
    }
    LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.lu(n);
    if (!solver.setA(q1)) {
      throw new ArithmeticException("the nodal matrix is singular at the frequency scale");
    }
    DMatrixRMaj w = new DMatrixRMaj(n, 2 * n);
    solver.solve(rhs, w);
    DMatrixRMaj k = new DMatrixRMaj(m, m);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double w1 = w.get(i, j);
        double w2 = w.get(i, n + j);
        k.set(i, j, -w1);
        k.set(i, n + j, (i == j ? 1 : 0) - w2);
        k.set(n + i, j, -w1);
        k.set(n + i, n + j, -w2);
      }
    }
    balance(k);
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(m, false);
    if (!eig.decompose(k)) {
      throw new ArithmeticException("eigenvalues did not converge");
    }
    double[] sr = new double[m];
    double[] si = new double[m];
    double[] mag = new double[m];
    for (int i = 0; i < m; i++) {
      Complex_F64 mu = eig.getEigenvalue(i);
      double d = mu.real * mu.real + mu.imaginary * mu.imaginary;
      if (d == 0) {
        sr[i] = Double.POSITIVE_INFINITY;
        si[i] = 0;
        mag[i] = Double.POSITIVE_INFINITY;
      } else {
        sr[i] = 1 + mu.real / d;
        si[i] = -mu.imaginary / d;
        mag[i] = Polynomials.abs(sr[i], si[i]);
        if (!Double.isFinite(mag[i])) {
          mag[i] = Double.POSITIVE_INFINITY;
        }
      }
    }
    // by magnitude: the lo smallest are the roots at 0, the 2n − hi largest those at infinity
    Integer[] order = new Integer[m];
    for (int i = 0; i < m; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (x, y) -> Double.compare(mag[x], mag[y]));
    int count = hi - lo;
    double[] zr = new double[count];
    double[] zi = new double[count];
    for (int k2 = 0; k2 < count; k2++) {
      int i = order[lo + k2];
      if (Double.isInfinite(mag[i])) {
        // an estimate lost to infinity: start it far out on the negative axis, Aberth moves it
        zr[k2] = -1e8 * (k2 + 1);
        zi[k2] = 0;
      } else {
        zr[k2] = sr[i];
        zi[k2] = si[i];
      }
    }
    // exact conjugate pairs, so that the polish keeps them paired
    PolynomialRoots.makeConjugatesExact(zr, zi);
    return new double[][] {zr, zi};
  }

  /**
   * Parlett–Reinsch balancing by powers of two (exact): a diagonal similarity that brings row and
   * column norms together, so that the eigenvalues of a graded matrix (values over many decades)
   * keep their relative accuracy.
   */
  static void balance(DMatrixRMaj a) {
    int n = a.numRows;
    boolean converged = false;
    for (int sweep = 0; sweep < 100 && !converged; sweep++) {
      converged = true;
      for (int i = 0; i < n; i++) {
        double c = 0;
        double r = 0;
        for (int j = 0; j < n; j++) {
          if (j != i) {
            c += Math.abs(a.get(j, i));
            r += Math.abs(a.get(i, j));
          }
        }
        if (c == 0 || r == 0) {
          continue;
        }
        double f = 1;
        double s = c + r;
        double g = r / 2;
        while (c < g) {
          f *= 2;
          c *= 4;
        }
        g = r * 2;
        while (c > g) {
          f /= 2;
          c /= 4;
        }
        if ((c + r) / f < 0.95 * s) {
          converged = false;
          for (int j = 0; j < n; j++) {
            a.set(i, j, a.get(i, j) / f);
            a.set(j, i, a.get(j, i) * f);
          }
        }
      }
    }
    CommonOps_DDRM.scale(1, a);
  }

  /**
   * Aberth–Ehrlich sweeps until every correction is below 1e-15 of its root (or the sweeps run out;
   * the self-check judges the result either way). Every root moves freely in the complex plane: two
   * real estimates may have to become a conjugate pair and vice versa, so real estimates start a
   * hair (1e-7 of their size) off the axis, and pairs are made exact afterwards ({@link
   * PolynomialRoots#makeConjugatesExact}, which puts roots within 1e-9 of the axis on it).
   */
  static void polish(NewtonStep ev, double[] zr, double[] zi) {
    int count = zr.length;
    double[] nwt = new double[2];
    boolean[] done = new boolean[count];
    // a root whose correction stopped shrinking sits at the noise level of p (a multiple root):
    // STALE_SWEEPS sweeps without a halving of the step end its polish
    double[] bestStep = new double[count];
    int[] stale = new int[count];
    java.util.Arrays.fill(bestStep, Double.POSITIVE_INFINITY);
    for (int k = 0; k < count; k++) {
      if (zi[k] == 0) {
        zi[k] = 1e-7 * Math.abs(zr[k]) * ((k & 1) == 0 ? 1 : -1);
      }
    }
    for (int sweep = 0; sweep < SWEEPS; sweep++) {
      boolean moved = false;
      for (int k = 0; k < count; k++) {
        if (done[k]) {
          continue;
        }
        ev.step(zr[k], zi[k], nwt);
        if (!Double.isFinite(nwt[0]) || !Double.isFinite(nwt[1])) {
          done[k] = true;
          continue;
        }
        // Aberth: w = N / (1 − N·Σ_{j≠k} 1/(z_k − z_j))
        double sr = 0;
        double si = 0;
        for (int j = 0; j < count; j++) {
          if (j != k) {
            double dr = zr[k] - zr[j];
            double di = zi[k] - zi[j];
            double d = dr * dr + di * di;
            if (d > 0) {
              sr += dr / d;
              si -= di / d;
            }
          }
        }
        double pr = nwt[0] * sr - nwt[1] * si;
        double pi = nwt[0] * si + nwt[1] * sr;
        double dr = 1 - pr;
        double di = -pi;
        double d = dr * dr + di * di;
        double wr = (nwt[0] * dr + nwt[1] * di) / d;
        double wi = (nwt[1] * dr - nwt[0] * di) / d;
        if (!Double.isFinite(wr) || !Double.isFinite(wi)) {
          done[k] = true;
          continue;
        }
        zr[k] -= wr;
        zi[k] -= wi;
        double step = Polynomials.abs(wr, wi);
        if (step < 0.5 * bestStep[k]) {
          bestStep[k] = step;
          stale[k] = 0;
        } else {
          stale[k]++;
        }
        if (step <= 1e-15 * Polynomials.abs(zr[k], zi[k]) || stale[k] >= STALE_SWEEPS) {
          done[k] = true;
        } else {
          moved = true;
        }
      }
      if (!moved) {
        break;
      }
    }
  }

  /** The Newton correction p/p' at s (into out) and log|p(s)|. */
  interface NewtonStep {
    double step(double sr, double si, double[] out);
  }

  /**
   * Newton steps on the structural polynomial s^(n − lo)·det Y(s) (denominator) or the same for
   * Cramer's numerator, both from one {@link KronElimination} per point.
   */
  static NewtonStep kron(NodalSystem sys, boolean numerator, int lo) {
    KronElimination k = new KronElimination(sys);
    int shift = sys.size() - lo;
    return (sr, si, out) -> {
      if (!k.evaluate(sr, si)) {
        out[0] = 0;
        out[1] = 0;
        return Double.NEGATIVE_INFINITY;
      }
      double fr = numerator ? k.aRe : k.aRe + k.bRe;
      double fi = numerator ? k.aIm : k.aIm + k.bIm;
      double gr = numerator ? k.aDerRe : k.aDerRe + k.bDerRe;
      double gi = numerator ? k.aDerIm : k.aDerIm + k.bDerIm;
      double fm = fr * fr + fi * fi;
      if (!(fm > 0)) {
        out[0] = 0;
        out[1] = 0;
        return Double.NEGATIVE_INFINITY;
      }
      double sd = sr * sr + si * si;
      // p'/p = shift/s + Σ d'/d + f'/f
      double lr = shift * sr / sd + k.sumLogDerRe + (gr * fr + gi * fi) / fm;
      double li = -shift * si / sd + k.sumLogDerIm + (gi * fr - gr * fi) / fm;
      double lm = lr * lr + li * li;
      out[0] = lr / lm;
      out[1] = -li / lm;
      return k.logAbsDet + 0.5 * Math.log(fm) + 0.5 * shift * Math.log(sd);
    };
  }
}
