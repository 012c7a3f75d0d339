package org.zged.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** Layer normalisation over the last axis with a learned scale and shift. */
public final class LayerNormBlock extends ZgedBlock {
  private static final float EPS = 1e-3f;
  private final Parameter gamma;
  private final Parameter beta;

  public LayerNormBlock(int dim) {
    gamma = vector("gamma", dim, Parameter.Type.GAMMA, 1f);
    beta = vector("beta", dim, Parameter.Type.BETA, 0f);
  }

  /**
   * {@code (x − mean) / sqrt(var + eps) · γ + β} over the last axis (var the biased variance), as
   * the engine's fused layer-norm kernel: one engine call and one backward node where the formula
   * written out took nine of each.
   */
  public NDArray apply(ParameterStore ps, NDArray x, boolean training) {
    long dim = x.getShape().get(x.getShape().dimension() - 1);
    return ai.djl.nn.norm.LayerNorm.layerNorm(
            x,
            new ai.djl.ndarray.types.Shape(dim),
            value(ps, gamma, x, training),
            value(ps, beta, x, training),
            EPS)
        .singletonOrThrow();
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    return new NDList(apply(ps, inputs.singletonOrThrow(), training));
  }
}
