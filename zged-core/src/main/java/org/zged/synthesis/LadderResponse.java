package org.zged.synthesis;

import org.hipparchus.complex.Complex;
import org.zged.circuit.ElementKind;

/**
 * H(jω) = V(vout)/V(vin) of a ladder by one pass from the load to the source (voltage and current
 * carried along the arms). Independent of the nodal analysis, well conditioned at any order; used
 * to cross-check synthesised values and by the tolerance Monte Carlo's inner loop.
 */
public final class LadderResponse {
  private LadderResponse() {}

  public static Complex at(Ladder l, double omega) {
    Complex v = Complex.ONE;
    Complex i = Double.isInfinite(l.rl()) ? Complex.ZERO : new Complex(1 / l.rl());
    for (int k = l.arms().size() - 1; k >= 0; k--) {
      Arm a = l.arms().get(k);
      Complex z = impedance(a.branch(), omega);
      if (a.series()) {
        v = v.add(i.multiply(z));
      } else {
        i = i.add(v.divide(z));
      }
    }
    Complex vin = v.add(i.multiply(l.rs()));
    return Complex.ONE.divide(vin);
  }

  static Complex impedance(Branch b, double w) {
    if (b instanceof Branch.Part p) {
      return p.kind() == ElementKind.L
          ? new Complex(0, w * p.value())
          : new Complex(0, -1 / (w * p.value()));
    }
    if (b instanceof Branch.Series s) {
      Complex z = Complex.ZERO;
      for (Branch x : s.parts()) {
        z = z.add(impedance(x, w));
      }
      return z;
    }
    Complex y = Complex.ZERO;
    for (Branch x : ((Branch.Parallel) b).parts()) {
      y = y.add(Complex.ONE.divide(impedance(x, w)));
    }
    return Complex.ONE.divide(y);
  }
}
