package org.zged.generate;

import java.util.List;
import org.zged.fit.FitResult;
import org.zged.fit.SpecTarget;

/**
 * The pipeline's result before formatting: ranked verified fits with their sources, how many
 * distinct topologies were refined, and the diagnosis when nothing meets the target.
 */
public record Generation(
    SpecTarget target,
    List<Ranked> ranked,
    int topologiesTried,
    String diagnosis,
    double elapsedMs) {

  /** A verified fit with the proposal it came from. */
  public record Ranked(FitResult fit, String source, String topology) {}

  public FitResult best() {
    return ranked.isEmpty() ? null : ranked.get(0).fit();
  }
}
