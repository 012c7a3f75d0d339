package org.zged.model.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.zged.model.nn.Tensors;

/**
 * Straight-through Gumbel-softmax: the forward value is the one-hot argmax of {@code (log p + g)/τ}
 * with Gumbel noise g, the backward pass sees the gradient of the tempered softmax. The noise is
 * drawn by the caller's Java RNG and fed in as an array, so a training step is reproducible.
 */
public final class GumbelSoftmax {
  private GumbelSoftmax() {}

  /** Standard Gumbel noise -log(-log U) of the given shape. */
  public static NDArray noise(NDManager m, Shape shape, SplittableRandom rng) {
    float[] g = new float[(int) shape.size()];
    for (int i = 0; i < g.length; i++) {
      double u = Math.max(rng.nextDouble(), 1e-12);
      g[i] = (float) -Math.log(-Math.log(u) + 1e-12);
    }
    return Tensors.of(m, g, shape);
  }

  /** A straight-through sample over the last axis of {@code logProbs}. */
  public static NDArray sample(NDArray logProbs, NDArray gumbel, double temperature) {
    NDArray soft = Tensors.div(logProbs.add(gumbel), temperature).softmax(-1);
    int last = soft.getShape().dimension() - 1;
    NDArray hard =
        soft.argMax(last).oneHot((int) soft.getShape().get(last)).toType(soft.getDataType(), false);
    return soft.add(hard.sub(soft).stopGradient());
  }
}
