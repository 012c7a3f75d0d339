package org.zged.fit;

import org.zged.analysis.CircuitAnalyzer;
import org.zged.analysis.FilterSpecs;
import org.zged.analysis.TransferFunction;
import org.zged.circuit.Circuit;

/**
 * One exact analysis of a candidate: its transfer function and specs, or the reason it has none.
 * The fitter calls this many times per fit, so it never throws: a circuit the analysis rejects (for
 * example one whose VOUT floats once a value goes extreme) comes back with {@code failure}.
 */
record SpecEvaluator(TransferFunction transferFunction, FilterSpecs specs, String failure) {

  static SpecEvaluator analyse(Circuit c) {
    try {
      TransferFunction tf = CircuitAnalyzer.transferFunction(c);
      return new SpecEvaluator(tf, CircuitAnalyzer.specs(tf), null);
    } catch (RuntimeException e) {
      return new SpecEvaluator(null, null, e.getMessage() == null ? e.toString() : e.getMessage());
    }
  }

  boolean ok() {
    return failure == null;
  }
}
