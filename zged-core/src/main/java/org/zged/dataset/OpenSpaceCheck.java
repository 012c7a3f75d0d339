package org.zged.dataset;

import org.hipparchus.complex.Complex;
import org.zged.analysis.Analysis;
import org.zged.analysis.ResponseClass;
import org.zged.analysis.TransferFunction;
import org.zged.circuit.Circuit;

/**
 * Whether a drawn circuit goes into the open space: electrically valid (VOUT driven and not
 * shorted, which the analysis checks, a finite response, poles in the closed left half-plane as a
 * passive circuit must have), a filter (a recognised filtering class: lowpass, highpass, bandpass
 * or bandstop; not allpass, which means no dip and no peak beyond 3 dB, nor other) of order 1–9,
 * and labelled confidently: the analysed H(jω) agrees with a direct nodal solve ({@link
 * DirectResponse}) to {@link #AGREEMENT} at three frequencies spanning its poles. The last test
 * rejects the large circuits whose polynomial analysis loses digits, rather than storing wrong
 * labels.
 */
final class OpenSpaceCheck {
  static final int MIN_ORDER = 1;
  static final int MAX_ORDER = 9;
  static final double AGREEMENT = 1e-6;

  private OpenSpaceCheck() {}

  /** Null when the circuit is kept, else why not. */
  static String problem(Circuit circuit, Analysis a) {
    return problem(circuit, a, MAX_ORDER);
  }

  /** The same with up to {@code maxOrder} poles (the ladder families have up to 18). */
  static String problem(Circuit circuit, Analysis a, int maxOrder) {
    int order = a.poles().size();
    if (order < MIN_ORDER || order > maxOrder) {
      return "order " + order + " is outside " + MIN_ORDER + ".." + maxOrder;
    }
    ResponseClass cls = a.specs().responseClass();
    if (cls == ResponseClass.OTHER || cls == ResponseClass.ALLPASS) {
      // ALLPASS here means "no dip and no peak beyond 3 dB": a network that does not filter
      return "no filtering response (" + cls.label() + ")";
    }
    if (!Double.isFinite(a.gain()) || a.gain() == 0) {
      return "gain " + a.gain();
    }
    double lo = Double.POSITIVE_INFINITY;
    double hi = 0;
    for (Complex p : a.poles()) {
      double m = p.norm();
      if (!Double.isFinite(m) || m == 0) {
        return "a pole at " + p;
      }
      if (p.getReal() > 1e-9 * m) {
        return "a right-half-plane pole " + p;
      }
      lo = Math.min(lo, m);
      hi = Math.max(hi, m);
    }
    for (Complex z : a.zeros()) {
      if (!Double.isFinite(z.norm())) {
        return "a zero at " + z;
      }
    }
    return disagreement(circuit, a.transferFunction(), lo, hi);
  }

  private static String disagreement(Circuit circuit, TransferFunction tf, double lo, double hi) {
    double[] omegas = {0.53 * lo, 1.07 * Math.sqrt(lo * hi), 1.91 * hi};
    DirectResponse direct = new DirectResponse(circuit);
    double[][] want = new double[omegas.length][];
    double scale = 0;
    for (int i = 0; i < omegas.length; i++) {
      want[i] = direct.at(omegas[i]);
      if (want[i] == null) {
        return "singular nodal equations at " + omegas[i] + " rad/s";
      }
      scale = Math.max(scale, Math.hypot(want[i][0], want[i][1]));
    }
    for (int i = 0; i < omegas.length; i++) {
      Complex got = tf.evaluate(omegas[i]);
      double err = Math.hypot(got.getReal() - want[i][0], got.getImaginary() - want[i][1]);
      if (!(err <= AGREEMENT * scale)) {
        return "H(j"
            + omegas[i]
            + ") from the analysis is "
            + got
            + ", a direct solve gives "
            + want[i][0]
            + (want[i][1] < 0 ? "" : "+")
            + want[i][1]
            + "j";
      }
    }
    return null;
  }
}
