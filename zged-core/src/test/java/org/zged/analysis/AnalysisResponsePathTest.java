package org.zged.analysis;

import org.hipparchus.complex.Complex;
import org.zged.circuit.Circuit;

/** The main path: {@link Analysis#response} from poles, zeros and gain. */
class AnalysisResponsePathTest extends AnalysisPathContract {
  @Override
  Complex[] h(Circuit circuit, double[] freqHz) {
    FrequencyResponse r = CircuitAnalyzer.analyze(circuit).response(freqHz);
    Complex[] out = new Complex[freqHz.length];
    for (int i = 0; i < out.length; i++) {
      double mag = Math.pow(10, r.magnitudeDb()[i] / 20);
      out[i] = ComplexFromPolar.of(mag, Math.toRadians(r.phaseDeg()[i]));
    }
    return out;
  }
}
