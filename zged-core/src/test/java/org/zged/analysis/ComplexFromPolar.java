package org.zged.analysis;

import org.hipparchus.complex.Complex;

final class ComplexFromPolar {
  private ComplexFromPolar() {}

  static Complex of(double magnitude, double radians) {
    return new Complex(magnitude * Math.cos(radians), magnitude * Math.sin(radians));
  }
}
