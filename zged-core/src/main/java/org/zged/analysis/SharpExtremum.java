package org.zged.analysis;

import java.util.function.DoubleUnaryOperator;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.univariate.BrentOptimizer;
import org.hipparchus.optim.univariate.SearchInterval;
import org.hipparchus.optim.univariate.UnivariateObjectiveFunction;
import org.hipparchus.optim.univariate.UnivariatePointValuePair;

/**
 * A local peak or notch of |H(jω)| near a lightly damped root, found by Brent's search on |H|
 * itself in a window a few root-widths wide. Works in u with ω = ω₀·(1 + h·u), u ∈ [−1, 1], so that
 * the search's tolerance is relative to the window, not to ω.
 */
final class SharpExtremum {
  /** Windows narrower than this (relative) are sharp enough to need the search. */
  static final double SHARP = 1e-3;

  private SharpExtremum() {}

  /**
   * Half the width of the search window around ω, relative to ω: four times the damping |Re r| of
   * the pole or zero whose frequency |Im r| is nearest to ω (a resonance is about 2|Re r| wide).
   */
  static double relativeHalfWidth(double omega, PoleZeroSet pz) {
    double best = Double.POSITIVE_INFINITY;
    double damping = Double.NaN;
    for (int i = 0; i < pz.poleCount(); i++) {
      double dist = Math.abs(Math.abs(pz.poleIm[i]) - omega);
      if (dist < best) {
        best = dist;
        damping = Math.abs(pz.poleRe[i]);
      }
    }
    for (int i = 0; i < pz.zeroCount(); i++) {
      double dist = Math.abs(Math.abs(pz.zeroIm[i]) - omega);
      if (dist < best) {
        best = dist;
        damping = Math.abs(pz.zeroRe[i]);
      }
    }
    return Math.max(4 * damping / omega, 1e-15);
  }

  /**
   * {ω, |H(ω)|} of the most extreme point inside the window, or null when the search ends on the
   * window's edge (no local extreme there).
   */
  static double[] find(DoubleUnaryOperator magnitude, double omega, double h, boolean maximum) {
    BrentOptimizer brent = new BrentOptimizer(1e-14, 1e-15);
    UnivariatePointValuePair best =
        brent.optimize(
            new MaxEval(500),
            new UnivariateObjectiveFunction(u -> magnitude.applyAsDouble(omega * (1 + h * u))),
            maximum ? GoalType.MAXIMIZE : GoalType.MINIMIZE,
            new SearchInterval(-1, 1, 0));
    double u = best.getPoint();
    if (Math.abs(u) > 1 - 1e-6) {
      return null;
    }
    return new double[] {omega * (1 + h * u), best.getValue()};
  }
}
