package org.zged.generate;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;

/**
 * One synthesised ladder as {@code zged generate --json} prints it. {@code marginsDb} holds the
 * exact worst-case margins {@code {"passband": dB, "stopband": dB}} (positive = inside the mask;
 * stopband null without a stopband); {@code bands} the worst point of every band; {@code
 * realisationError} how closely the ladder's own |H| follows the synthesised one (relative).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LadderCandidate(
    int rank,
    String response,
    String form,
    String method,
    int order,
    Integer formulaOrder,
    int parts,
    int inductors,
    int capacitors,
    boolean meetsTarget,
    Map<String, Double> marginsDb,
    String marginsSource,
    double realisationError,
    List<Band> bands,
    String convention,
    List<String> notes,
    List<String> rangeWarnings,
    String netlist,
    List<ElementReport> elements,
    Snap eSeries,
    Yield tolerance) {

  /** One band's worst case: attenuation (dB re the passband maximum) and where. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record Band(
      String kind,
      double lowHz,
      Double highHz,
      double limitDb,
      double worstDb,
      Double worstAtHz,
      double marginDb) {}

  /** The E-series version and its margins, re-verified. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record Snap(
      String series,
      boolean meetsTarget,
      Map<String, Double> marginsDb,
      String netlist,
      List<ElementReport> elements) {}

  /** Share of Monte Carlo trials within the mask. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record Yield(
      double tolerancePct,
      int trials,
      int meeting,
      double yield,
      double worstPassbandDb,
      Double worstStopbandDb) {}
}
