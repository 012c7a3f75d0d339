package org.zged.model.loss;

import ai.djl.ndarray.NDArray;
import java.util.Map;

/**
 * The loss of one batch, term by term (scalars). {@code total} is the weighted sum that is
 * back-propagated; {@link #weighted()} gives each term as it enters the total, for the per-epoch
 * shares; {@link #raw()} the unweighted term values as doubles, by name ({@code node}, {@code
 * edge}, {@code value}, {@code pole_chamfer}, {@code zero_chamfer}, {@code tf_presence}, {@code
 * kl}, {@code connectivity}, {@code total}), read from the engine once.
 */
public record LossTerms(
    NDArray node,
    NDArray edge,
    NDArray value,
    NDArray poleChamfer,
    NDArray zeroChamfer,
    NDArray presence,
    NDArray kl,
    NDArray connectivity,
    NDArray total,
    Map<String, Double> weighted,
    Map<String, Double> raw) {}
