package org.zged.generate;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import org.zged.analysis.CircuitAnalyzer;
import org.zged.analysis.FilterSpecs;
import org.zged.circuit.Circuit;
import org.zged.graph.TopologySignature;
import org.zged.model.DecodeResult;

/**
 * One decode, summarised for sample / interpolate / reconstruct: structural validity (and the
 * problems when invalid), the topology, the dataset family that has it (null = novel), and the
 * exact specs of the decoded values (null when the circuit is not valid or has no response class).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DecodedCircuit(
    boolean valid,
    List<String> problems,
    String topology,
    String family,
    List<ElementReport> elements,
    AchievedSpecs achieved) {

  public static DecodedCircuit of(DecodeResult d) {
    if (!d.valid()) {
      return new DecodedCircuit(false, d.problems(), null, null, null, null);
    }
    return of(d.circuit());
  }

  /** A valid circuit, tidied (see {@link CircuitTidy}) and analysed. */
  public static DecodedCircuit of(Circuit circuit) {
    Circuit c = CircuitTidy.tidy(circuit);
    String key = TopologySignature.of(c).key();
    AchievedSpecs specs = null;
    try {
      FilterSpecs s = CircuitAnalyzer.specs(c);
      specs = AchievedSpecs.of(s);
    } catch (RuntimeException e) {
      // An analysable topology can still have degenerate decoded values; leave the specs out.
    }
    return new DecodedCircuit(
        true, List.of(), key, KnownTopologies.familyOf(key), ElementReport.of(c), specs);
  }

  /** e.g. {@code rlc_lowpass lowpass fc 12.3 kHz R1 vin-n1 ...}. */
  public String oneLine() {
    if (!valid) {
      return "INVALID (" + String.join("; ", problems) + ")";
    }
    StringBuilder sb = new StringBuilder(family == null ? "novel" : family);
    if (achieved != null) {
      sb.append("  ").append(achieved.responseClass());
      Double f = achieved.fcHz() != null ? achieved.fcHz() : achieved.f0Hz();
      if (f != null) {
        sb.append(achieved.fcHz() != null ? "  fc " : "  f0 ").append(org.zged.fit.Units.hz(f));
      }
    }
    sb.append("  [");
    for (int i = 0; i < elements.size(); i++) {
      ElementReport e = elements.get(i);
      sb.append(i == 0 ? "" : ", ")
          .append(e.name())
          .append(' ')
          .append(e.nodes().get(0))
          .append('-')
          .append(e.nodes().get(1));
    }
    return sb.append(']').toString();
  }
}
