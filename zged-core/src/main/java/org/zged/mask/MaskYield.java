package org.zged.mask;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.zged.circuit.Circuit;
import org.zged.circuit.Element;
import org.zged.circuit.ElementKind;

/**
 * Tolerance Monte Carlo against a mask: every L and C drawn uniformly within ±pct % of its value
 * (seeded), the exact margins of each trial, and the share of trials that meet the mask (yield).
 * Terminations are not varied.
 */
public final class MaskYield {
  private MaskYield() {}

  /**
   * @param worstPassbandDb the smallest passband margin over the trials
   * @param worstStopbandDb the smallest stopband margin (NaN without a stopband)
   */
  public record Report(
      double tolerancePct,
      int trials,
      int meeting,
      double worstPassbandDb,
      double worstStopbandDb) {
    public double yield() {
      return (double) meeting / trials;
    }
  }

  public static Report run(Circuit c, Mask mask, double pct, int trials, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int ok = 0;
    double worstPass = Double.POSITIVE_INFINITY;
    double worstStop = Double.POSITIVE_INFINITY;
    for (int t = 0; t < trials; t++) {
      List<Element> els = new ArrayList<>();
      for (Element e : c.elements()) {
        double f = e.kind() == ElementKind.R ? 1 : 1 + pct / 100 * (2 * rnd.nextDouble() - 1);
        els.add(e.withValue(e.value() * f));
      }
      MaskMargins m = MaskVerifier.verify(mask, c.withElements(els));
      ok += m.meets() ? 1 : 0;
      worstPass = Math.min(worstPass, m.passbandDb());
      worstStop = Math.min(worstStop, m.stopbandDb());
    }
    return new Report(
        pct, trials, ok, worstPass, mask.stopbands().isEmpty() ? Double.NaN : worstStop);
  }
}
