package org.zged.fit;

import java.util.ArrayList;
import java.util.List;
import org.zged.analysis.FilterSpecs;
import org.zged.analysis.ResponseClass;

/** Residuals ln(achieved/target) for each targeted response spec: fc (or f0), Q, gain. */
final class ResponseObjective implements Objective {
  private final SpecTarget target;
  private final int size;

  ResponseObjective(SpecTarget target) {
    this.target = target;
    this.size =
        (target.fcHz() != null ? 1 : 0)
            + (target.q() != null ? 1 : 0)
            + (target.gain() != null ? 1 : 0);
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public double[] residuals(SpecEvaluator ev) {
    double[] r = new double[size];
    java.util.Arrays.fill(r, PENALTY);
    if (!ev.ok()) {
      return r;
    }
    FilterSpecs s = ev.specs();
    ResponseClass cls = target.type() != null ? target.type() : s.responseClass();
    boolean classOk =
        target.type() == null
            ? SpecErrors.isFilterClass(s.responseClass())
            : target.type() == s.responseClass();
    if (!classOk) {
      return r;
    }
    List<Double[]> pairs = new ArrayList<>();
    if (target.fcHz() != null) {
      pairs.add(new Double[] {SpecErrors.frequency(cls, s), target.fcHz()});
    }
    if (target.q() != null) {
      pairs.add(new Double[] {SpecErrors.q(cls, s), target.q()});
    }
    if (target.gain() != null) {
      pairs.add(new Double[] {s.passbandGain(), target.gain()});
    }
    for (int i = 0; i < size; i++) {
      Double achieved = pairs.get(i)[0];
      if (achieved != null && achieved > 0 && Double.isFinite(achieved)) {
        r[i] = Math.log(achieved / pairs.get(i)[1]);
      }
    }
    return r;
  }

  @Override
  public double frequencyCorrection(SpecEvaluator ev) {
    if (!ev.ok() || target.fcHz() == null) {
      return 1;
    }
    FilterSpecs s = ev.specs();
    ResponseClass cls = target.type() != null ? target.type() : s.responseClass();
    if (target.type() != null && target.type() != s.responseClass()) {
      return 1;
    }
    Double f = SpecErrors.frequency(cls, s);
    return f == null || !(f > 0) || !Double.isFinite(f) ? 1 : target.fcHz() / f;
  }
}
