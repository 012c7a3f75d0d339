package org.zged.analysis;

import java.util.Arrays;

/**
 * The check inside every circuit analysis: the factored H(s) = K·Π(s − zᵢ)/Π(s − pᵢ) against a
 * direct solve of the nodal equations ({@link NodalSolve}) at a handful of points spread over the
 * response.
 *
 * <p>Points: the magnitudes of the poles and zeros (where each factor matters most), of the roots
 * cancelled as common factors, and the circuit's frequency scale, at most {@link #RADII} of them
 * spread evenly in order of magnitude; at each radius r one point on the jω axis (s = jr: the
 * response itself, the peak of a resonance) and one in the right half-plane (s = r·e^{jπ/4}: no
 * pole or zero is near, so the direct solve is well conditioned there and any wrong root, gain or
 * missing factor shows). An axis point that falls on a jω-axis pole or zero moves 0.1 % up in
 * frequency.
 *
 * <p>A relative disagreement above {@link #TOLERANCE} is looked at again with the double-double
 * solve ({@link NodalSolveDoubleDouble}), because the double solve can itself lose digits (deep in
 * a stopband, or in a badly conditioned matrix); only if H still disagrees with that does the check
 * fail.
 */
final class SelfCheck {
  static final double TOLERANCE = 1e-9;

  /** Distinct radii visited at most for a small circuit; bigger ones get one per 3 roots. */
  static final int RADII = 5;

  private static final int MAX_RADII = 12;

  private static final double COS45 = Math.sqrt(0.5);

  private SelfCheck() {}

  /** The outcome: {@code null} when H agrees everywhere, else where and by how much it did not. */
  record Failure(double sReal, double sImag, double relativeError) {
    String describe() {
      return String.format(
          java.util.Locale.ROOT,
          "the factored H(s) differs from a direct nodal solve by %.2g relative at s = %.6g%+.6gj"
              + " rad/s",
          relativeError,
          sReal,
          sImag);
    }
  }

  static Failure verify(NodalSystem sys, PoleZeroSet pz) {
    double w0 = sys.omega0;
    double[] radii = radii(pz, w0);
    double[] ref = new double[2];
    double[] fac = new double[3];
    Failure worst = null;
    int own = radii.length;
    for (double m : pz.cancelled) {
      own -= m > 0 ? 1 : 0;
    }
    double max = 0;
    for (int i = 0; i < own; i++) {
      max = Math.max(max, radii[i]);
    }
    for (int i = 0; i < radii.length; i++) {
      double r = radii[i];
      // the right half-plane point at the ends of the range and at the frequency scale only: in
      // between, the axis points already see every factor at its full relative size
      boolean rhp = i == 0 || r == max || r == w0;
      // next to a jω-axis pole or zero (or a cancelled pair, which may be one) H is 0 or ∞ or
      // the nodal matrix singular: step aside by 0.1 % of the frequency
      boolean aside = i >= own || onAxisRoot(pz, r);
      for (int kind = 0; kind < (rhp ? 2 : 1); kind++) {
        double sr = kind == 0 ? 0 : r * COS45;
        double si = kind == 0 ? (aside ? r * 1.001 : r) : r * COS45;
        Failure f = checkPoint(sys, pz, sr / w0, si / w0, ref, fac);
        if (f != null && (worst == null || f.relativeError > worst.relativeError)) {
          worst = new Failure(sr, si, f.relativeError);
        }
      }
    }
    return worst;
  }

  /** null when H agrees at s̃ = (sr, si) (scaled units), else the failure (s in scaled units). */
  private static Failure checkPoint(
      NodalSystem sys, PoleZeroSet pz, double sr, double si, double[] ref, double[] fac) {
    Failure f = checkExactly(sys, pz, sr, si, ref, fac);
    if (f != null && sr == 0 && !(Polynomials.abs(ref[0], ref[1]) > 0 && Double.isFinite(ref[0]))) {
      // the nodal matrix is singular on the axis while H need not be: the resonance of a loop the
      // source does not drive (a tank hanging from one node, a mode cancelled from H) can fall on
      // a radius, even on the frequency scale itself; step aside like next to an axis root
      f = checkExactly(sys, pz, sr, si * 1.001, ref, fac);
    }
    return f;
  }

  private static Failure checkExactly(
      NodalSystem sys, PoleZeroSet pz, double sr, double si, double[] ref, double[] fac) {
    factored(pz, sys.omega0, sr, si, fac);
    NodalSolve.solve(sys, sr, si, ref);
    double err = relativeError(fac, ref);
    if (err <= TOLERANCE) {
      return null;
    }
    NodalSolveDoubleDouble.solve(sys, sr, si, ref);
    err = relativeError(fac, ref);
    return err <= TOLERANCE ? null : new Failure(sr, si, Double.isNaN(err) ? Double.NaN : err);
  }

  /**
   * |F − R|/|R| with F = fac[0..1]·e^{fac[2]} (kept apart so that neither overflows); NaN or
   * infinite values count as a disagreement.
   */
  private static double relativeError(double[] fac, double[] ref) {
    double rr = ref[0];
    double ri = ref[1];
    double rm = Polynomials.abs(rr, ri);
    if (!(rm > 0) || !Double.isFinite(rm) || !Double.isFinite(fac[2])) {
      return Double.POSITIVE_INFINITY;
    }
    // F/R − 1 = (f·e^{L})/R − 1, with f/R formed first (both of moderate size relative to e^{L})
    double qr = (fac[0] * rr + fac[1] * ri) / rm / rm;
    double qi = (fac[1] * rr - fac[0] * ri) / rm / rm;
    double e = Math.exp(fac[2]);
    qr *= e;
    qi *= e;
    double err = Polynomials.abs(qr - 1, qi);
    return Double.isFinite(err) ? err : Double.POSITIVE_INFINITY;
  }

  /**
   * K·Π(s − zᵢ)/Π(s − pᵢ) at s = w0·s̃, as (re, im)·e^{log}: the roots in units of w0 keep every
   * factor moderate, and |K|·w0^(nz − np) goes into the logarithm.
   */
  static void factored(PoleZeroSet pz, double w0, double sr, double si, double[] out) {
    double re = Math.signum(pz.gain);
    double im = 0;
    double log = Math.log(Math.abs(pz.gain)) + (pz.zeroCount() - pz.poleCount()) * Math.log(w0);
    int k = Math.max(pz.zeroCount(), pz.poleCount());
    for (int i = 0; i < k; i++) {
      if (i < pz.zeroCount()) {
        double fr = sr - pz.zeroRe[i] / w0;
        double fi = si - pz.zeroIm[i] / w0;
        double t = re * fr - im * fi;
        im = re * fi + im * fr;
        re = t;
      }
      if (i < pz.poleCount()) {
        double fr = sr - pz.poleRe[i] / w0;
        double fi = si - pz.poleIm[i] / w0;
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
    out[0] = re;
    out[1] = im;
    out[2] = log;
  }

  private static boolean onAxisRoot(PoleZeroSet pz, double r) {
    for (int i = 0; i < pz.poleCount(); i++) {
      if (Math.abs(pz.poleRe[i]) <= 1e-6 * r && Math.abs(Math.abs(pz.poleIm[i]) - r) <= 1e-6 * r) {
        return true;
      }
    }
    for (int i = 0; i < pz.zeroCount(); i++) {
      if (Math.abs(pz.zeroRe[i]) <= 1e-6 * r && Math.abs(Math.abs(pz.zeroIm[i]) - r) <= 1e-6 * r) {
        return true;
      }
    }
    return false;
  }

  /** The frequency scale and the root magnitudes, sorted, at most {@link #RADII} spread evenly. */
  static double[] radii(PoleZeroSet pz, double w0) {
    double[] all = new double[pz.poleCount() + pz.zeroCount() + 1];
    int n = 0;
    all[n++] = w0;
    for (int i = 0; i < pz.poleCount(); i++) {
      double m = Polynomials.abs(pz.poleRe[i], pz.poleIm[i]);
      if (m > 0 && pz.poleIm[i] >= 0) {
        all[n++] = m;
      }
    }
    for (int i = 0; i < pz.zeroCount(); i++) {
      double m = Polynomials.abs(pz.zeroRe[i], pz.zeroIm[i]);
      if (m > 0 && pz.zeroIm[i] >= 0) {
        all[n++] = m;
      }
    }
    Arrays.sort(all, 0, n);
    int distinct = 0;
    for (int i = 0; i < n; i++) {
      if (distinct == 0 || all[i] > all[distinct - 1] * 1.01) {
        all[distinct++] = all[i];
      }
    }
    int want = Math.min(MAX_RADII, Math.max(RADII, (pz.poleCount() + pz.zeroCount()) / 3));
    double[] out;
    if (distinct <= want) {
      out = Arrays.copyOf(all, distinct);
    } else {
      out = new double[want];
      for (int k = 0; k < want; k++) {
        out[k] = all[(int) Math.round((double) k * (distinct - 1) / (want - 1))];
      }
    }
    // every cancelled root's radius too, appended: a wrong cancellation shows only near it
    int extra = 0;
    for (double m : pz.cancelled) {
      extra += m > 0 ? 1 : 0;
    }
    if (extra > 0) {
      int k = out.length;
      out = Arrays.copyOf(out, k + extra);
      for (double m : pz.cancelled) {
        if (m > 0) {
          out[k++] = m;
        }
      }
    }
    return out;
  }
}
