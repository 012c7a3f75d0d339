package org.zged.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/** Copies values into long-lived arrays (parameters, optimizer moments). */
public final class Tensors {
  private Tensors() {}

  /**
   * Copies {@code values} into {@code target}'s existing storage. {@code NDArray.set(float[])} is
   * avoided on purpose: on the PyTorch engine it re-points the tensor at a Java direct buffer
   * instead of copying, so a parameter's memory would be owned by the JVM's garbage collector; runs
   * that used it were not reproducible from the first run in a JVM and once turned to NaN
   * mid-training. A temporary source array and in-place arithmetic keep the memory native. The
   * target must hold finite values (0·NaN would stay NaN); every caller passes freshly initialised
   * arrays.
   */
  /**
   * A new array holding {@code values}, in memory owned by the native engine. {@code
   * NDManager.create(float[])} on the PyTorch engine wraps a Java direct buffer instead, and
   * gradients read through such inputs were occasionally garbage (huge values, then NaN); copying
   * once into native memory removed that.
   */
  public static NDArray of(NDManager manager, float[] values, Shape shape) {
    NDArray wrapped = manager.create(values, shape);
    NDArray copy = wrapped.duplicate();
    wrapped.close();
    return copy;
  }

  /** Sets every element to 0, also NaN or infinite ones (which 0·x would keep). */
  public static void clear(NDArray a) {
    a.set(new ai.djl.ndarray.index.NDIndex("..."), 0f);
  }

  public static void copyInto(NDArray target, float[] values) {
    try (NDManager tmp = target.getManager().newSubManager()) {
      NDArray src = tmp.create(values, target.getShape());
      // mul_/add_ write into target's own storage; an indexed put may alias the source.
      target.muli(0f).addi(src);
    }
  }
}
