package org.zged.generate;

import java.util.List;
import org.zged.fit.FitResult;
import org.zged.fit.SpecTarget;

/**
 * The pipeline's result before formatting: ranked verified fits with their sources, how many
 * distinct topologies were refined, the diagnosis when nothing meets the target, and the exact
 * analyses spent (in all, and up to the first candidate that met the target; -1 when none did).
 */
public record Generation(
    SpecTarget target,
    List<Ranked> ranked,
    int topologiesTried,
    String diagnosis,
    double elapsedMs,
    int analyses,
    int analysesToSuccess) {

  /**
   * A verified fit with the proposal it came from; {@code meets} = the target within 1 %, every
   * value buyable and every constraint kept.
   */
  public record Ranked(FitResult fit, String source, String topology, boolean meets) {
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
