package org.zged.generate;

import java.util.List;
import org.zged.fit.FitResult;
import org.zged.fit.SpecTarget;
import org.zged.mask.MaskMargins;

/**
 * The pipeline's result before formatting: ranked verified fits with their sources, how many
 * distinct topologies were refined, the diagnosis when nothing meets the target, and the exact
 * analyses spent (in all, and up to the first candidate that met the target; -1 when none did).
 * {@code goal} is the mask of a mask run (null otherwise; {@code target} is then its prototype).
 */
public record Generation(
    SpecTarget target,
    List<Ranked> ranked,
    int topologiesTried,
    String diagnosis,
    double elapsedMs,
    int analyses,
    int analysesToSuccess,
    MaskGoal goal) {

  /**
   * A verified fit with the proposal it came from; {@code meets} = the target within 1 % (a mask:
   * every band within its limit), every value buyable and every constraint kept. {@code margins}
   * are the exact mask margins of a mask run (null otherwise).
   */
  public record Ranked(
      FitResult fit, String source, String topology, boolean meets, MaskMargins margins) {
    public int parts() {
      return fit.circuit().elements().size();
    }
  }

  public FitResult best() {
    return ranked.isEmpty() ? null : ranked.get(0).fit();
  }

  /** Whether the best candidate meets the target and the constraints. */
  public boolean met() {
    return !ranked.isEmpty() && ranked.get(0).meets();
  }
}
