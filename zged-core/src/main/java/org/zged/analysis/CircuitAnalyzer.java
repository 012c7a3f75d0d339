package org.zged.analysis;

import java.util.List;
import org.hipparchus.complex.Complex;
import org.zged.circuit.Circuit;
import org.zged.circuit.CircuitException;

/**
 * Exact small-signal analysis of a passive RLC filter: H(s) = V(vout)/V(vin) by modified nodal
 * analysis ({@link NodalSystem}, {@link NodalDeterminants}), poles and zeros with common factors
 * cancelled ({@link PoleZeroSet}), the response on any grid ({@link FactoredResponse}) and the
 * specs ({@link SpecCalculator}). Stateless and thread-safe.
 */
public final class CircuitAnalyzer {
  private CircuitAnalyzer() {}

  /**
   * @throws CircuitException when VIN or VOUT is missing, a value is not finite and positive, VOUT
   *     floats, or H(s) is identically 0
   */
  public static TransferFunction transferFunction(Circuit circuit) {
    return poleZero(circuit).toTransferFunction();
  }

  public static Analysis analyze(Circuit circuit) {
    PoleZeroSet pz = poleZero(circuit);
    return new Analysis(
        pz.toTransferFunction(), pz.poles(), pz.zeros(), pz.gain, SpecCalculator.of(pz));
  }

  /** The specs alone: skips building the transfer-function and Complex objects. */
  public static FilterSpecs specs(Circuit circuit) {
    return SpecCalculator.of(poleZero(circuit));
  }

  public static FilterSpecs specs(TransferFunction tf) {
    return SpecCalculator.of(PoleZeroSet.of(tf));
  }

  public static FrequencyResponse response(TransferFunction tf, double[] freqHz) {
    return response(new FactoredResponse(PoleZeroSet.of(tf)), freqHz);
  }

  /** The response of a circuit on a grid, without materialising anything but the result. */
  public static FrequencyResponse response(Circuit circuit, double[] freqHz) {
    return response(new FactoredResponse(poleZero(circuit)), freqHz);
  }

  static FrequencyResponse response(
      double gain, List<Complex> zeros, List<Complex> poles, double[] freqHz) {
    PoleZeroSet pz =
        new PoleZeroSet(
            real(zeros), imag(zeros), real(poles), imag(poles), gain, typicalScale(poles));
    return response(new FactoredResponse(pz), freqHz);
  }

  private static FrequencyResponse response(FactoredResponse fr, double[] freqHz) {
    double[] f = freqHz.clone();
    double[] db = new double[f.length];
    double[] ph = new double[f.length];
    fr.evaluate(f, db, ph);
    return new FrequencyResponse(f, db, ph);
  }

  static PoleZeroSet poleZero(Circuit circuit) {
    NodalSystem system = NodalSystem.of(circuit);
    NodalDeterminants det = NodalDeterminants.of(system);
    if (Polynomials.degree(det.denominator) < 0) {
      throw new CircuitException("the nodal equations are singular: V(vout) is not determined");
    }
    if (Polynomials.degree(det.numerator) < 0) {
      throw new CircuitException("H(s) is identically 0: VIN does not drive VOUT");
    }
    return PoleZeroSet.fromScaledPolynomials(det.numerator, det.denominator, system.omega0);
  }

  private static double[] real(List<Complex> roots) {
    double[] out = new double[roots.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = roots.get(i).getReal();
    }
    return out;
  }

  private static double[] imag(List<Complex> roots) {
    double[] out = new double[roots.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = roots.get(i).getImaginary();
    }
    return out;
  }

  private static double typicalScale(List<Complex> poles) {
    double s = 0;
    int n = 0;
    for (Complex p : poles) {
      if (p.norm() > 0) {
        s += Math.log(p.norm());
        n++;
      }
    }
    return n > 0 ? Math.exp(s / n) : 1;
  }
}
