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

  public NDArray apply(ParameterStore ps, NDArray x, boolean training) {
    int last = x.getShape().dimension() - 1;
    NDArray mean = x.mean(new int[] {last}, true);
    NDArray centred = x.sub(mean);
    NDArray var = centred.square().mean(new int[] {last}, true);
    return centred
        .div(var.add(EPS).sqrt())
        .mul(value(ps, gamma, x, training))
        .add(value(ps, beta, x, training));
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    return new NDList(apply(ps, inputs.singletonOrThrow(), training));
  }
}
