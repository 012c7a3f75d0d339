package org.zged.synthesis;

import java.util.ArrayList;
import java.util.List;
import org.zged.filter.Roots;
import org.zged.mask.Band;
import org.zged.mask.Mask;

/**
 * How exactly a ladder realises the transfer function it was synthesised for: the largest relative
 * deviation of |H_ladder(jω)| / |H_ideal(jω)| from its value at the first passband edge, over the
 * band edges and 8N + 16 log-spaced frequencies two decades around the mask. |H|² of both is a
 * rational function of ω² of degree ≤ N, so agreement at more than 2N + 1 points means the two are
 * the same function (to the printed deviation). The ladder response is one pass from the load
 * ({@link LadderResponse}), independent of the nodal analysis.
 */
public final class RealisationCheck {
  private RealisationCheck() {}

  public static double deviation(Ladder l, Roots ideal, Mask mask) {
    List<Double> f = new ArrayList<>();
    double lo = Double.POSITIVE_INFINITY;
    double hi = 0;
    for (Band b : mask.bands()) {
      for (double x : new double[] {b.lowHz(), b.highHz()}) {
        if (x > 0 && Double.isFinite(x)) {
          f.add(x);
          lo = Math.min(lo, x);
          hi = Math.max(hi, x);
        }
      }
    }
    int n = 8 * ideal.order() + 16;
    for (int i = 0; i <= n; i++) {
      f.add(lo / 100 * Math.pow(hi / lo * 1e4, (double) i / n));
    }
    Band pass = mask.passbands().get(0);
    double ref = ratio(l, ideal, pass.lowHz() > 0 ? pass.lowHz() : pass.highHz());
    double worst = 0;
    for (double x : f) {
      double r = ratio(l, ideal, x);
      if (Double.isFinite(r)) {
        worst = Math.max(worst, Math.abs(r / ref - 1));
      }
    }
    return worst;
  }

  /** NaN where either magnitude is below 1e-12 of the passband (a transmission zero). */
  private static double ratio(Ladder l, Roots ideal, double hz) {
    double w = 2 * Math.PI * hz;
    double a = LadderResponse.at(l, w).norm();
    double b = Math.exp(ideal.logMagnitude(w));
    return a > 1e-12 && b > 1e-12 ? a / b : Double.NaN;
  }
}
