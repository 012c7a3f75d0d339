package org.zged.fit;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.exception.MathRuntimeException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.RealVector;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresBuilder;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresProblem;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.util.Pair;
import org.zged.circuit.Circuit;
import org.zged.circuit.ElementKind;

/**
 * Solves for component values so that the exact analysis of a fixed topology meets a target.
 *
 * <p>The unknowns are the natural logs of the free values, so steps are ratios and values stay
 * positive. Two exact symmetries do most of the work: frequency scaling (every L and C divided by k
 * multiplies every frequency by k) moves fc or the pole scale onto the target in one step, and
 * impedance scaling (R, L × k, C ÷ k) leaves H unchanged and is used at the end to centre the
 * values in the practical ranges. What remains — the shape: Q, gain, pole/zero pattern — is solved
 * by Levenberg–Marquardt (Hipparchus) on log-ratio residuals with a forward-difference Jacobian,
 * plus a weak pull towards the starting values that makes the under-determined problem well posed
 * (the minimum-change solution). The best point seen is kept even if the optimiser gives up.
 */
public final class ValueFitter {
  private static final double JACOBIAN_STEP = 1e-6;

  /**
   * Abandoning ({@link Builder#optAbandonBeyond}) is decided from the second step on: a first step
   * may overshoot out of the ranges and the second bring it back (a start of the random arm on the
   * out-of-template suite's seed 3 had 25.8 H after its first step, was in range after the second
   * and met the target after four).
   */
  private static final int ABANDON_FROM_STEP = 2;

  private final double tolerance;
  private final double regularization;
  private final int maxIterations;
  private final double giveUpBeyond;
  private final double abandonBeyond;

  private ValueFitter(Builder b) {
    this.tolerance = b.tolerance;
    this.regularization = b.regularization;
    this.maxIterations = b.maxIterations;
    this.giveUpBeyond = b.giveUpBeyond;
    this.abandonBeyond = b.abandonBeyond;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The stopping tolerance: every targeted spec within this log ratio (≈ relative error). */
  public double tolerance() {
    return tolerance;
  }

  /** This fitter with another stopping tolerance; every other setting kept. */
  public ValueFitter withTolerance(double tolerance) {
    Builder b =
        builder()
            .optTolerance(tolerance)
            .optRegularization(regularization)
            .optMaxIterations(maxIterations)
            .optGiveUpBeyond(giveUpBeyond)
            .optAbandonBeyond(abandonBeyond);
    return b.build();
  }

  /** Tolerance 1e-7 (log ratio), regularisation 1e-3, at most 60 iterations. */
  public static ValueFitter defaults() {
    return builder().build();
  }

  public FitResult fit(Circuit start, SpecTarget target) {
    return fit(start, target, new boolean[start.elements().size()]);
  }

  /**
   * Fits the values not marked {@code fixed}; fixed values are kept exactly (used after E-series
   * snapping). The returned circuit is verified by a final exact analysis.
   */
  public FitResult fit(Circuit start, SpecTarget target, boolean[] fixed) {
    start.validate();
    Objective objective = Objective.of(target);
    Counter count = new Counter();
    boolean allFree = noneFixed(fixed);
    boolean frequencyScalable = reactivesFree(start, fixed);
    SpecEvaluator before = count.analyse(start);

    Circuit c = start;
    double k = frequencyScalable ? objective.frequencyCorrection(before) : 1;
    if (frequencyScalable) {
      c = PracticalRanges.scaleFrequency(c, k);
    }
    SpecEvaluator ev = count.analyse(c);
    // Out of reach of the ranges once on the target's frequency (see optGiveUpBeyond): no
    // Levenberg–Marquardt steps; the result below is centred, clamped and verified as always.
    boolean beyond =
        allFree
            && k != 1
            && !target.isPoleZero()
            && PracticalRanges.impedanceSpan(c) > giveUpBeyond;
    if (!beyond && maxAbs(objective.residuals(ev)) > tolerance) {
      c =
          levenbergMarquardt(
              c,
              fixed,
              objective,
              count,
              // a fitter that never abandons skips the per-step range check
              Double.isFinite(abandonBeyond)
                  && allFree
                  && frequencyScalable
                  && !target.isPoleZero());
      if (frequencyScalable) {
        c = PracticalRanges.scaleFrequency(c, objective.frequencyCorrection(count.analyse(c)));
      }
    }
    if (allFree) {
      c = PracticalRanges.centreImpedance(c);
    }
    List<String> violations = PracticalRanges.violations(c);
    if (!violations.isEmpty()) {
      // Better a buyable circuit that misses, shown honestly, than one that cannot be built.
      c = PracticalRanges.clamp(c);
    }
    SpecEvaluator after = count.analyse(c);
    SpecErrors errors =
        target.isPoleZero() || !after.ok() ? null : SpecErrors.of(target, after.specs());
    double chamferBefore = Double.NaN;
    double chamferAfter = Double.NaN;
    if (target.isPoleZero()) {
      chamferBefore = chamfer(target, before);
      chamferAfter = chamfer(target, after);
    }
    return new FitResult(
        c,
        after.transferFunction(),
        after.specs(),
        errors,
        chamferBefore,
        chamferAfter,
        violations,
        count.n);
  }

  /** The exact analysis of {@code c} against the target, without changing any value. */
  public FitResult verify(Circuit c, SpecTarget target) {
    SpecEvaluator ev = SpecEvaluator.analyse(c);
    SpecErrors errors = target.isPoleZero() || !ev.ok() ? null : SpecErrors.of(target, ev.specs());
    double chamfer = target.isPoleZero() ? chamfer(target, ev) : Double.NaN;
    return new FitResult(
        c,
        ev.transferFunction(),
        ev.specs(),
        errors,
        chamfer,
        chamfer,
        PracticalRanges.violations(c),
        1);
  }

  private Circuit levenbergMarquardt(
      Circuit c, boolean[] fixed, Objective objective, Counter count, boolean mayAbandon) {
    int[] free = freeIndices(fixed);
    double[] base = c.values();
    double[] x0 = new double[free.length];
    for (int i = 0; i < free.length; i++) {
      x0[i] = Math.log(base[free[i]]);
    }
    int m = objective.size();
    Best best = new Best(x0.clone(), Double.POSITIVE_INFINITY);
    best.lastBeyond = PracticalRanges.impedanceSpan(c);
    java.util.function.Function<double[], double[]> residuals =
        x -> {
          double[] v = base.clone();
          for (int i = 0; i < free.length; i++) {
            v[free[i]] = Math.exp(x[i]);
          }
          SpecEvaluator ev = count.analyse(c.withValues(v));
          double[] spec = objective.residuals(ev);
          double norm = maxAbs(spec);
          if (norm < best.norm) {
            best.norm = norm;
            best.x = x.clone();
            best.frequencyCorrection = objective.frequencyCorrection(ev);
          }
          double[] r = new double[m + x.length];
          System.arraycopy(spec, 0, r, 0, m);
          for (int i = 0; i < x.length; i++) {
            r[m + i] = regularization * (x[i] - x0[i]);
          }
          return r;
        };
    LeastSquaresProblem problem =
        new LeastSquaresBuilder()
            .start(x0)
            .target(new double[m + x0.length])
            .model(
                point -> {
                  double[] x = point.toArray();
                  double[] r0 = residuals.apply(x);
                  double[][] jac = new double[r0.length][x.length];
                  for (int j = 0; j < x.length; j++) {
                    double[] xh = x.clone();
                    xh[j] += JACOBIAN_STEP;
                    double[] rh = residuals.apply(xh);
                    for (int i = 0; i < r0.length; i++) {
                      jac[i][j] = (rh[i] - r0[i]) / JACOBIAN_STEP;
                    }
                  }
                  RealVector value = new ArrayRealVector(r0, false);
                  return new Pair<>(value, new Array2DRowRealMatrix(jac, false));
                })
            .checker(
                (iteration, previous, current) ->
                    best.norm <= tolerance
                        || (mayAbandon && leavingTheRanges(iteration, c, base, free, best)))
            .maxIterations(maxIterations)
            .maxEvaluations(maxIterations * 4)
            .build();
    try {
      new LevenbergMarquardtOptimizer().withInitialStepBoundFactor(1).optimize(problem);
    } catch (MathRuntimeException e) {
      // Iteration/evaluation budget exhausted or a singular step: keep the best point seen.
    }
    double[] v = base.clone();
    for (int i = 0; i < free.length; i++) {
      v[free[i]] = Math.exp(best.x[i]);
    }
    return c.withValues(v);
  }

  /**
   * Whether the steps are leaving the ranges: from step {@link #ABANDON_FROM_STEP} on, the best
   * point after this step lies more than the abandon threshold beyond them ({@link
   * #beyondAfterStep}) and no nearer than after the step before. A start out of range that the
   * steps bring back is not abandoned.
   */
  private boolean leavingTheRanges(int step, Circuit c, double[] base, int[] free, Best best) {
    double b = beyondAfterStep(c, base, free, best);
    boolean leaving = step >= ABANDON_FROM_STEP && b > abandonBeyond && b >= best.lastBeyond;
    best.lastBeyond = b;
    return leaving;
  }

  /**
   * How far the best point so far lies beyond the ranges once moved onto the target's frequency and
   * impedance-scaled as well as it can be (decades; ≤ 0 in reach). Costs no analysis: the best
   * point's frequency correction was read off its analysis.
   */
  private static double beyondAfterStep(Circuit c, double[] base, int[] free, Best best) {
    double[] v = base.clone();
    for (int i = 0; i < free.length; i++) {
      v[free[i]] = Math.exp(best.x[i]);
    }
    double k = best.frequencyCorrection;
    Circuit moved = c.withValues(v);
    if (Double.isFinite(k) && k > 0) {
      moved = PracticalRanges.scaleFrequency(moved, k);
    }
    return PracticalRanges.impedanceSpan(moved);
  }

  private static double chamfer(SpecTarget target, SpecEvaluator ev) {
    if (!ev.ok()) {
      return Double.POSITIVE_INFINITY;
    }
    double ref = PoleZeroObjective.geometricMeanMagnitude(target.poles());
    return PoleZeroObjective.chamfer(ev.transferFunction().poles(), target.poles(), ref)
        + PoleZeroObjective.chamfer(ev.transferFunction().zeros(), target.zeros(), ref);
  }

  private static boolean noneFixed(boolean[] fixed) {
    for (boolean f : fixed) {
      if (f) {
        return false;
      }
    }
    return true;
  }

  /** Frequency scaling needs every L and C free (and at least one of them). */
  private static boolean reactivesFree(Circuit c, boolean[] fixed) {
    boolean any = false;
    for (int i = 0; i < fixed.length; i++) {
      if (c.elements().get(i).kind() != ElementKind.R) {
        any = true;
        if (fixed[i]) {
          return false;
        }
      }
    }
    return any;
  }

  private static int[] freeIndices(boolean[] fixed) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < fixed.length; i++) {
      if (!fixed[i]) {
        out.add(i);
      }
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  static double maxAbs(double[] r) {
    double m = 0;
    for (double x : r) {
      m = Math.max(m, Math.abs(x));
    }
    return m;
  }

  private static final class Best {
    double[] x;
    double norm;
    double frequencyCorrection = 1;
    double lastBeyond; // decades beyond the ranges at the last check (the start, at first)

    Best(double[] x, double norm) {
      this.x = x;
      this.norm = norm;
    }
  }

  private static final class Counter {
    int n;

    SpecEvaluator analyse(Circuit c) {
      n++;
      return SpecEvaluator.analyse(c);
    }
  }

  /** DJL-style builder; every setting is optional. */
  public static final class Builder {
    private double tolerance = 1e-7;
    private double regularization = 1e-3;
    private int maxIterations = 60;
    private double giveUpBeyond = Double.POSITIVE_INFINITY;
    private double abandonBeyond = Double.POSITIVE_INFINITY;

    /** Stop when every targeted spec is within this log ratio (≈ relative error). */
    public Builder optTolerance(double tolerance) {
      this.tolerance = tolerance;
      return this;
    }

    /** Weight of the pull towards the starting values, per unit of ln(value). */
    public Builder optRegularization(double regularization) {
      this.regularization = regularization;
      return this;
    }

    public Builder optMaxIterations(int maxIterations) {
      this.maxIterations = maxIterations;
      return this;
    }

    /**
     * Gives up on a start whose values, frequency-scaled onto the target, lie more than {@code
     * decades} beyond what impedance scaling can bring into the practical ranges ({@link
     * PracticalRanges#impedanceSpan}): the Levenberg–Marquardt steps are skipped and the result
     * (centred, clamped, verified: 3 analyses in all) misses honestly. Applies to response targets
     * with every value free and a frequency correction made; default: never.
     */
    public Builder optGiveUpBeyond(double decades) {
      this.giveUpBeyond = decades;
      return this;
    }

    /**
     * Stops the Levenberg–Marquardt steps once the best point after a step, moved onto the target's
     * frequency, lies more than {@code decades} beyond what impedance scaling brings into the
     * practical ranges and no nearer to them than before the step: the result (centred, clamped,
     * verified) misses honestly at the cost of the steps taken. Applies to response targets with
     * every value free; default: never.
     */
    public Builder optAbandonBeyond(double decades) {
      this.abandonBeyond = decades;
      return this;
    }

    public ValueFitter build() {
      return new ValueFitter(this);
    }
  }
}
