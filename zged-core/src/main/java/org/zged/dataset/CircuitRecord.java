package org.zged.dataset;

import java.util.List;
import org.hipparchus.complex.Complex;
import org.zged.analysis.FilterSpecs;
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
}
