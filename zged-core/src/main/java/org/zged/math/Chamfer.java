package org.zged.math;

import java.util.List;
import java.util.function.ToDoubleBiFunction;

/**
 * The nearest-neighbour mean at the heart of every Chamfer distance in the project: the mean over
 * {@code from} of the distance to the nearest element of {@code to}. The callers differ only in the
 * point distance and how they combine the two directions and treat empty sets, and each says why in
 * its own comment:
 *
 * <ul>
 *   <li>the VAE's training loss ({@code org.zged.model.loss.ChamferDistance}, on tensors because
 *       autograd needs them) and its evaluation twin ({@code org.zged.eval.Chamfer}): squared
 *       distance in the network's normalised root plane, sum of both directions;
 *   <li>the value fitter's objective ({@code PoleZeroObjective}): distance in rad/s over ω_ref,
 *       mean of both directions, so the result is a relative error;
 *   <li>the generator's neighbour search ({@code NeighbourSearch}): distance in (log frequency,
 *       angle), mean of both directions plus a count penalty.
 * </ul>
 */
public final class Chamfer {
  private Chamfer() {}

  /** Mean over {@code from} of the distance to the nearest point of {@code to} (both non-empty). */
  public static <T> double meanNearest(
      List<T> from, List<T> to, ToDoubleBiFunction<? super T, ? super T> distance) {
    if (from.isEmpty() || to.isEmpty()) {
      throw new IllegalArgumentException("Chamfer of an empty set");
    }
    double s = 0;
    for (T a : from) {
      double best = Double.POSITIVE_INFINITY;
      for (T b : to) {
        best = Math.min(best, distance.applyAsDouble(a, b));
      }
      s += best;
    }
    return s / from.size();
  }
}
