package org.zged.model.loss;

/**
 * Weights of the VAE objective. {@code noEdgeWeight} is the class weight of the "no edge" class in
 * the joint edge cross-entropy (the other seven classes weigh 1), so the majority of empty pairs
 * does not drown the rare component classes.
 */
public record LossWeights(
    double reconstruction,
    double transferFunction,
    double kl,
    double connectivity,
    double noEdgeWeight,
    boolean gumbel) {}
