package org.zged.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A DeepSets encoder of a transfer function's poles and zeros: a shared point network φ embeds
 * every normalised root (with a flag telling poles from zeros), masked sums pool each set, and ρ
 * maps the two pooled vectors plus the set sizes to μ and log σ² of the transfer-function latent.
 * Sums are permutation invariant, so the order in which roots are listed does not matter.
 */
public final class PoleZeroSetEncoder extends ZgedBlock {
  private final Dense phi1;
  private final Dense phi2;
  private final Dense rho1;
  private final Dense rho2;
  private final int maxPoles;
  private final int maxZeros;

  public PoleZeroSetEncoder(int width, int latent, int maxPoles, int maxZeros) {
    this.maxPoles = maxPoles;
    this.maxZeros = maxZeros;
    phi1 = addChildBlock("phi1", new Dense(3, width));
    phi2 = addChildBlock("phi2", new Dense(width, width));
    rho1 = addChildBlock("rho1", new Dense(2 * width + 2, width));
    rho2 = addChildBlock("rho2", new Dense(width, 2 * latent));
  }

  /** Returns [B, 2·latent]: μ then log σ². */
  public NDArray apply(
      ParameterStore ps,
      NDArray poles,
      NDArray poleMask,
      NDArray zeros,
      NDArray zeroMask,
      boolean training) {
    NDArray pooledPoles = pool(ps, poles, poleMask, 0f, training);
    NDArray pooledZeros = pool(ps, zeros, zeroMask, 1f, training);
    NDArray counts =
        NDArrays.concat(
            -1,
            poleMask.sum(new int[] {1}, true).div(maxPoles),
            zeroMask.sum(new int[] {1}, true).div(maxZeros));
    NDArray x = NDArrays.concat(-1, pooledPoles, pooledZeros, counts);
    return rho2.apply(ps, Activation.relu(rho1.apply(ps, x, training)), training);
  }

  private NDArray pool(ParameterStore ps, NDArray pts, NDArray mask, float flag, boolean training) {
    NDArray flagged = NDArrays.concat(-1, pts, mask.expandDims(2).mul(flag));
    NDArray e = Activation.relu(phi1.apply(ps, flagged, training));
    e = Activation.relu(phi2.apply(ps, e, training));
    return e.mul(mask.expandDims(2)).sum(new int[] {1});
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList in, boolean training, PairList<String, Object> params) {
    return new NDList(apply(ps, in.get(0), in.get(1), in.get(2), in.get(3), training));
  }
}
