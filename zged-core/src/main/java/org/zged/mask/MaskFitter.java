package org.zged.mask;

import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.SimpleValueChecker;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.hipparchus.optim.nonlinear.scalar.noderiv.SimplexOptimizer;
import org.zged.analysis.Analysis;
import org.zged.analysis.CircuitAnalyzer;
import org.zged.circuit.Circuit;
import org.zged.circuit.ElementKind;
import org.zged.filter.Roots;
import org.zged.fit.PracticalRanges;

/**
 * Fits a fixed topology's values to a mask by minimising its worst band violation in dB (the
 * largest amount by which any band misses its limit; negative once every band is met). The
 * objective is a minimax, so it has kinks where the worst band changes: Nelder–Mead (Hipparchus),
 * which needs no gradient, works on the natural logs of the values, after a one-dimensional search
 * over frequency scaling (every L and C divided by k moves the whole response by k, the largest
 * single lever). Every evaluation is one exact analysis and one exact {@link MaskVerifier} check;
 * the search stops as soon as every band is met, or at the evaluation limit, keeping the best point
 * seen. The returned margins are those of a final exact verification of the returned circuit.
 */
public final class MaskFitter {
  /** Stands in for an unmeasurable violation (a band at ±∞ dB), so the search can still rank. */
  private static final double HOPELESS_DB = 1e4;

  private MaskFitter() {}

  /** The fitted circuit, its exact margins, and the exact analyses the fit spent. */
  public record Result(Circuit circuit, MaskMargins margins, int evaluations) {
    public boolean meets() {
      return margins != null && margins.meets();
    }

    /** The worst band violation in dB (negative: every band met with this much to spare). */
    public double worstViolationDb() {
      return margins == null ? Double.POSITIVE_INFINITY : violation(margins);
    }
  }

  public static Result fit(Circuit start, Mask mask, int maxEvaluations) {
    Search s = new Search(start, mask, Math.max(1, maxEvaluations));
    double[] x0 = logs(start.values());
    double[] x = x0;
    s.value(x);
    if (!s.done() && hasReactives(start)) {
      x = s.bestX.clone();
      frequencyScale(s, start, x);
    }
    for (int restart = 0; restart < 3 && !s.done(); restart++) {
      nelderMead(s, s.bestX.clone(), restart == 0 ? 0.5 : 0.2);
    }
    Circuit best = java.util.Arrays.equals(s.bestX, x0) ? start : start.withValues(exps(s.bestX));
    Circuit centred = PracticalRanges.centreImpedance(best); // H(s) unchanged
    if (centred == start || centred.equals(start)) {
      return new Result(start, s.startMargins, s.evaluations);
    }
    MaskMargins m = margins(centred, mask);
    return new Result(centred, m, s.evaluations + 1);
  }

  /** The worst band violation of a set of margins: −(smallest margin). */
  public static double violation(MaskMargins m) {
    double worst = Double.NEGATIVE_INFINITY;
    for (BandResult b : m.bands()) {
      worst = Math.max(worst, -b.marginDb());
    }
    return worst;
  }

  /** The exact margins of a circuit against a mask; null when it cannot be analysed. */
  public static MaskMargins margins(Circuit c, Mask mask) {
    try {
      Analysis a = CircuitAnalyzer.analyze(c);
      return MaskVerifier.verify(mask, new Roots(a.gain(), a.zeros(), a.poles()));
    } catch (RuntimeException e) {
      return null; // not analysable at these values (e.g. a singular network)
    }
  }

  /** Coarse grid over half a decade steps, then golden-section refinement of log k. */
  private static void frequencyScale(Search s, Circuit start, double[] x) {
    double bestK = 0;
    double bestV = s.value(x);
    for (double lk = -2; lk <= 2 + 1e-9 && !s.done(); lk += 0.5) {
      double v = s.value(scaled(start, x, lk));
      if (v < bestV) {
        bestV = v;
        bestK = lk;
      }
    }
    double lo = bestK - 0.5;
    double hi = bestK + 0.5;
    double g = (Math.sqrt(5) - 1) / 2;
    for (int it = 0; it < 12 && !s.done(); it++) {
      double a = hi - g * (hi - lo);
      double b = lo + g * (hi - lo);
      if (s.value(scaled(start, x, a)) < s.value(scaled(start, x, b))) {
        hi = b;
      } else {
        lo = a;
      }
    }
  }

  private static double[] scaled(Circuit c, double[] x, double log10k) {
    double[] y = x.clone();
    double lk = log10k * Math.log(10);
    for (int i = 0; i < y.length; i++) {
      if (c.elements().get(i).kind() != ElementKind.R) {
        y[i] -= lk;
      }
    }
    return y;
  }

  private static void nelderMead(Search s, double[] x0, double step) {
    int left = s.limit - s.evaluations;
    if (left < x0.length + 2) {
      return;
    }
    SimplexOptimizer opt = new SimplexOptimizer(new SimpleValueChecker(1e-6, 1e-4));
    try {
      opt.optimize(
          new MaxEval(left),
          new ObjectiveFunction(
              x -> {
                if (s.done()) {
                  throw new Reached();
                }
                return s.value(x);
              }),
          GoalType.MINIMIZE,
          new InitialGuess(x0),
          new NelderMeadSimplex(x0.length, step));
    } catch (Reached | MathIllegalStateException e) {
      // Reached: the target margin is met; the other: the evaluation limit. Best point is kept.
    }
  }

  private static boolean hasReactives(Circuit c) {
    return c.elements().stream().anyMatch(e -> e.kind() != ElementKind.R);
  }

  private static double[] logs(double[] v) {
    double[] x = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      x[i] = Math.log(v[i]);
    }
    return x;
  }

  private static double[] exps(double[] x) {
    double[] v = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      v[i] = Math.exp(x[i]);
    }
    return v;
  }

  /** Thrown from the objective to end Nelder–Mead once the target margin is met. */
  private static final class Reached extends RuntimeException {
    Reached() {
      super(null, null, false, false);
    }
  }

  /** The objective with its evaluation count and the best point seen. */
  private static final class Search {
    final Circuit start;
    final Mask mask;
    final int limit;
    int evaluations;
    double[] bestX;
    double bestV = Double.POSITIVE_INFINITY;
    MaskMargins startMargins;

    Search(Circuit start, Mask mask, int limit) {
      this.start = start;
      this.mask = mask;
      this.limit = limit;
    }

    boolean done() {
      return bestV <= 0 || evaluations >= limit;
    }

    /**
     * The worst violation plus a tenth of the sum of all violations, so that the search is also
     * pulled by the bands that are not the worst one yet.
     */
    double value(double[] x) {
      if (evaluations >= limit) {
        return Double.POSITIVE_INFINITY;
      }
      evaluations++;
      double v = HOPELESS_DB * 10;
      double[] vals = exps(x);
      boolean finite = true;
      for (double d : vals) {
        finite &= d > 0 && Double.isFinite(d);
      }
      MaskMargins m = finite ? margins(start.withValues(vals), mask) : null;
      if (evaluations == 1) {
        startMargins = m;
      }
      if (m != null) {
        double worst = Double.NEGATIVE_INFINITY;
        double sum = 0;
        for (BandResult b : m.bands()) {
          double e = Double.isFinite(b.marginDb()) ? -b.marginDb() : HOPELESS_DB;
          if (Double.isNaN(b.marginDb())) {
            e = HOPELESS_DB;
          }
          e = Math.min(e, HOPELESS_DB);
          worst = Math.max(worst, e);
          sum += Math.max(0, e);
        }
        v = worst + 0.1 * sum;
      }
      if (v < bestV) {
        bestV = v;
        bestX = x.clone();
      }
      return v;
    }
  }
}
