package org.zged.generate;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import org.hipparchus.complex.Complex;
import org.zged.fit.SpecTarget;
import org.zged.mask.MaskJson;

/**
 * The validated target echoed back; untargeted specs are omitted. Roots as [re, im] in rad/s. A
 * mask target has {@code mask} ({@code {"bands": [...]}}, sorted by frequency) and the prototype's
 * poles and zeros instead of fc/Q/gain.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TargetReport(
    String type,
    Double fcHz,
    Double q,
    Double gain,
    List<double[]> poles,
    List<double[]> zeros,
    JsonNode mask,
    List<double[]> prototypePoles,
    List<double[]> prototypeZeros) {

  public static TargetReport of(SpecTarget t) {
    return new TargetReport(
        t.type() == null ? null : t.type().label(),
        t.fcHz(),
        t.q(),
        t.gain(),
        t.isPoleZero() ? pairs(t.poles()) : null,
        t.isPoleZero() ? pairs(t.zeros()) : null,
        null,
        null,
        null);
  }

  /** A mask target: its bands (as read) and the prototype the search conditioned on. */
  public static TargetReport of(MaskGoal g) {
    return new TargetReport(
        g.mask().type().label(),
        null,
        null,
        null,
        null,
        null,
        MaskJson.toJson(g.mask()),
        pairs(g.prototype().poles()),
        pairs(g.prototype().zeros()));
  }

  static List<double[]> pairs(List<Complex> roots) {
    return roots.stream().map(c -> new double[] {c.getReal(), c.getImaginary()}).toList();
  }
}
