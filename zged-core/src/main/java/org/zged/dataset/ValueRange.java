package org.zged.dataset;

import java.util.SplittableRandom;
import org.zged.circuit.ElementKind;

/**
 * One independently sampled component value of a family: log-uniform between {@code 10^log10Min}
 * and {@code 10^log10Max} in SI units. Values are rounded to {@link #SIGNIFICANT_DIGITS}
 * significant digits so that the dataset file holds them exactly.
 */
public record ValueRange(String name, ElementKind kind, double log10Min, double log10Max) {
  /** Digits kept of a sampled value: finer than any real part tolerance, short in the file. */
  public static final int SIGNIFICANT_DIGITS = 6;

  public ValueRange {
    if (!(log10Min <= log10Max)) {
      throw new IllegalArgumentException(name + ": empty range");
    }
  }

  /**
   * A log-uniform draw. StrictMath (not Math) so that every JVM on every CPU computes the same
   * bits, which the byte-identical dataset files depend on.
   */
  public double sample(SplittableRandom rng) {
    double exponent = log10Min + (log10Max - log10Min) * rng.nextDouble();
    return DecimalText.round(StrictMath.pow(10, exponent), SIGNIFICANT_DIGITS);
  }

  public double min() {
    return StrictMath.pow(10, log10Min);
  }

  public double max() {
    return StrictMath.pow(10, log10Max);
  }

  public boolean contains(double value) {
    // Rounding to 6 digits may step just outside the exact bounds.
    double slack = 1e-5;
    return value >= min() * (1 - slack) && value <= max() * (1 + slack);
  }
}
