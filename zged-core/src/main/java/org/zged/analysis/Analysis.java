package org.zged.analysis;

import java.util.List;
import org.hipparchus.complex.Complex;

/**
 * Everything the exact analysis knows about a filter: H(s), its poles and zeros (rad/s, conjugate
 * pairs exact, ordered by magnitude), K in H(s) = K·Π(s − zᵢ)/Π(s − pᵢ), and the specs.
 */
public record Analysis(
    TransferFunction transferFunction,
    List<Complex> poles,
    List<Complex> zeros,
    double gain,
    FilterSpecs specs) {

  public Analysis {
    poles = List.copyOf(poles);
    zeros = List.copyOf(zeros);
  }

  /** The response on a grid, from the stored poles and zeros (no root finding). */
  public FrequencyResponse response(double[] freqHz) {
    return CircuitAnalyzer.response(gain, zeros, poles, freqHz);
  }

  public int order() {
    return poles.size();
  }
}
