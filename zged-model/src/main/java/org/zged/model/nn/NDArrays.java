package org.zged.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/** Small tensor helpers shared by the blocks and the losses. */
public final class NDArrays {
  private NDArrays() {}

  public static NDArray concat(int axis, NDArray... parts) {
    return ai.djl.ndarray.NDArrays.concat(new NDList(parts), axis);
  }
}
