package org.zged.generate;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** {@code {"target": ..., "candidates": [...]}} for a ladder specification. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LadderReport(Target target, List<LadderCandidate> candidates, double elapsedMs) {

  /**
   * The spec as understood: the design kind ({@code order} or {@code mask}), the response asked
   * ({@code any} = lowest order of all), the bands, the terminations ({@code rl} null = open), and
   * the conventions.
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Target(
      String type,
      String design,
      String response,
      Integer order,
      Double rippleDb,
      Double attenuationDb,
      List<MaskBand> bands,
      double rsOhms,
      Double rlOhms,
      String attenuationReference) {}

  /**
   * A band of the mask: {@code pass} (at most limit dB) or {@code stop} (at least); high null = ∞.
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record MaskBand(String kind, double lowHz, Double highHz, double limitDb) {}
}
