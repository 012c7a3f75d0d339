package org.zged.analysis;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.univariate.BrentOptimizer;
import org.hipparchus.optim.univariate.SearchInterval;
import org.hipparchus.optim.univariate.UnivariateObjectiveFunction;
import org.hipparchus.optim.univariate.UnivariatePointValuePair;

/**
 * Computes {@link FilterSpecs} exactly from poles, zeros and gain. See docs/specs.md for the
 * definitions.
 *
 * <p>Everything works on the squared magnitude as a rational function of x = ω²: |H(jω)|² =
 * c·N(x)/D(x), where every real root r contributes the factor (x + r²) and every conjugate pair
 * a+jb the factor x² + 2(a² − b²)x + (a² + b²)², both built from the roots so no digits are lost.
 * In x, limits are values at 0 and ∞, extremes are the positive roots of N'D − ND', and the
 * frequency where |H|² equals a level L is a positive root of N − (L/c)·D: polynomial roots, never
 * a grid. x is scaled by the squared frequency scale so that the polynomials have roots near 1.
 */
final class SpecCalculator {
  private static final double HALF_POWER = 0.5;
  private static final double SQRT2 = Math.sqrt(2);

  private final PoleZeroSet pz;
  private final double xScale;
  private final double[] n;
  private final double[] d;
  private final double c;
  private List<Double> stationary;

  private SpecCalculator(PoleZeroSet pz) {
    this.pz = pz;
    this.xScale = pz.scale * pz.scale;
    this.n = squaredMagnitudePolynomial(pz.zeroRe, pz.zeroIm, pz.scale);
    this.d = squaredMagnitudePolynomial(pz.poleRe, pz.poleIm, pz.scale);
    // |H|² = gain²·scale^(2(nz−np))·N(x̃)/D(x̃), formed in logs to avoid overflow
    this.c =
        Math.exp(
            2 * Math.log(Math.abs(pz.gain))
                + 2.0 * (pz.zeroCount() - pz.poleCount()) * Math.log(pz.scale));
  }

  static FilterSpecs of(PoleZeroSet pz) {
    return new SpecCalculator(pz).compute();
  }

  /** Monic polynomial in x̃ = ω²/scale² whose value is Π|jω − root|²/scale^(2·count). */
  private static double[] squaredMagnitudePolynomial(double[] re, double[] im, double scale) {
    double[] p = {1};
    for (int i = 0; i < re.length; i++) {
      double a = re[i] / scale;
      double b = im[i] / scale;
      if (b == 0) {
        p = Polynomials.multiply(p, new double[] {a * a, 1});
      } else if (b > 0) {
        double r2 = a * a + b * b;
        p = Polynomials.multiply(p, new double[] {r2 * r2, 2 * (a * a - b * b), 1});
      }
    }
    return p;
  }

  /**
   * |H(0)| = |K|·Π|zᵢ|/Π|pᵢ| straight from the roots (a few ulps closer than through the squared
   * polynomials), multiplying and dividing alternately so that no partial product overflows.
   */
  private double dcGain() {
    return magnitudeAt(0);
  }

  /** |H(jω)| = |K|·Π|jω − zᵢ|/Π|jω − pᵢ|, ω in rad/s, from the roots. */
  private double magnitudeAt(double omega) {
    double g = Math.abs(pz.gain);
    int k = Math.max(pz.zeroCount(), pz.poleCount());
    for (int i = 0; i < k; i++) {
      if (i < pz.zeroCount()) {
        g *= Polynomials.abs(pz.zeroRe[i], omega - pz.zeroIm[i]);
      }
      if (i < pz.poleCount()) {
        g /= Polynomials.abs(pz.poleRe[i], omega - pz.poleIm[i]);
      }
    }
    return g;
  }

  private double hz(double x) {
    return Math.sqrt(x * xScale) / (2 * Math.PI);
  }

  private FilterSpecs compute() {
    int nz = pz.zeroCount();
    int np = pz.poleCount();
    Double[] poleBased = dominantPolePair();
    boolean lossless = pz.hasAxisPole();
    if (nz > np || Polynomials.evaluate(d, 0) == 0) {
      // not a proper passive response: unbounded at DC or at infinity
      return withoutFrequencies(ResponseClass.OTHER, null, poleBased, lossless);
    }
    double h0 = dcGain();
    double hInf = nz < np ? 0 : Math.abs(pz.gain);
    if (h0 > 0 && hInf < h0 / SQRT2) {
      double fc = crossing(h0 * h0 * HALF_POWER, 0, Double.POSITIVE_INFINITY, true);
      return cutoff(ResponseClass.LOWPASS, fc, h0, poleBased, lossless);
    }
    if (hInf > 0 && h0 < hInf / SQRT2) {
      double fc = crossing(hInf * hInf * HALF_POWER, 0, Double.POSITIVE_INFINITY, false);
      return cutoff(ResponseClass.HIGHPASS, fc, hInf, poleBased, lossless);
    }
    // only band responses need the interior extremes (the costliest root finding)
    Extremes ext = extremes();
    if (h0 == 0 && hInf == 0) {
      return band(ResponseClass.BANDPASS, ext.maxX, ext.maxValue, poleBased, lossless);
    }
    double g = Math.max(h0, hInf);
    boolean dip = ext.minValue < g / SQRT2;
    boolean peak = ext.maxValue > g * SQRT2;
    if (dip && !peak) {
      return band(ResponseClass.BANDSTOP, ext.minX, g, poleBased, lossless);
    }
    if (peak && !dip) {
      return band(ResponseClass.BANDPASS, ext.maxX, ext.maxValue, poleBased, lossless);
    }
    ResponseClass rc = dip ? ResponseClass.OTHER : ResponseClass.ALLPASS;
    return withoutFrequencies(rc, dip ? null : g, poleBased, lossless);
  }

  /** A response with no cutoff, centre or band: only its passband gain and dominant pole pair. */
  private static FilterSpecs withoutFrequencies(
      ResponseClass rc, Double passbandGain, Double[] poleBased, boolean lossless) {
    return new FilterSpecs(
        rc, null, null, null, null, null, null, passbandGain, poleBased[0], poleBased[1], lossless);
  }

  private static FilterSpecs cutoff(
      ResponseClass rc, double fcHz, double passband, Double[] poleBased, boolean lossless) {
    return new FilterSpecs(
        rc,
        Double.isNaN(fcHz) ? null : fcHz,
        null,
        null,
        null,
        null,
        null,
        passband,
        poleBased[0],
        poleBased[1],
        lossless);
  }

  /**
   * A bandpass (centre = peak) or bandstop (centre = notch) with edges where |H|² is half of
   * reference². An infinite peak (lossless) has a centre but no edges, bandwidth or Q.
   */
  private FilterSpecs band(
      ResponseClass rc, double centreX, double reference, Double[] poleBased, boolean lossless) {
    if (Double.isNaN(centreX)) {
      return withoutFrequencies(ResponseClass.OTHER, null, poleBased, lossless);
    }
    double f0 = hz(centreX);
    if (Double.isInfinite(reference)) {
      return new FilterSpecs(
          rc, null, f0, null, null, null, null, null, poleBased[0], poleBased[1], lossless);
    }
    double level = reference * reference * HALF_POWER;
    List<Double> roots = crossings(level);
    double fLow = pick(roots, 0, centreX, false);
    double fHigh = pick(roots, centreX, Double.POSITIVE_INFINITY, true);
    Double lo = Double.isNaN(fLow) ? null : fLow;
    Double hi = Double.isNaN(fHigh) ? null : fHigh;
    Double bw = lo != null && hi != null ? hi - lo : null;
    Double q = bw != null && bw > 0 ? f0 / bw : null;
    return new FilterSpecs(
        rc, null, f0, q, bw, lo, hi, reference, poleBased[0], poleBased[1], lossless);
  }

  /**
   * Every positive x̃ where |H|² = level, exact. The positive real roots of N − (level/c)·D are
   * only estimates (two crossings of a very sharp response form a near-double root known to about
   * 1e-8, or even a complex pair), so they serve as breakpoints together with the stationary points
   * (|H| is monotone between consecutive ones) and the frequencies of all poles and zeros; |H| −
   * level is evaluated from the roots (accurate at every frequency) at each breakpoint, and every
   * sign change between neighbours is bisected to full precision.
   */
  private List<Double> crossings(double level) {
    double target = Math.sqrt(level);
    List<Double> points =
        new ArrayList<>(positiveRealRoots(Polynomials.subtractScaled(n, level / c, d)));
    points.addAll(stationaryPoints());
    addRootFrequencies(points, pz.poleRe, pz.poleIm);
    addRootFrequencies(points, pz.zeroRe, pz.zeroIm);
    addResonanceFlanks(points, pz.poleRe, pz.poleIm);
    addResonanceFlanks(points, pz.zeroRe, pz.zeroIm);
    double lo = Double.POSITIVE_INFINITY;
    double hi = 0;
    for (double x : points) {
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
    }
    if (points.isEmpty()) {
      lo = 1;
      hi = 1;
    }
    points.add(lo * 1e-12);
    points.add(hi * 1e12);
    points.sort(null);
    List<Double> out = new ArrayList<>();
    double prevW = Double.NaN;
    boolean prevAbove = false;
    for (double x : points) {
      double w = Math.sqrt(x) * pz.scale;
      if (!(w > 0) || w == prevW) {
        continue;
      }
      boolean above = magnitudeAt(w) > target;
      if (!Double.isNaN(prevW) && above != prevAbove) {
        double wc = bisect(prevW, w, target);
        out.add((wc / pz.scale) * (wc / pz.scale));
      }
      prevW = w;
      prevAbove = above;
    }
    return out;
  }

  /**
   * Adds (Im ± k·|Re|)² for k = 2, 16, 128, 1024 of every lightly damped complex root, in x̃ units:
   * the flanks of a resonance, out to where its own factor has faded. A spike of Q 1e10 (a
   * pole–zero doublet) on the flank of a broad band crosses the half-power level twice within 1e-10
   * of its frequency; with only the root frequency as a breakpoint there, the next breakpoint was
   * up in the band on the same side of the level, and the crossing after the spike went unseen
   * (f_high was put at the far end of the broad band).
   */
  private void addResonanceFlanks(List<Double> points, double[] re, double[] im) {
    for (int i = 0; i < re.length; i++) {
      double b = im[i] / pz.scale;
      double a = Math.abs(re[i]) / pz.scale;
      for (double k = 2; b > 0 && a > 0 && k * a < b / 4 && k <= 1024; k *= 8) {
        points.add((b + k * a) * (b + k * a));
        points.add((b - k * a) * (b - k * a));
      }
    }
  }

  /** Adds |root|² and Im(root)² in x̃ units: where each factor of |H| changes fastest. */
  private void addRootFrequencies(List<Double> points, double[] re, double[] im) {
    for (int i = 0; i < re.length; i++) {
      double m = Polynomials.abs(re[i], im[i]) / pz.scale;
      double b = im[i] / pz.scale;
      if (m > 0) {
        points.add(m * m);
      }
      if (b > 0) {
        points.add(b * b);
      }
    }
  }

  /**
   * The frequency (Hz) in the open x̃-interval (from, to) where |H|² = level: the lowest one if
   * {@code lowest}, else the highest; NaN when there is none.
   */
  private double crossing(double level, double from, double to, boolean lowest) {
    return pick(crossings(level), from, to, lowest);
  }

  /**
   * The root of |H(ω)| − target between lo and hi (rad/s), where it changes sign: the Illinois
   * variant of regula falsi (superlinear), with a plain bisection step whenever two steps together
   * did not halve the bracket, down to a bracket of a few ulps.
   */
  private double bisect(double lo, double hi, double target) {
    double a = lo;
    double b = hi;
    double fa = magnitudeAt(a) - target;
    double fb = magnitudeAt(b) - target;
    double width = Math.abs(b - a);
    double widthTwoStepsAgo = Double.POSITIVE_INFINITY;
    for (int i = 0; i < 300 && Math.abs(b - a) > 4 * Math.ulp(Math.max(a, b)); i++) {
      double x;
      boolean secant =
          Double.isFinite(fa) && Double.isFinite(fb) && width <= 0.5 * widthTwoStepsAgo;
      if (i % 2 == 0) {
        widthTwoStepsAgo = width;
      }
      x = secant ? b - fb * (b - a) / (fb - fa) : 0.5 * (a + b);
      if (!(x > Math.min(a, b) && x < Math.max(a, b))) {
        x = 0.5 * (a + b);
      }
      double fx = magnitudeAt(x) - target;
      if (fx == 0) {
        return x;
      }
      if ((fx > 0) == (fb > 0)) {
        fa *= 0.5; // Illinois: keep the old end, halve its weight
      } else {
        a = b;
        fa = fb;
      }
      b = x;
      fb = fx;
      width = Math.abs(b - a);
    }
    return 0.5 * (a + b);
  }

  private double pick(List<Double> roots, double from, double to, boolean lowest) {
    double best = Double.NaN;
    for (double x : roots) {
      if (x > from && x < to) {
        if (Double.isNaN(best) || (lowest ? x < best : x > best)) {
          best = x;
        }
      }
    }
    return Double.isNaN(best) ? Double.NaN : hz(best);
  }

  /** Interior extremes of |H| over 0 < ω < ∞ (an axis pole is an infinite maximum there). */
  private Extremes extremes() {
    Extremes e = new Extremes();
    for (int i = 0; i < pz.poleCount(); i++) {
      if (pz.poleRe[i] == 0 && pz.poleIm[i] > 0) {
        double x = (pz.poleIm[i] / pz.scale) * (pz.poleIm[i] / pz.scale);
        if (Double.isNaN(e.maxX) || e.maxValue < Double.POSITIVE_INFINITY || x < e.maxX) {
          e.maxX = x;
          e.maxValue = Double.POSITIVE_INFINITY;
        }
      }
    }
    for (int i = 0; i < pz.zeroCount(); i++) {
      if (pz.zeroRe[i] == 0 && pz.zeroIm[i] > 0) {
        double x = (pz.zeroIm[i] / pz.scale) * (pz.zeroIm[i] / pz.scale);
        if (Double.isNaN(e.minX) || e.minValue > 0 || x < e.minX) {
          e.minX = x;
          e.minValue = 0;
        }
      }
    }
    for (double x : stationaryPoints()) {
      if (atAxisPole(x)) {
        continue; // a lossless pole, already counted as an infinite peak
      }
      double value = magnitudeAt(Math.sqrt(x) * pz.scale);
      if (e.maxValue < Double.POSITIVE_INFINITY && (Double.isNaN(e.maxX) || value > e.maxValue)) {
        e.maxX = x;
        e.maxValue = value;
      }
      if (e.minValue > 0 && (Double.isNaN(e.minX) || value < e.minValue)) {
        e.minX = x;
        e.minValue = value;
      }
    }
    polishSharpExtremes(e);
    polishOnGrid(e);
    return e;
  }

  /**
   * The stationary points can miss an extreme: a flat peak — the passband of a maximally flat or
   * equiripple band-pass of high order — is a root of N'D − ND' of high multiplicity (or a cluster
   * of them) whose computed roots scatter into complex pairs (an 8th-order Butterworth band-pass
   * ladder came out 0.1 % low, an elliptic one 70 dB low), and a notch next to a nearly cancelled
   * pole–zero pair loses its near-double root the same way (a −29 dB notch of Q 230 in an 8th-order
   * network vanished, so a response with a notch and a peak was called a band-pass, or not,
   * depending on the impedance scale). So |H| is also evaluated at the stationary points, the pole
   * and zero frequencies and the geometric midpoints between them, and Brent's search on |H| itself
   * refines every local maximum of these samples (the highest always, others when above the peak
   * found so far) and every local minimum below the notch found so far, between its neighbours. A
   * result replaces a stationary-point extreme only when clearly more extreme, so ordinary
   * responses keep their exact stationary points.
   */
  private void polishOnGrid(Extremes e) {
    boolean peaks = e.maxValue < Double.POSITIVE_INFINITY;
    boolean notches = e.minValue > 0;
    if (!peaks && !notches) {
      return;
    }
    List<Double> xs = new ArrayList<>(stationaryPoints());
    addRootFrequencies(xs, pz.poleRe, pz.poleIm);
    addRootFrequencies(xs, pz.zeroRe, pz.zeroIm);
    if (!Double.isNaN(e.maxX)) {
      xs.add(e.maxX);
    }
    if (!Double.isNaN(e.minX)) {
      xs.add(e.minX);
    }
    // points at (or within rounding of) a jω-axis pole stay: |H| is infinite or huge there, which
    // no notch search takes for a minimum, and a notch 1e-10 beside the pole is still sampled
    xs.removeIf(x -> !(x > 0) || !Double.isFinite(x));
    if (xs.isEmpty()) {
      return;
    }
    xs.sort(null);
    // a decade beyond the outermost root on each side (in ω), where |H| is near its limit: an
    // extreme at the lowest or highest root frequency is then bracketed like any other
    xs.add(0, xs.get(0) * 1e-2);
    xs.add(xs.get(xs.size() - 1) * 1e2);
    List<Double> distinct = new ArrayList<>(xs.size());
    for (double x : xs) {
      // clustered roots repeat a point; the search must be bracketed by distinct neighbours
      if (distinct.isEmpty() || x > distinct.get(distinct.size() - 1) * (1 + 1e-12)) {
        distinct.add(x);
      }
    }
    double[] grid = new double[2 * distinct.size() - 1];
    double[] values = new double[grid.length];
    int size = 0;
    int best = 0;
    for (int i = 0; i < grid.length; i++) {
      int j = i / 2;
      double x = i % 2 == 0 ? distinct.get(j) : Math.sqrt(distinct.get(j) * distinct.get(j + 1));
      double v = magnitudeAt(Math.sqrt(x) * pz.scale);
      if (Double.isFinite(v)) {
        grid[size] = x;
        values[size] = v;
        if (v > values[best]) {
          best = size;
        }
        size++;
      }
    }
    grid = java.util.Arrays.copyOf(grid, size);
    for (int i = 0; i < size; i++) {
      boolean localMax =
          (i == 0 || values[i] >= values[i - 1]) && (i == size - 1 || values[i] >= values[i + 1]);
      boolean localMin =
          i > 0 && i < size - 1 && values[i] <= values[i - 1] && values[i] <= values[i + 1];
      if (peaks && localMax && (i == best || values[i] > e.maxValue)) {
        refine(e, grid, i, true);
      }
      if (notches && localMin && (Double.isNaN(e.minX) || values[i] < e.minValue)) {
        refine(e, grid, i, false);
      }
    }
  }

  /**
   * Brent's search on |H| in log ω between the neighbours of grid[i] (a quarter and four times it
   * at the ends); the result replaces the extreme in e when clearly more extreme.
   */
  private void refine(Extremes e, double[] grid, int i, boolean maximum) {
    double x = grid[i];
    double lo = Math.log(Math.sqrt(i > 0 ? grid[i - 1] : x / 4) * pz.scale);
    double hi = Math.log(Math.sqrt(i < grid.length - 1 ? grid[i + 1] : x * 4) * pz.scale);
    double w = Math.sqrt(x) * pz.scale;
    double v = magnitudeAt(w);
    if (hi > lo) {
      UnivariatePointValuePair m =
          new BrentOptimizer(1e-14, 1e-300)
              .optimize(
                  new MaxEval(500),
                  new UnivariateObjectiveFunction(t -> magnitudeAt(Math.exp(t))),
                  maximum ? GoalType.MAXIMIZE : GoalType.MINIMIZE,
                  new SearchInterval(lo, hi, Math.log(w)));
      if (maximum ? m.getValue() > v : m.getValue() < v) {
        w = Math.exp(m.getPoint());
        v = m.getValue();
      }
    }
    if (maximum && (Double.isNaN(e.maxX) || v > e.maxValue * (1 + 1e-12))) {
      e.maxX = (w / pz.scale) * (w / pz.scale);
      e.maxValue = v;
    }
    if (!maximum && (Double.isNaN(e.minX) || v < e.minValue * (1 - 1e-12))) {
      e.minX = (w / pz.scale) * (w / pz.scale);
      e.minValue = v;
    }
  }

  /**
   * The coefficients of N'D − ND' lose digits when the response is very sharp (a resonance with Q
   * above about 1e4): a peak or notch only ω/Q wide can come out a few parts in 1e9 off, and beyond
   * Q ≈ 1e6 its near-double root turns into a complex pair and the notch is missed. Around every
   * sharp root frequency and every stationary point next to one, a local search on |H| itself
   * (accurate at any frequency) looks for a clearly more extreme value; the exact stationary points
   * of ordinary responses are kept as they are.
   */
  private void polishSharpExtremes(Extremes e) {
    List<Double> seeds = new ArrayList<>(stationaryPoints());
    addRootFrequencies(seeds, pz.poleRe, pz.poleIm);
    addRootFrequencies(seeds, pz.zeroRe, pz.zeroIm);
    for (double x : seeds) {
      double w = Math.sqrt(x) * pz.scale;
      double h = SharpExtremum.relativeHalfWidth(w, pz);
      if (!(w > 0) || !(h < SharpExtremum.SHARP) || atAxisPole(x)) {
        continue;
      }
      if (e.maxValue < Double.POSITIVE_INFINITY) {
        double[] m = SharpExtremum.find(this::magnitudeAt, w, h, true);
        if (m != null && (Double.isNaN(e.maxX) || m[1] > e.maxValue * (1 + 1e-12))) {
          e.maxX = (m[0] / pz.scale) * (m[0] / pz.scale);
          e.maxValue = m[1];
        }
      }
      if (e.minValue > 0) {
        double[] m = SharpExtremum.find(this::magnitudeAt, w, h, false);
        if (m != null && (Double.isNaN(e.minX) || m[1] < e.minValue * (1 - 1e-12))) {
          e.minX = (m[0] / pz.scale) * (m[0] / pz.scale);
          e.minValue = m[1];
        }
      }
    }
  }

  /** Positive x̃ where d|H|²/dx = 0: the positive real roots of N'D − ND' (computed once). */
  private List<Double> stationaryPoints() {
    if (stationary == null) {
      double[] poly =
          Polynomials.subtractScaled(
              Polynomials.multiply(Polynomials.derivative(n), d),
              1,
              Polynomials.multiply(n, Polynomials.derivative(d)));
      stationary = positiveRealRoots(poly);
    }
    return stationary;
  }

  /** True when x̃ is the squared frequency of a pole on the jω axis (to 1e-9). */
  private boolean atAxisPole(double x) {
    for (int i = 0; i < pz.poleCount(); i++) {
      if (pz.poleRe[i] == 0 && pz.poleIm[i] > 0) {
        double b = pz.poleIm[i] / pz.scale;
        if (Math.abs(x - b * b) <= 1e-9 * x) {
          return true;
        }
      }
    }
    return false;
  }

  private static List<Double> positiveRealRoots(double[] poly) {
    List<Double> out = new ArrayList<>();
    if (Polynomials.degree(poly) < 1) {
      return out;
    }
    PolynomialRoots r;
    try {
      r = PolynomialRoots.of(poly);
    } catch (ArithmeticException e) {
      // a high-order |H|² polynomial whose roots did not converge: the candidates are only
      // breakpoints; crossings and extremes are still found on |H| itself between the pole and
      // zero frequencies (bisection and the local search)
      return out;
    }
    for (int i = 0; i < r.count(); i++) {
      if (r.im[i] == 0 && r.re[i] > 0) {
        out.add(r.re[i]);
      }
    }
    return out;
  }

  /**
   * {Q, f0 Hz} of the dominant pole pair: the complex pair of highest Q (the one closest to the jω
   * axis in angle, which shapes the response most), else the two real poles nearest the origin;
   * nulls for fewer than two poles. A pair on the jω axis has infinite Q, reported as null.
   */
  private Double[] dominantPolePair() {
    double bestQ = -1;
    double bestW = 0;
    for (int i = 0; i < pz.poleCount(); i++) {
      if (pz.poleIm[i] > 0) {
        double w = Polynomials.abs(pz.poleRe[i], pz.poleIm[i]);
        double q = pz.poleRe[i] == 0 ? Double.POSITIVE_INFINITY : w / (2 * Math.abs(pz.poleRe[i]));
        if (q > bestQ) {
          bestQ = q;
          bestW = w;
        }
      }
    }
    if (bestQ < 0) {
      double p1 = Double.POSITIVE_INFINITY;
      double p2 = Double.POSITIVE_INFINITY;
      for (int i = 0; i < pz.poleCount(); i++) {
        double m = Math.abs(pz.poleRe[i]);
        if (pz.poleIm[i] == 0 && m > 0) {
          if (m < p1) {
            p2 = p1;
            p1 = m;
          } else if (m < p2) {
            p2 = m;
          }
        }
      }
      if (Double.isInfinite(p2)) {
        return new Double[] {null, null};
      }
      bestW = Math.sqrt(p1 * p2);
      bestQ = bestW / (p1 + p2);
    }
    Double q = Double.isInfinite(bestQ) ? null : bestQ;
    return new Double[] {q, bestW / (2 * Math.PI)};
  }

  /** The largest and smallest interior stationary values of |H| and where (x̃) they are. */
  private static final class Extremes {
    double maxX = Double.NaN;
    double maxValue = Double.NEGATIVE_INFINITY;
    double minX = Double.NaN;
    double minValue = Double.POSITIVE_INFINITY;
  }
}
