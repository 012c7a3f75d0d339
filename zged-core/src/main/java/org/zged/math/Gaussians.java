package org.zged.math;

import java.util.SplittableRandom;

/**
 * Standard normal draws from a {@link SplittableRandom} by the Box–Muller transform: the one
 * Gaussian sampler of the project (training's reparameterisation noise, prior samples in
 * evaluation, {@code zged sample}, the generation benchmark).
 *
 * <p>Why not the JDK's {@code RandomGenerator.nextGaussian()} (a ziggurat, available on
 * SplittableRandom since Java 17): it draws a different stream from the same seed, and training
 * draws its ε here, so switching would make {@code configs/production.yaml} no longer reproduce the
 * shipped model bit for bit. This is the formula training has always used (u₁ kept above 10⁻³⁰⁰ so
 * the logarithm is finite), one cosine branch per pair of uniforms.
 */
public final class Gaussians {
  private Gaussians() {}

  public static double next(SplittableRandom rng) {
    double u1 = Math.max(rng.nextDouble(), 1e-300);
    double u2 = rng.nextDouble();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }
}
