package org.zged.dataset;

import java.util.List;
import org.hipparchus.complex.Complex;
import org.zged.analysis.CircuitAnalyzer;
import org.zged.analysis.FilterSpecs;
import org.zged.analysis.FrequencyResponse;
import org.zged.circuit.Circuit;
import org.zged.circuit.CircuitGraph;

/**
 * One labelled circuit. Poles and zeros are in rad/s, {@code gain} is K in H(s) = K·Π(s − zᵢ)/Π(s −
 * pᵢ); every label comes from the exact analysis of {@code circuit}.
 */
public record CircuitRecord(
    String id,
    FilterFamily family,
    Split split,
    Circuit circuit,
    List<Complex> poles,
    List<Complex> zeros,
    double gain,
    FilterSpecs specs) {

  public CircuitRecord {
    poles = List.copyOf(poles);
    zeros = List.copyOf(zeros);
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
