package org.zged.fit;

import java.util.List;
import org.hipparchus.complex.Complex;
import org.zged.analysis.TransferFunction;
import org.zged.math.Chamfer;

/**
 * Matches a circuit's poles and zeros to a target set through the coefficients of the monic
 * denominator and numerator, in the scaled variable x = s/ω_ref (ω_ref = geometric mean of the
 * target pole magnitudes) so every coefficient is of order one. Comparing coefficients instead of
 * roots needs no pairing of roots and stays smooth where a complex pair splits into two real poles.
 * Positive coefficients are compared as log ratios, vanishing ones (zeros at the origin or on the
 * jω axis) by difference.
 */
final class PoleZeroObjective implements Objective {
  private final double omegaRef;
  private final double[] den;
  private final double[] num;

  PoleZeroObjective(SpecTarget target) {
    this.omegaRef = geometricMeanMagnitude(target.poles());
    this.den = monicFromRoots(target.poles(), omegaRef);
    this.num = monicFromRoots(target.zeros(), omegaRef);
  }

  double omegaRef() {
    return omegaRef;
  }

  @Override
  public int size() {
    return den.length - 1 + num.length - 1 + 1;
  }

  @Override
  public double[] residuals(SpecEvaluator ev) {
    double[] r = new double[size()];
    java.util.Arrays.fill(r, PENALTY);
    if (!ev.ok()) {
      return r;
    }
    TransferFunction tf = ev.transferFunction();
    double[] cd = monicScaled(tf.denominator(), omegaRef);
    double[] cn = monicScaled(tf.numerator(), omegaRef);
    // The last residual flags a wrong order; it is zero when both degrees match.
    boolean sameOrder =
        cd != null && cn != null && cd.length == den.length && cn.length == num.length;
    if (!sameOrder) {
      return r;
    }
    int i = 0;
    for (int k = 0; k < den.length - 1; k++) {
      r[i++] = compare(cd[k], den[k]);
    }
    for (int k = 0; k < num.length - 1; k++) {
      r[i++] = compare(cn[k], num[k]);
    }
    r[i] = 0;
    return r;
  }

  @Override
  public double frequencyCorrection(SpecEvaluator ev) {
    if (!ev.ok() || ev.transferFunction().poles().isEmpty()) {
      return 1;
    }
    double g = geometricMeanMagnitude(ev.transferFunction().poles());
    return g > 0 && Double.isFinite(g) ? omegaRef / g : 1;
  }

  private static double compare(double c, double t) {
    if (Math.abs(t) > 1e-9 && c / t > 0) {
      return Math.log(c / t);
    }
    return c - t;
  }

  static double geometricMeanMagnitude(List<Complex> roots) {
    double s = 0;
    int n = 0;
    for (Complex r : roots) {
      if (r.norm() > 0) {
        s += Math.log(r.norm());
        n++;
      }
    }
    return n == 0 ? 1 : Math.exp(s / n);
  }

  /** Ascending coefficients of Π(x − r/ω), real parts (the roots come in conjugate pairs). */
  static double[] monicFromRoots(List<Complex> roots, double omega) {
    Complex[] p = {Complex.ONE};
    for (Complex r : roots) {
      Complex root = r.divide(omega);
      Complex[] next = new Complex[p.length + 1];
      java.util.Arrays.fill(next, Complex.ZERO);
      for (int k = 0; k < p.length; k++) {
        next[k + 1] = next[k + 1].add(p[k]);
        next[k] = next[k].subtract(p[k].multiply(root));
      }
      p = next;
    }
    double[] out = new double[p.length];
    for (int k = 0; k < p.length; k++) {
      out[k] = p[k].getReal();
    }
    return out;
  }

  /** Ascending coefficients in x = s/ω divided by the leading one; null for a zero polynomial. */
  static double[] monicScaled(double[] ascending, double omega) {
    int n = ascending.length - 1;
    while (n >= 0 && ascending[n] == 0) {
      n--;
    }
    if (n < 0) {
      return null;
    }
    double[] out = new double[n + 1];
    // a_k ω^k / (a_n ω^n) = (a_k / a_n) ω^(k−n), computed in logs to avoid overflow.
    for (int k = 0; k <= n; k++) {
      double ratio = ascending[k] / ascending[n];
      out[k] =
          ratio == 0
              ? 0
              : Math.signum(ratio)
                  * Math.exp(Math.log(Math.abs(ratio)) + (k - n) * Math.log(omega));
    }
    return out;
  }

  /**
   * Symmetric Chamfer distance between two root sets, in units of ω_ref: the mean distance from
   * each root to the nearest root of the other set, averaged over both directions. Zero for
   * identical sets; 0 when both are empty, and 1 per missing side when only one is.
   */
  static double chamfer(List<Complex> a, List<Complex> b, double omegaRef) {
    if (a.isEmpty() && b.isEmpty()) {
      return 0;
    }
    if (a.isEmpty() || b.isEmpty()) {
      return 1;
    }
    return (Chamfer.meanNearest(a, b, PoleZeroObjective::distance)
            + Chamfer.meanNearest(b, a, PoleZeroObjective::distance))
        / (2 * omegaRef);
  }

  /** Plain distance in rad/s: divided by ω_ref, the Chamfer is a relative error of the roots. */
  private static double distance(Complex x, Complex y) {
    return x.subtract(y).norm();
  }
}
