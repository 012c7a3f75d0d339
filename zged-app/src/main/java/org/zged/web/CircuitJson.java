package org.zged.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hipparchus.complex.Complex;
import org.zged.analysis.FilterSpecs;
import org.zged.analysis.FrequencyResponse;
import org.zged.circuit.Circuit;
import org.zged.circuit.Element;

/**
 * JSON views of the core types, in the key names {@code zged simulate --json} uses: complex numbers
 * as [re, im] in rad/s, specs with lower-case response class and null for what does not apply,
 * non-finite numbers (|H| = 0 at a notch is −∞ dB) as null.
 */
public final class CircuitJson {
  private CircuitJson() {}

  public record ElementView(String name, String kind, String nodeA, String nodeB, double value) {
    static ElementView of(Element e) {
      return new ElementView(e.name(), e.kind().name(), e.nodeA(), e.nodeB(), e.value());
    }
  }

  public record ResponseView(double[] frequencyHz, Double[] magnitudeDb, Double[] phaseDeg) {}

  public static List<ElementView> elements(Circuit circuit) {
    return circuit.elements().stream().map(ElementView::of).toList();
  }

  public static List<double[]> complexList(List<Complex> values) {
    List<double[]> out = new ArrayList<>(values.size());
    for (Complex c : values) {
      out.add(new double[] {c.getReal(), c.getImaginary()});
    }
    return out;
  }

  public static Map<String, Object> specs(FilterSpecs s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("response_class", s.responseClass() == null ? null : s.responseClass().label());
    m.put("fc_hz", s.fcHz());
    m.put("f0_hz", s.f0Hz());
    m.put("q", s.q());
    m.put("bandwidth_hz", s.bandwidthHz());
    m.put("f_low_hz", s.fLowHz());
    m.put("f_high_hz", s.fHighHz());
    m.put("passband_gain", s.passbandGain());
    m.put("pole_q", s.poleQ());
    m.put("pole_f0_hz", s.poleF0Hz());
    m.put("lossless", s.lossless());
    m.replaceAll((k, v) -> v instanceof Double d && !Double.isFinite(d) ? null : v);
    return m;
  }

  public static ResponseView response(FrequencyResponse r) {
    return new ResponseView(
        r.frequencyHz(), finiteOrNull(r.magnitudeDb()), finiteOrNull(r.phaseDeg()));
  }

  private static Double[] finiteOrNull(double[] v) {
    Double[] out = new Double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = Double.isFinite(v[i]) ? v[i] : null;
    }
    return out;
  }
}
