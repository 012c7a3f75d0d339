package org.zged.model.loss;

import ai.djl.ndarray.NDArray;

/**
 * Symmetric Chamfer distance between predicted and true root sets (squared Euclidean distance of
 * normalised points). Both sets are masked by the true presence mask: roots sit in the first k
 * slots, and the prediction is read from the same k slots (whether a slot exists at all is taught
 * by the presence logits). Per sample: mean over true points of the nearest predicted point plus
 * mean over predicted points of the nearest true point; a sample with no true roots contributes 0.
 * The same distance as {@link org.zged.eval.Chamfer} (the evaluation's scalar version), written on
 * tensors because autograd needs them; {@code ChamferTwinsTest} checks they agree.
 */
public final class ChamferDistance {
  /** The distance added to absent slots, so that no minimum picks them. */
  public static final float ABSENT = 1e6f;

  private static final float BIG = ABSENT;

  private ChamferDistance() {}

  /**
   * @param pred [B,K,2]
   * @param truth [B,K,2]
   * @param mask [B,K]
   * @return per-sample distance [B]
   */
  public static NDArray between(NDArray pred, NDArray truth, NDArray mask) {
    return between(pred, truth, mask, mask.sum(new int[] {1}).maximum(1f));
  }

  /**
   * As {@link #between(NDArray, NDArray, NDArray)}, with the number of true roots per sample given
   * (at least 1, [B]), e.g. counted once on the Java side.
   */
  public static NDArray between(NDArray pred, NDArray truth, NDArray mask, NDArray count) {
    return between(pred, truth, mask, count, mask.neg().add(1f).mul(BIG));
  }

  /**
   * As {@link #between(NDArray, NDArray, NDArray, NDArray)}, with {@code (1 − mask)·}{@link
   * #ABSENT} [B,K] given too (made once per batch on the Java side: the same numbers).
   */
  public static NDArray between(
      NDArray pred, NDArray truth, NDArray mask, NDArray count, NDArray notMask) {
    NDArray d = pred.expandDims(2).sub(truth.expandDims(1)).square().sum(new int[] {3}); // [B,K,K]
    NDArray toTruth = d.add(notMask.expandDims(1)).min(new int[] {2}); // pred i → nearest truth
    NDArray toPred = d.add(notMask.expandDims(2)).min(new int[] {1}); // truth j → nearest pred
    return toTruth.mul(mask).sum(new int[] {1}).add(toPred.mul(mask).sum(new int[] {1})).div(count);
  }
}
