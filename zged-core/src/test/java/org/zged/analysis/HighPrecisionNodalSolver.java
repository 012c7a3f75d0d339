package org.zged.analysis;

import java.math.BigDecimal;
import java.math.MathContext;
import org.hipparchus.complex.Complex;
import org.zged.analysis.reference.DecimalNodalSolve;
import org.zged.circuit.Circuit;

/**
 * A third opinion for the tests: V(vout) from the complex nodal equations solved directly in
 * 60-digit decimal arithmetic ({@link DecimalNodalSolve}). No polynomials, no scaling, no root
 * finding; it decides which of ngspice and the analysis is right where they disagree.
 */
final class HighPrecisionNodalSolver {
  private static final MathContext MC = new MathContext(60);
  private static final BigDecimal PI =
      new BigDecimal("3.14159265358979323846264338327950288419716939937510582097494459");

  private HighPrecisionNodalSolver() {}

  /** H(j·2πf), with ω = 2πf formed in 60 digits. */
  static Complex solve(Circuit circuit, double freqHz) {
    return DecimalNodalSolve.at(
        circuit, BigDecimal.ZERO, PI.multiply(new BigDecimal(2 * freqHz), MC), MC);
  }

  /** H(s) at a complex s = sigma + jω (rad/s), e.g. at a claimed pole or zero. */
  static Complex solveAt(Circuit circuit, Complex s) {
    return DecimalNodalSolve.at(circuit, s, MC);
  }
}
