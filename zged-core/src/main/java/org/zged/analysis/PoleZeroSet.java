package org.zged.analysis;

import java.util.Arrays;
import java.util.List;
import org.hipparchus.complex.Complex;

/**
 * H(s) = gain·Π(s − zᵢ)/Π(s − pᵢ) as primitive arrays (rad/s): the form every fast path works on.
 * Conjugate pairs are exact and listed upper member first; {@code scale} is a typical frequency
 * (rad/s) used to keep intermediate values near 1.
 */
final class PoleZeroSet {
  /** A root within this relative distance of a root of the other polynomial is a common factor. */
  static final double CANCEL_TOLERANCE = 1e-9;

  /**
   * A root with |Re| below this share of |root| lies on the jω axis, in a circuit without resistors
   * (lossless: its poles are on the axis by structure, and round-off must not move them off).
   */
  static final double AXIS_TOLERANCE = 1e-11;

  /**
   * The same for a circuit with resistors: only a few ulps, as a nearly lossless resonance (Re =
   * 1e-12·|root|, a 370 kΩ across 5 µH) is not on the axis and its phase would be wrong by 1e-8.
   */
  static final double AXIS_TOLERANCE_LOSSY = 1e-14;

  final double[] zeroRe;
  final double[] zeroIm;
  final double[] poleRe;
  final double[] poleIm;
  final double gain;
  final double scale;

  /**
   * Magnitudes (rad/s) of the roots cancelled as common factors: the self-check looks there too,
   * since a pair wrongly taken for a common factor changes H only near it.
   */
  final double[] cancelled;

  PoleZeroSet(
      double[] zeroRe,
      double[] zeroIm,
      double[] poleRe,
      double[] poleIm,
      double gain,
      double scale) {
    this(zeroRe, zeroIm, poleRe, poleIm, gain, scale, new double[0]);
  }

  PoleZeroSet(
      double[] zeroRe,
      double[] zeroIm,
      double[] poleRe,
      double[] poleIm,
      double gain,
      double scale,
      double[] cancelled) {
    this.cancelled = cancelled;
    this.zeroRe = zeroRe;
    this.zeroIm = zeroIm;
    this.poleRe = poleRe;
    this.poleIm = poleIm;
    this.gain = gain;
    this.scale = scale;
  }

  /**
   * From numerator and denominator polynomials in s̃ = s/omega0: finds the roots, removes the roots
   * the two have in common, and maps everything back to rad/s.
   */
  static PoleZeroSet fromScaledPolynomials(double[] num, double[] den, double omega0) {
    return fromScaledPolynomials(num, den, omega0, AXIS_TOLERANCE);
  }

  static PoleZeroSet fromScaledPolynomials(
      double[] num, double[] den, double omega0, double axisTolerance) {
    return fromScaledPolynomials(num, den, omega0, axisTolerance, CANCEL_TOLERANCE);
  }

  /** As above, cancelling only roots that agree to {@code cancelTolerance} of their size. */
  static PoleZeroSet fromScaledPolynomials(
      double[] num, double[] den, double omega0, double axisTolerance, double cancelTolerance) {
    int v = Math.min(Polynomials.valuation(num), Polynomials.valuation(den));
    num = Arrays.copyOfRange(num, v, Polynomials.degree(num) + 1);
    den = Arrays.copyOfRange(den, v, Polynomials.degree(den) + 1);
    int dn = num.length - 1;
    int dd = den.length - 1;
    double gain = num[dn] / den[dd] * Math.pow(omega0, dd - dn);
    PolynomialRoots z = PolynomialRoots.of(num);
    PolynomialRoots p = PolynomialRoots.of(den);
    return fromRoots(z.re, z.im, p.re, p.im, gain, omega0, cancelTolerance, axisTolerance);
  }

  /**
   * From roots in units of omega0 (s̃ = s/omega0) and the gain in rad/s units: cancels the roots
   * numerator and denominator have in common, makes pairs exact and axis roots exact, and maps the
   * roots to rad/s.
   */
  static PoleZeroSet fromRoots(
      double[] zeroRe,
      double[] zeroIm,
      double[] poleRe,
      double[] poleIm,
      double gain,
      double omega0) {
    return fromRoots(
        zeroRe, zeroIm, poleRe, poleIm, gain, omega0, CANCEL_TOLERANCE, AXIS_TOLERANCE);
  }

  /** As above, cancelling only roots that agree to {@code cancelTolerance} of their size. */
  static PoleZeroSet fromRoots(
      double[] zeroRe,
      double[] zeroIm,
      double[] poleRe,
      double[] poleIm,
      double gain,
      double omega0,
      double cancelTolerance,
      double axisTolerance) {
    double[] zr = times(zeroRe, omega0);
    double[] zi = times(zeroIm, omega0);
    double[] pr = times(poleRe, omega0);
    double[] pi = times(poleIm, omega0);
    boolean[] zeroGone = new boolean[zr.length];
    boolean[] poleGone = new boolean[pr.length];
    cancelCommonRoots(zr, zi, pr, pi, zeroGone, poleGone, omega0, cancelTolerance);
    double[][] zeros = keep(zr, zi, zeroGone);
    double[][] poles = keep(pr, pi, poleGone);
    snapToAxis(zeros[0], zeros[1], axisTolerance);
    snapToAxis(poles[0], poles[1], axisTolerance);
    PolynomialRoots.sort(zeros[0], zeros[1]);
    PolynomialRoots.sort(poles[0], poles[1]);
    int gone = 0;
    for (boolean g : zeroGone) {
      gone += g ? 1 : 0;
    }
    double[] cancelled = new double[gone];
    for (int i = 0, o = 0; i < zr.length; i++) {
      if (zeroGone[i]) {
        cancelled[o++] = Polynomials.abs(zr[i], zi[i]);
      }
    }
    return new PoleZeroSet(zeros[0], zeros[1], poles[0], poles[1], gain, omega0, cancelled);
  }

  static PoleZeroSet of(TransferFunction tf) {
    double[] num = tf.numerator();
    double[] den = tf.denominator();
    if (Polynomials.degree(num) < 0) {
      throw new IllegalArgumentException("H(s) is identically 0");
    }
    PolynomialRoots p = PolynomialRoots.of(den);
    double scale = 0;
    int count = 0;
    for (int i = 0; i < p.count(); i++) {
      double m = Polynomials.abs(p.re[i], p.im[i]);
      if (m > 0) {
        scale += Math.log(m);
        count++;
      }
    }
    double omega = count > 0 ? Math.exp(scale / count) : 1;
    return fromScaledPolynomials(
        Polynomials.scaleVariable(num, omega), Polynomials.scaleVariable(den, omega), omega);
  }

  private static double[] times(double[] x, double f) {
    double[] out = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = x[i] * f;
    }
    return out;
  }

  /**
   * Greedy matching: each zero takes the nearest unmatched pole when they agree to {@link
   * #CANCEL_TOLERANCE} of their size (or of the frequency scale for roots near 0). Conjugate
   * partners match conjugate partners, so real coefficients survive.
   */
  private static void cancelCommonRoots(
      double[] zr,
      double[] zi,
      double[] pr,
      double[] pi,
      boolean[] zeroGone,
      boolean[] poleGone,
      double omega0,
      double tolerance) {
    for (int i = 0; i < zr.length; i++) {
      int best = -1;
      double bestDist = Double.POSITIVE_INFINITY;
      for (int j = 0; j < pr.length; j++) {
        if (!poleGone[j]) {
          double d = Polynomials.abs(zr[i] - pr[j], zi[i] - pi[j]);
          if (d < bestDist) {
            bestDist = d;
            best = j;
          }
        }
      }
      if (best >= 0) {
        double size = Math.max(Polynomials.abs(pr[best], pi[best]), 1e-12 * omega0);
        if (bestDist <= tolerance * size) {
          zeroGone[i] = true;
          poleGone[best] = true;
        }
      }
    }
  }

  private static double[][] keep(double[] re, double[] im, boolean[] gone) {
    int n = 0;
    for (boolean g : gone) {
      n += g ? 0 : 1;
    }
    double[] r = new double[n];
    double[] i2 = new double[n];
    for (int k = 0, o = 0; k < re.length; k++) {
      if (!gone[k]) {
        r[o] = re[k];
        i2[o++] = im[k];
      }
    }
    PolynomialRoots.makeConjugatesExact(r, i2);
    return new double[][] {r, i2};
  }

  /** Roots of a lossless network sit exactly on the jω axis; round-off must not move them off. */
  private static void snapToAxis(double[] re, double[] im, double tolerance) {
    for (int i = 0; i < re.length; i++) {
      if (im[i] != 0 && Math.abs(re[i]) <= tolerance * Math.abs(im[i])) {
        re[i] = 0;
      }
    }
  }

  int poleCount() {
    return poleRe.length;
  }

  int zeroCount() {
    return zeroRe.length;
  }

  boolean hasAxisPole() {
    for (int i = 0; i < poleRe.length; i++) {
      if (poleRe[i] == 0 && poleIm[i] != 0) {
        return true;
      }
    }
    return false;
  }

  TransferFunction toTransferFunction() {
    double[] num = Polynomials.fromRoots(zeroRe, zeroIm);
    for (int k = 0; k < num.length; k++) {
      num[k] *= gain;
    }
    return new TransferFunction(num, Polynomials.fromRoots(poleRe, poleIm));
  }

  List<Complex> poles() {
    return complexList(poleRe, poleIm);
  }

  List<Complex> zeros() {
    return complexList(zeroRe, zeroIm);
  }

  private static List<Complex> complexList(double[] re, double[] im) {
    Complex[] out = new Complex[re.length];
    for (int i = 0; i < re.length; i++) {
      out[i] = new Complex(re[i], im[i]);
    }
    return List.of(out);
  }
}
