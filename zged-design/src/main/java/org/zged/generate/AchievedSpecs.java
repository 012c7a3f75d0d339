package org.zged.generate;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import org.zged.analysis.FilterSpecs;

/** The exact specs of a returned circuit; a spec that does not apply is null (never a default). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AchievedSpecs(
    String responseClass,
    Double fcHz,
    Double f0Hz,
    Double q,
    Double poleQ,
    Double bandwidthHz,
    Double passbandGain) {

  public static AchievedSpecs of(FilterSpecs s) {
    return new AchievedSpecs(
        s.responseClass().label(),
        s.fcHz(),
        s.f0Hz(),
        s.q(),
        s.poleQ(),
        s.bandwidthHz(),
        s.passbandGain());
  }
}
