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
  /**
   * Up to this many unknown node voltages the roots of the exact determinant polynomials are tried
   * first (about 5 µs for 3 unknowns); beyond, or when the self-check rejects them, the pencil
   * eigenvalues ({@link PencilPath}).
   */
  static final int POLYNOMIAL_PATH_MAX_UNKNOWNS = 8;

  /** Common roots cancelled on the second try: agreement to a few ulps of polished roots. */
  private static final double TIGHT_CANCEL = 1e-13;

  private CircuitAnalyzer() {}

  /**
   * @throws CircuitException when VIN or VOUT is missing, a value is not finite and positive, VOUT
   *     floats, or H(s) is identically 0
   */
  public static TransferFunction transferFunction(Circuit circuit) {
    return expanded(poleZero(circuit));
  }

  public static Analysis analyze(Circuit circuit) {
    PoleZeroSet pz = poleZero(circuit);
    return new Analysis(expanded(pz), pz.poles(), pz.zeros(), pz.gain, SpecCalculator.of(pz));
  }

  /**
   * H(s) with expanded coefficients in rad/s, for display: its coefficients are products of up to
   * 2n roots and can leave double precision where the roots themselves are fine.
   */
  private static TransferFunction expanded(PoleZeroSet pz) {
    try {
      return pz.toTransferFunction();
    } catch (IllegalArgumentException e) {
      throw new CircuitException(
          "the coefficients of H(s) in rad/s overflow double precision (poles near "
              + String.format(java.util.Locale.ROOT, "%.3g", pz.scale)
              + " rad/s, order "
              + pz.poleCount()
              + "); outside the range zged can analyse");
    }
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

  /**
   * Poles, zeros and gain of a circuit, verified: whatever path computed them, the factored H must
   * agree with a direct solve of the nodal equations ({@link SelfCheck}) or the analysis fails with
   * {@link AnalysisFailedException} instead of answering.
   */
  static PoleZeroSet poleZero(Circuit circuit) {
    NodalSystem system = NodalSystem.of(circuit);
    SelfCheck.Failure failure = null;
    if (system.size() <= POLYNOMIAL_PATH_MAX_UNKNOWNS) {
      try {
        // first with the usual cancellation of common roots, then with exact ones only: a tank
        // whose resonance barely shows in H (a pole–zero doublet 1e-10 apart) is not a common
        // factor, and the pencil may be less accurate for such a circuit than the polynomials
        for (double tolerance : new double[] {PoleZeroSet.CANCEL_TOLERANCE, TIGHT_CANCEL}) {
          PoleZeroSet fast = polynomialPath(system, tolerance);
          failure = SelfCheck.verify(system, fast);
          if (failure == null) {
            return fast;
          }
          if (fast.cancelled.length == 0) {
            break; // nothing was cancelled: a tighter tolerance gives the same set
          }
        }
      } catch (ArithmeticException | IllegalArgumentException e) {
        // no usable roots from the coefficients (overflow, no convergence): the pencil decides
      }
    }
    try {
      PencilPath.Roots polished = PencilPath.roots(system);
      // first with the usual cancellation of common roots, then with exact ones only (two
      // distinct roots closer than 1e-9 must not be taken for a common factor), then with
      // clusters taken for multiple roots
      for (PencilPath.Roots roots :
          new PencilPath.Roots[] {
            polished, polished.mergedClusters(1e-4), polished.mergedClusters(1e-2)
          }) {
        for (double tolerance : new double[] {PoleZeroSet.CANCEL_TOLERANCE, TIGHT_CANCEL}) {
          PoleZeroSet pencil = roots.toSet(tolerance);
          SelfCheck.Failure second = SelfCheck.verify(system, pencil);
          if (second == null) {
            return pencil;
          }
          failure = second;
        }
      }
    } catch (ArithmeticException e) {
      if (failure == null) {
        failure = new SelfCheck.Failure(0, 0, Double.NaN);
      }
    }
    throw new AnalysisFailedException(
        "exact analysis of "
            + name(circuit)
            + " failed its self-check ("
            + failure.describe()
            + "); no result is given rather than a wrong one");
  }

  /** Roots of the determinant polynomials: fast and exact for small, well-scaled circuits. */
  private static PoleZeroSet polynomialPath(NodalSystem system, double cancelTolerance) {
    NodalDeterminants det = NodalDeterminants.of(system);
    if (Polynomials.degree(det.denominator) < 0) {
      throw new CircuitException("the nodal equations are singular: V(vout) is not determined");
    }
    if (Polynomials.degree(det.numerator) < 0) {
      throw new CircuitException("H(s) is identically 0: VIN does not drive VOUT");
    }
    return PoleZeroSet.fromScaledPolynomials(
        det.numerator, det.denominator, system.omega0, system.axisTolerance(), cancelTolerance);
  }

  private static String name(Circuit circuit) {
    String t = circuit.title().strip();
    return t.isEmpty() ? "the circuit" : "circuit '" + t + "'";
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
