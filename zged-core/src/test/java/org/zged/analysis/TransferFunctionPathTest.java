package org.zged.analysis;

import org.hipparchus.complex.Complex;
import org.zged.circuit.Circuit;

/** The expanded coefficients: {@link TransferFunction#evaluate} by Horner's rule. */
class TransferFunctionPathTest extends AnalysisPathContract {
  @Override
  Complex[] h(Circuit circuit, double[] freqHz) {
    TransferFunction tf = CircuitAnalyzer.transferFunction(circuit);
    Complex[] out = new Complex[freqHz.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = tf.evaluate(2 * Math.PI * freqHz[i]);
    }
    return out;
  }

  @Override
  double tolerance() {
    // expanded coefficients lose a few digits far from the roots; still far inside ngspice's 1e-6
    return 1e-8;
  }
}
