package org.zged.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.zged.model.ModelConfig;

/**
 * Decodes the transfer-function part of the latent into a fixed number of pole and zero slots, each
 * a normalised point ({@link org.zged.model.PoleZeroCodec}) with a presence logit.
 */
public final class TransferFunctionHead extends ZgedBlock {
  private final ModelConfig cfg;
  private final Dense hidden1;
  private final Dense hidden2;
  private final Dense poles;
  private final Dense polePresence;
  private final Dense zeros;
  private final Dense zeroPresence;

  public TransferFunctionHead(ModelConfig cfg) {
    this.cfg = cfg;
    int hd = cfg.decoderHidden();
    hidden1 = addChildBlock("hidden1", new Dense(cfg.tfDims(), hd));
    hidden2 = addChildBlock("hidden2", new Dense(hd, hd));
    poles = addChildBlock("poles", new Dense(hd, 2 * cfg.maxPoles()));
    polePresence = addChildBlock("pole_presence", new Dense(hd, cfg.maxPoles()));
    zeros = addChildBlock("zeros", new Dense(hd, 2 * cfg.maxZeros()));
    zeroPresence = addChildBlock("zero_presence", new Dense(hd, cfg.maxZeros()));
  }

  /**
   * @param z the full latent [B,L]; only z[topology+values:] is read
   * @return pole points [B,P,2], pole presence logits [B,P], zero points [B,Z,2], zero logits [B,Z]
   */
  public NDList apply(ParameterStore ps, NDArray z, boolean training) {
    long b = z.getShape().get(0);
    int from = cfg.topologyDims() + cfg.valueDims();
    NDArray part = z.get(":, " + from + ":");
    NDArray h = Activation.relu(hidden1.apply(ps, part, training));
    h = Activation.relu(hidden2.apply(ps, h, training));
    return new NDList(
        poles.apply(ps, h, training).reshape(b, cfg.maxPoles(), 2),
        polePresence.apply(ps, h, training),
        zeros.apply(ps, h, training).reshape(b, cfg.maxZeros(), 2),
        zeroPresence.apply(ps, h, training));
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList in, boolean training, PairList<String, Object> params) {
    return apply(ps, in.singletonOrThrow(), training);
  }
}
