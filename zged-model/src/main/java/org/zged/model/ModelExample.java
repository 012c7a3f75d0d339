package org.zged.model;

import java.util.List;
import org.hipparchus.complex.Complex;
import org.zged.analysis.Analysis;
import org.zged.analysis.CircuitAnalyzer;
import org.zged.circuit.Circuit;

/** One circuit with the poles and zeros of its transfer function: what the VAE encodes. */
public record ModelExample(Circuit circuit, List<Complex> poles, List<Complex> zeros) {
  public ModelExample {
    poles = List.copyOf(poles);
    zeros = List.copyOf(zeros);
  }

  /** A circuit with the poles and zeros of its exact transfer function. */
  public static ModelExample of(Circuit circuit) {
    Analysis a = CircuitAnalyzer.analyze(circuit);
    return new ModelExample(circuit, a.poles(), a.zeros());
  }
}
