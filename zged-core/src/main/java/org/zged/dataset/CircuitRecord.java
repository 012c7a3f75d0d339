package org.zged.dataset;

import java.util.List;
import org.hipparchus.complex.Complex;
import org.zged.analysis.CircuitAnalyzer;
import org.zged.analysis.FilterSpecs;
import org.zged.analysis.FrequencyResponse;
import org.zged.circuit.Circuit;
import org.zged.circuit.CircuitGraph;
import org.zged.graph.TopologySignature;

/**
 * One labelled circuit. Poles and zeros are in rad/s, {@code gain} is K in H(s) = K·Π(s − zᵢ)/Π(s −
 * pᵢ); every label comes from the exact analysis of {@code circuit}. {@code signature} is the key
 * of the circuit's canonical {@link TopologySignature} (computed when not given).
 */
public record CircuitRecord(
    String id,
    CircuitFamily family,
    Split split,
    Circuit circuit,
    List<Complex> poles,
    List<Complex> zeros,
    double gain,
    FilterSpecs specs,
    String signature) {

  public CircuitRecord {
    poles = List.copyOf(poles);
    zeros = List.copyOf(zeros);
    if (signature == null) {
      signature = TopologySignature.of(circuit).key();
    }
  }

  public CircuitRecord(
      String id,
      CircuitFamily family,
      Split split,
      Circuit circuit,
      List<Complex> poles,
      List<Complex> zeros,
      double gain,
      FilterSpecs specs) {
    this(id, family, split, circuit, poles, zeros, gain, specs, null);
  }

  /** The number of poles. */
  public int order() {
    return poles.size();
  }

  public CircuitGraph graph() {
    return CircuitGraph.of(circuit);
  }

  /**
   * The exact response on a grid, recomputed from the circuit (dataset files do not store it unless
   * written with {@code --with-response}).
   */
  public FrequencyResponse response(double[] freqHz) {
    return CircuitAnalyzer.response(circuit, freqHz);
  }
}
