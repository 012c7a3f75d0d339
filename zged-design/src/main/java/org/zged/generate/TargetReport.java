package org.zged.generate;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import org.hipparchus.complex.Complex;
import org.zged.fit.SpecTarget;

/** The validated target echoed back; untargeted specs are omitted. Roots as [re, im] in rad/s. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TargetReport(
    String type, Double fcHz, Double q, Double gain, List<double[]> poles, List<double[]> zeros) {

  public static TargetReport of(SpecTarget t) {
    return new TargetReport(
        t.type() == null ? null : t.type().label(),
        t.fcHz(),
        t.q(),
        t.gain(),
        t.isPoleZero() ? pairs(t.poles()) : null,
        t.isPoleZero() ? pairs(t.zeros()) : null);
  }

  static List<double[]> pairs(List<Complex> roots) {
    return roots.stream().map(c -> new double[] {c.getReal(), c.getImaginary()}).toList();
  }
}
