package org.zged.model;

import org.zged.circuit.ElementKind;

/**
 * The fixed scaling of component values used by both the encoder's edge features and the decoder's
 * value targets: the admittance coefficient of each kind (G = 1/R, C, Γ = 1/L, summed over parallel
 * elements) as {@code (log10(coef) - center) / spread}. The centres and spreads put the dataset's
 * sampling ranges (R 10 Ω–100 kΩ, C 1 nF–1 µF, L 0.1–10 mH) roughly into [-1, 1]; they are
 * constants, not dataset statistics, so a model file means the same thing whatever data it meets.
 */
public final class ValueScaling {
  /** log10 centre of G (S), C (F) and Γ (1/H), indexed R, C, L. */
  static final double[] CENTER = {-3.0, -7.5, 3.0};

  /** log10 half-width of the same ranges. */
  static final double[] SPREAD = {2.0, 1.5, 1.0};

  private ValueScaling() {}

  /** Scaled feature of an admittance coefficient (must be > 0). */
  public static float scale(ElementKind kind, double coefficient) {
    int k = kind.ordinal();
    return (float) ((Math.log10(coefficient) - CENTER[k]) / SPREAD[k]);
  }

  /** The admittance coefficient back from a scaled feature. */
  public static double coefficient(ElementKind kind, double scaled) {
    int k = kind.ordinal();
    return Math.pow(10, scaled * SPREAD[k] + CENTER[k]);
  }
}
