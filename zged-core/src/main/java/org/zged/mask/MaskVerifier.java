package org.zged.mask;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.complex.Complex;
import org.zged.analysis.Analysis;
import org.zged.analysis.CircuitAnalyzer;
import org.zged.circuit.Circuit;
import org.zged.filter.RealPolynomial;
import org.zged.filter.Roots;

/**
 * Exact verification of a response against a mask. |H(jω)|² = N(x)/D(x) with x = ω² is a ratio of
 * real polynomials; its extrema are the band edges and the positive real roots of N'D − ND' = 0
 * (computed from the polynomial derivative, then polished on the factored log-derivative). The
 * worst attenuation of every band is the worst over those points — no frequency grid anywhere — and
 * every magnitude is evaluated from the poles and zeros, which stays accurate at any order.
 */
public final class MaskVerifier {
  /** Numerical slack: a band "meets" its limit when the margin is above −1e-6 dB. */
  public static final double SLACK_DB = 1e-6;

  private static final double DB = 20 / Math.log(10);

  private MaskVerifier() {}

  public static MaskMargins verify(Mask mask, Circuit circuit) {
    Analysis a = CircuitAnalyzer.analyze(circuit);
    return verify(mask, new Roots(a.gain(), a.zeros(), a.poles()));
  }

  /**
   * {@code h} in rad/s (as from the exact analysis or a {@link
   * org.zged.filter.FrequencyTransform}).
   */
  public static MaskMargins verify(Mask mask, Roots h) {
    double[] stationary = stationaryPoints(h, mask); // in Hz
    double peak = Double.NEGATIVE_INFINITY;
    double peakHz = Double.NaN;
    for (Band b : mask.passbands()) {
      for (double f : candidates(b, stationary)) {
        double v = logMag(h, f);
        if (v > peak) {
          peak = v;
          peakHz = f;
        }
      }
    }
    List<BandResult> results = new ArrayList<>();
    double passMargin = Double.POSITIVE_INFINITY;
    double stopMargin = Double.POSITIVE_INFINITY;
    for (Band b : mask.bands()) {
      double worst = b.pass() ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
      double at = Double.NaN;
      for (double f : candidates(b, stationary)) {
        double att = (peak - logMag(h, f)) * DB;
        if (b.pass() ? att > worst : att < worst) {
          worst = att;
          at = f;
        }
      }
      double margin = b.pass() ? b.limitDb() - worst : worst - b.limitDb();
      results.add(new BandResult(b, worst, at, margin));
      if (b.pass()) {
        passMargin = Math.min(passMargin, margin);
      } else {
        stopMargin = Math.min(stopMargin, margin);
      }
    }
    if (mask.stopbands().isEmpty()) {
      stopMargin = Double.NaN;
    }
    boolean meets =
        passMargin >= -SLACK_DB && (Double.isNaN(stopMargin) || stopMargin >= -SLACK_DB);
    return new MaskMargins(passMargin, stopMargin, results, meets, peakHz);
  }

  /** ln|H| at f Hz; f = ∞ is the exact limit. */
  public static double logMag(Roots h, double f) {
    if (Double.isInfinite(f)) {
      int excess = h.poles().size() - h.zeros().size();
      return excess > 0
          ? Double.NEGATIVE_INFINITY
          : excess < 0 ? Double.POSITIVE_INFINITY : Math.log(Math.abs(h.gain()));
    }
    return h.logMagnitude(2 * Math.PI * f);
  }

  private static List<Double> candidates(Band b, double[] stationary) {
    List<Double> out = new ArrayList<>();
    out.add(b.lowHz());
    out.add(b.highHz());
    for (double f : stationary) {
      if (b.contains(f)) {
        out.add(f);
      }
    }
    return out;
  }

  /**
   * The stationary points (Hz) of |H(jω)|² in every band: per band, N'D − ND' = 0 is solved in a
   * variable u fitted to that band (x = ω² = x₀ + w·u, the band at u ∈ [0, 1] or [−1, 1]), so that
   * the roots that matter are of order one and well separated even for a narrow band-pass; the
   * factors are multiplied out directly in u. Every root near the real band interval is polished on
   * the factored log-derivative in x. Extra candidates are harmless (each is just another point of
   * the band), so acceptance is generous.
   */
  static double[] stationaryPoints(Roots h, Mask mask) {
    List<Double> out = new ArrayList<>();
    for (Band b : mask.bands()) {
      double xl = sq(2 * Math.PI * b.lowHz());
      double xh = sq(2 * Math.PI * b.highHz());
      double x0;
      double w;
      if (Double.isInfinite(xh)) {
        x0 = 0;
        w = xl; // [xl, ∞) is u ≥ 1
      } else if (xl == 0) {
        x0 = 0;
        w = xh; // [0, xh] is u in [0, 1]
      } else {
        x0 = (xl + xh) / 2;
        w = (xh - xl) / 2;
      }
      out.addAll(stationaryIn(h, x0, w));
    }
    double[] r = new double[out.size()];
    for (int i = 0; i < r.length; i++) {
      r[i] = out.get(i);
    }
    return r;
  }

  private static double sq(double v) {
    return v * v;
  }

  private static List<Double> stationaryIn(Roots h, double x0, double w) {
    double[] num = squaredMagnitude(h.zeros(), x0, w);
    double[] den = squaredMagnitude(h.poles(), x0, w);
    double[] g = subtract(multiply(derivative(num), den), multiply(num, derivative(den)));
    List<Double> out = new ArrayList<>();
    if (RealPolynomial.degree(g) < 1) {
      return out;
    }
    for (Complex u : RealPolynomial.roots(trim(g))) {
      double re = u.getReal();
      if (Math.abs(u.getImaginary()) <= 0.1 * Math.max(1, Math.abs(re))) {
        double x = x0 + w * re;
        if (x > 0) {
          x = polish(h, x);
          if (x > 0 && Double.isFinite(x)) {
            out.add(Math.sqrt(x) / (2 * Math.PI));
          }
        }
      }
    }
    return out;
  }

  /**
   * Newton on the factored derivative of ln|H|² in x = ω²: Σ (ln qᵢ)' over the zero factors minus
   * the pole factors; a few steps from the polynomial root, kept only while they shrink.
   */
  private static double polish(Roots h, double x) {
    double last = Double.POSITIVE_INFINITY;
    for (int it = 0; it < 6; it++) {
      double[] fd = logDerivative(h, x);
      if (fd[1] == 0 || !Double.isFinite(fd[0] / fd[1])) {
        break;
      }
      double step = fd[0] / fd[1];
      if (!(Math.abs(step) < last) || Math.abs(step) > 0.5 * x) {
        break;
      }
      x -= step;
      last = Math.abs(step);
      if (last <= 1e-16 * x) {
        break;
      }
    }
    return x;
  }

  /** {d/dx ln|H|², d²/dx² ln|H|²} at x = ω². */
  private static double[] logDerivative(Roots h, double x) {
    double[] z = factorSums(h.zeros(), x);
    double[] p = factorSums(h.poles(), x);
    return new double[] {z[0] - p[0], z[1] - p[1]};
  }

  /** Σ q'/q and Σ (q''q − q'²)/q² over the x-factors of a root set. */
  private static double[] factorSums(List<Complex> roots, double x) {
    double d1 = 0;
    double d2 = 0;
    for (Complex r : roots) {
      double a = r.getReal();
      double b = r.getImaginary();
      if (b < 0) {
        continue; // its conjugate carries the pair
      }
      double q;
      double q1;
      double q2;
      if (b == 0) {
        q = x + a * a;
        q1 = 1;
        q2 = 0;
      } else {
        double c1 = 2 * (a * a - b * b);
        double m = a * a + b * b;
        q = x * x + c1 * x + m * m;
        q1 = 2 * x + c1;
        q2 = 2;
      }
      d1 += q1 / q;
      d2 += (q2 * q - q1 * q1) / (q * q);
    }
    return new double[] {d1, d2};
  }

  /** Π over the root set of |jω − r|² as a polynomial in u, ω² = x0 + w·u (scaled by 1/w). */
  private static double[] squaredMagnitude(List<Complex> roots, double x0, double w) {
    double[] p = {1};
    for (Complex r : roots) {
      double a = r.getReal();
      double b = r.getImaginary();
      if (b < 0) {
        continue; // its conjugate carries the pair
      }
      if (b == 0) {
        p = multiply(p, new double[] {(x0 + a * a) / w, 1});
      } else {
        double c1 = 2 * (a * a - b * b);
        double m = a * a + b * b;
        double c0 = x0 * x0 + c1 * x0 + m * m;
        p = multiply(p, new double[] {c0 / (w * w), (2 * x0 + c1) / w, 1});
      }
    }
    return p;
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

  static double[] subtract(double[] a, double[] b) {
    double[] out = new double[Math.max(a.length, b.length)];
    for (int i = 0; i < a.length; i++) {
      out[i] += a[i];
    }
    for (int i = 0; i < b.length; i++) {
      out[i] -= b[i];
    }
    return out;
  }

  static double[] derivative(double[] p) {
    if (p.length <= 1) {
      return new double[] {0};
    }
    double[] out = new double[p.length - 1];
    for (int k = 1; k < p.length; k++) {
      out[k - 1] = k * p[k];
    }
    return out;
  }

  /** Drops zero leading coefficients (both factors are monic, so the top terms cancel exactly). */
  private static double[] trim(double[] p) {
    int d = RealPolynomial.degree(p);
    double[] out = new double[d + 1];
    System.arraycopy(p, 0, out, 0, d + 1);
    return out;
  }
}
