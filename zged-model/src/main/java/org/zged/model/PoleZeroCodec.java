package org.zged.model;

import org.hipparchus.complex.Complex;

/**
 * Poles and zeros as points in the plane that a network can regress. A root p = |p|·e^{jθ} (rad/s)
 * becomes ρ·(cos θ, sin θ) with ρ = log10(1 + |p|) / {@value #DECADES}: the angle is kept exactly
 * (so the left/right half-plane and the damping survive), the magnitude is compressed to a signed
 * log scale that maps 0 rad/s to the origin and 10^8 rad/s to radius 1. The map is invertible.
 */
public final class PoleZeroCodec {
  /** Decades of |p| that span the unit radius. */
  public static final double DECADES = 8.0;

  private PoleZeroCodec() {}

  public static float[] encode(Complex root) {
    double mag = root.norm();
    if (mag == 0) {
      return new float[] {0f, 0f};
    }
    double rho = Math.log10(1 + mag) / DECADES;
    return new float[] {
      (float) (rho * root.getReal() / mag), (float) (rho * root.getImaginary() / mag)
    };
  }

  public static Complex decode(double x, double y) {
    double rho = Math.hypot(x, y);
    if (rho == 0) {
      return Complex.ZERO;
    }
    double mag = Math.pow(10, rho * DECADES) - 1;
    return new Complex(mag * x / rho, mag * y / rho);
  }
}
