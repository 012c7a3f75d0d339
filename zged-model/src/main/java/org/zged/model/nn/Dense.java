package org.zged.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** An affine map on the last axis, {@code x·W + b}, for inputs of any rank. */
public final class Dense extends ZgedBlock {
  private final Parameter w;
  private final Parameter b;

  public Dense(int in, int out) {
    w = weight("weight", in, out);
    b = vector("bias", out, Parameter.Type.BIAS, 0f);
  }

  /** The bias vector (for data-dependent initialisation). */
  public Parameter bias() {
    return b;
  }

  public NDArray apply(ParameterStore ps, NDArray x, boolean training) {
    return x.matMul(value(ps, w, x, training)).add(value(ps, b, x, training));
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    return new NDList(apply(ps, inputs.singletonOrThrow(), training));
  }
}
