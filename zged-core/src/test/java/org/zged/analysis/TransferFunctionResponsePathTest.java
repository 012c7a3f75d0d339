package org.zged.analysis;

import org.hipparchus.complex.Complex;
import org.zged.circuit.Circuit;

/** Coefficients back to roots: {@link CircuitAnalyzer#response(TransferFunction, double[])}. */
class TransferFunctionResponsePathTest extends AnalysisPathContract {
  @Override
  Complex[] h(Circuit circuit, double[] freqHz) {
    FrequencyResponse r =
        CircuitAnalyzer.response(CircuitAnalyzer.transferFunction(circuit), freqHz);
    Complex[] out = new Complex[freqHz.length];
    for (int i = 0; i < out.length; i++) {
      out[i] =
          ComplexFromPolar.of(
              Math.pow(10, r.magnitudeDb()[i] / 20), Math.toRadians(r.phaseDeg()[i]));
    }
    return out;
  }

  @Override
  double tolerance() {
    return 1e-8;
  }
}
