package org.zged.synthesis;

import java.util.ArrayList;
import java.util.List;
import org.zged.filter.Prototype;
import org.zged.filter.Response;

/**
 * Doubly terminated Butterworth and Chebyshev prototype ladders from the closed-form g-values
 * ({@link GValues}), source 1 Ω, load r Ω. The series-first form is the dual of the shunt-first
 * one: the same g-values with L and C exchanged, which inverts the load ratio.
 */
public final class ClosedFormLadder {
  private ClosedFormLadder() {}

  public static boolean covers(Prototype p, double rs, double rl) {
    return (p.response() == Response.BUTTERWORTH || p.response() == Response.CHEBYSHEV)
        && p.variant() == Prototype.Variant.A
        && rs > 0
        && Double.isFinite(rl);
  }

  /**
   * @throws SynthesisException when the ratio is out of reach of the asked form (even orders)
   */
  public static Ladder of(Prototype p, double r, LadderForm form) {
    int n = p.order();
    double k = DrivingPointSynthesis.transducerGain(p, r);
    if (k > 1 + 1e-9) {
      throw new SynthesisException(DrivingPointSynthesis.unequalTerminationReason(p));
    }
    // the shunt-first ladder with load ratio q; the series-first one is its dual with 1/q
    double q = form.shuntFirst() ? r : 1 / r;
    LadderForm used = form;
    if (n % 2 == 0 && q > 1 + 1e-12) {
      // an even-order shunt-first ladder always ends in a load below the source: use the dual
      used = form.dual();
      q = 1 / q;
    }
    boolean below = q <= 1;
    double[] g =
        p.response() == Response.BUTTERWORTH
            ? GValues.butterworth(n, Math.min(k, 1), below)
            : GValues.chebyshev(n, p.reflectionEpsilon(), Math.min(k, 1), below);
    List<Arm> arms = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      boolean shunt = (i % 2 == 0) == used.shuntFirst();
      arms.add(shunt ? Arm.shunt(Branch.c(g[i])) : Arm.series(Branch.l(g[i])));
    }
    return new Ladder(1, r, arms, used);
  }
}
