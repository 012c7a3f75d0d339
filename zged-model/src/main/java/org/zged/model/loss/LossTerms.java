package org.zged.model.loss;

import ai.djl.ndarray.NDArray;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The loss of one batch, term by term (scalars). {@code total} is the weighted sum that is
 * back-propagated; {@link #weighted()} gives each term as it enters the total, for the per-epoch
 * shares.
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
    Map<String, Double> weighted) {

  /** Raw (unweighted) term values as doubles, by name. */
  public Map<String, Double> raw() {
    Map<String, Double> out = new LinkedHashMap<>();
    out.put("node", scalar(node));
    out.put("edge", scalar(edge));
    out.put("value", scalar(value));
    out.put("pole_chamfer", scalar(poleChamfer));
    out.put("zero_chamfer", scalar(zeroChamfer));
    out.put("tf_presence", scalar(presence));
    out.put("kl", scalar(kl));
    out.put("connectivity", scalar(connectivity));
    out.put("total", scalar(total));
    return out;
  }

  static double scalar(NDArray a) {
    return a.toType(ai.djl.ndarray.types.DataType.FLOAT64, false).getDouble();
  }
}
