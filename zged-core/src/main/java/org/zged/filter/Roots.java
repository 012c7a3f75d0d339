package org.zged.filter;

import java.util.List;
import org.hipparchus.complex.Complex;

/**
 * H(s) = gain · Π(s − zᵢ)/Π(s − pᵢ) in rad/s, conjugate pairs listed both; zeros at the origin are
 * listed like any other.
 */
public record Roots(double gain, List<Complex> zeros, List<Complex> poles) {
  public Roots {
    zeros = List.copyOf(zeros);
    poles = List.copyOf(poles);
  }

  /** ln |H(jω)| from the factors. */
  public double logMagnitude(double omega) {
    return Prototype.logMagnitude(gain, zeros, poles, omega);
  }

  public int order() {
    return poles.size();
  }
}
