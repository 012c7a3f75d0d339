package org.zged.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.zged.model.ModelConfig;

/**
 * The whole VAE as one block: {@link HierarchicalEncoder}, {@link LatentGuidedDecoder} and {@link
 * TransferFunctionHead}. The forward pass takes the batch inputs plus the reparameterisation noise
 * ε (drawn by the caller from a seeded Java RNG) and returns μ, log σ², z and all decoder outputs.
 */
public final class ZgedNetwork extends ZgedBlock {
  private final ModelConfig cfg;
  private final HierarchicalEncoder encoder;
  private final LatentGuidedDecoder decoder;
  private final TransferFunctionHead tfHead;

  public ZgedNetwork(ModelConfig cfg) {
    this.cfg = cfg;
    encoder = addChildBlock("encoder", new HierarchicalEncoder(cfg));
    decoder = addChildBlock("decoder", new LatentGuidedDecoder(cfg));
    tfHead = addChildBlock("tf_head", new TransferFunctionHead(cfg));
  }

  /** Creates the parameters in {@code manager} and draws their initial values from {@code seed}. */
  public void create(NDManager manager, long seed) {
    initialize(manager, DataType.FLOAT32, new Shape(1));
    initialize(new SplittableRandom(seed));
  }

  public ModelConfig config() {
    return cfg;
  }

  public HierarchicalEncoder encoder() {
    return encoder;
  }

  public LatentGuidedDecoder decoder() {
    return decoder;
  }

  public TransferFunctionHead tfHead() {
    return tfHead;
  }

  /** Parameter counts per top-level part, plus "total". */
  public Map<String, Long> parameterCounts() {
    Map<String, Long> out = new LinkedHashMap<>();
    long total = 0;
    for (Pair<String, ai.djl.nn.Block> child : getChildren()) {
      long c = 0;
      for (Pair<String, Parameter> p : child.getValue().getParameters()) {
        c += p.getValue().getShape().size();
      }
      // DJL prefixes child names with their position ("01encoder"); report the plain name.
      out.put(child.getKey().replaceFirst("^\\d+", ""), c);
      total += c;
    }
    out.put("total", total);
    return out;
  }

  /**
   * @param in the batch inputs followed by ε [B,L] and, on the autoregressive edge path, the
   *     one-hot node [B,n,5] and edge [B,n,n,8] targets
   * @return μ, log σ², z, node logits, edge log-probabilities, scaled values, attention, pole
   *     points, pole logits, zero points, zero logits
   */
  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList in, boolean training, PairList<String, Object> params) {
    NDList inputs = new NDList(in.subList(0, 8));
    NDArray eps = in.get(8);
    NDList enc = encoder.apply(ps, inputs, training);
    NDArray mu = enc.get(0);
    NDArray logVar = enc.get(1);
    NDArray z = mu.add(Tensors.mul(logVar, 0.5).exp().mul(eps));
    NDList out = new NDList(mu, logVar, z);
    // the autoregressive edge path is conditioned on the true classes (teacher forcing)
    NDList teacher = cfg.autoregressiveEdges() ? new NDList(in.get(9), in.get(10)) : null;
    out.addAll(decoder.apply(ps, z, teacher, training));
    out.addAll(tfHead.apply(ps, z, training));
    return out;
  }
}
