package org.zged.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Array helpers that keep every tensor the network computes with in memory owned by the native
 * engine. On the PyTorch engine DJL builds arrays from Java values by wrapping Java direct buffers;
 * a tensor whose Java wrapper is closed (or collected) while PyTorch still holds the tensor then
 * points at freed memory. That is what made backward passes occasionally read garbage (see
 * docs/model.md, "Found and fixed").
 */
public final class Tensors {
  private Tensors() {}

  /** A new array holding {@code values}, copied once into native memory. */
  public static NDArray of(NDManager manager, float[] values, Shape shape) {
    NDArray wrapped = manager.create(values, shape);
    NDArray copy = wrapped.duplicate();
    wrapped.close();
    return copy;
  }

  /**
   * {@code x · v} for a tensor on the autograd path. DJL's {@code mul(Number)} wraps the scalar in
   * a Java direct buffer and closes it right after the product, but autograd keeps the scalar to
   * compute the gradient later, by which time the garbage collector may have freed its memory: the
   * backward pass then read garbage (rare, run-dependent gradients of 10²⁵ and more, then NaN).
   * This scalar lives in native memory, in x's manager, until that manager closes.
   */
  public static NDArray mul(NDArray x, double v) {
    return x.mul(scalar(x, v));
  }

  /** {@code x / v} for a tensor on the autograd path; see {@link #mul(NDArray, double)}. */
  public static NDArray div(NDArray x, double v) {
    return x.div(scalar(x, v));
  }

  private static NDArray scalar(NDArray like, double v) {
    return of(like.getManager(), new float[] {(float) v}, new Shape());
  }

  /** Sets every element to 0, also NaN or infinite ones (which 0·x would keep). */
  public static void clear(NDArray a) {
    a.set(new ai.djl.ndarray.index.NDIndex("..."), 0f);
  }

  /**
   * Copies {@code values} into {@code target}'s existing storage. {@code NDArray.set(float[])} is
   * avoided: it re-points the tensor at a Java direct buffer instead of copying, leaving a
   * parameter's memory to the garbage collector. In-place arithmetic writes into the tensor's own
   * storage. The target must hold finite values (0·NaN would stay NaN); every caller passes freshly
   * initialised arrays.
   */
  public static void copyInto(NDArray target, float[] values) {
    try (NDManager tmp = target.getManager().newSubManager()) {
      NDArray src = tmp.create(values, target.getShape());
      // mul_/add_ write into target's own storage; an indexed put may alias the source.
      target.muli(0f).addi(src);
    }
  }
}
