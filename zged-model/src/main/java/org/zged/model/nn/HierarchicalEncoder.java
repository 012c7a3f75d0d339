package org.zged.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.zged.model.ModelConfig;

/**
 * The encoder q(z | circuit): impedance-aware message passing over the dense node grid, then three
 * heads, each giving μ and log σ² of one part of the latent: topology (from the pooled node
 * embeddings), component values (from per-kind statistics of the scaled values plus the pooled
 * embeddings) and transfer function (a {@link PoleZeroSetEncoder} over the poles and zeros).
 */
public final class HierarchicalEncoder extends ZgedBlock {
  private static final float BIG = 1e3f;
  private final ModelConfig cfg;
  private final Dense embed;
  private final ImpedanceMessagePassing[] layers;
  private final Dense topo1;
  private final Dense topo2;
  private final Dense values1;
  private final Dense values2;
  private final PoleZeroSetEncoder tf;

  public HierarchicalEncoder(ModelConfig cfg) {
    this.cfg = cfg;
    int h = cfg.hidden();
    int w = cfg.decoderHidden() / 2;
    embed = addChildBlock("embed", new Dense(4, h));
    layers = new ImpedanceMessagePassing[cfg.messageLayers()];
    for (int i = 0; i < layers.length; i++) {
      layers[i] = addChildBlock("mp" + i, new ImpedanceMessagePassing(h));
    }
    int n = cfg.maxNodes();
    // slot readouts: every slot's embedding [n·h] plus the grid itself [n·n·3], in slot order
    int slotFeatures = n * h + n * n * 3;
    topo1 =
        addChildBlock("topology1", new Dense(2 * h + (cfg.slotReadout() ? slotFeatures : 0), w));
    topo2 = addChildBlock("topology2", new Dense(w, 2 * cfg.topologyDims()));
    values1 = addChildBlock("values1", new Dense(9 + h + (cfg.edgeValues() ? slotFeatures : 0), w));
    values2 = addChildBlock("values2", new Dense(w, 2 * cfg.valueDims()));
    tf =
        addChildBlock(
            "tf", new PoleZeroSetEncoder(w, cfg.tfDims(), cfg.maxPoles(), cfg.maxZeros()));
  }

  /**
   * @param in the {@link org.zged.model.GraphBatch#inputs} list
   * @return μ [B,L] and log σ² [B,L], parts in the order topology, values, transfer function
   */
  public NDList apply(ParameterStore ps, NDList in, boolean training) {
    NDArray nodeTypes = in.get(0);
    NDArray mask = in.get(1).expandDims(2); // [B,n,1]
    NDArray values = in.get(2);
    NDArray presence = in.get(3);
    NDArray exists = presence.sum(new int[] {3}, true).minimum(1f); // [B,n,n,1]
    NDArray h0 = embed.apply(ps, nodeTypes, training).mul(mask);
    // The topology part sees the graph and its component kinds, never their values: the same
    // layers run once with the values blanked, so equal topologies get equal topology latents.
    // Both passes run as one, on the batch stacked with its blanked copy ([2B,...]): every op of
    // a layer works on each circuit alone, so this is the same arithmetic in half the engine calls.
    long batch = values.getShape().get(0);
    NDArray both =
        layers.length == 0 ? h0 : stackedPasses(ps, h0, mask, values, presence, exists, training);
    NDArray h = layers.length == 0 ? h0 : both.get("0:" + batch);
    NDArray hs = layers.length == 0 ? h0 : both.get(batch + ":");
    NDArray count = mask.sum(new int[] {1}).maximum(1f);
    NDArray sumS = hs.sum(new int[] {1});
    NDArray pooled = NDArrays.concat(-1, sumS.div(count), Tensors.div(sumS, cfg.maxNodes()));
    long b = values.getShape().get(0);
    if (cfg.slotReadout()) {
      // With canonical slots each position means the same in every circuit, so the readout can
      // keep which node holds what instead of summing it away.
      pooled = NDArrays.concat(-1, pooled, hs.reshape(b, -1), presence.reshape(b, -1));
    }
    NDArray mean = h.sum(new int[] {1}).div(count);
    NDArray topo = topo2.apply(ps, Activation.relu(topo1.apply(ps, pooled, training)), training);

    NDArray kinds = presence.sum(new int[] {1, 2}); // [B,3]
    NDArray any = kinds.gt(0).toType(values.getDataType(), false);
    NDArray present = presence.mul(values);
    NDArray vMean = present.sum(new int[] {1, 2}).div(kinds.maximum(1f));
    NDArray absent = presence.neg().add(1f).mul(BIG).reshape(b, -1, 3);
    NDArray flat = values.reshape(b, -1, 3);
    NDArray vMax = flat.sub(absent).max(new int[] {1}).mul(any);
    NDArray vMin = flat.add(absent).min(new int[] {1}).mul(any);
    NDArray stats = NDArrays.concat(-1, vMean, vMin, vMax, mean);
    if (cfg.edgeValues()) {
      stats = NDArrays.concat(-1, stats, h.reshape(b, -1), present.reshape(b, -1));
    }
    NDArray val = values2.apply(ps, Activation.relu(values1.apply(ps, stats, training)), training);

    NDArray tfOut = tf.apply(ps, in.get(4), in.get(5), in.get(6), in.get(7), training);

    int t = cfg.topologyDims();
    int v = cfg.valueDims();
    int f = cfg.tfDims();
    NDArray mu =
        NDArrays.concat(-1, topo.get(":, :" + t), val.get(":, :" + v), tfOut.get(":, :" + f));
    NDArray logVar =
        NDArrays.concat(
            -1, topo.get(":, " + t + ":"), val.get(":, " + v + ":"), tfOut.get(":, " + f + ":"));
    return new NDList(mu, logVar);
  }

  /** The message-passing layers on [h0; h0] with [values; 0]: rows B.. are the blanked pass. */
  private NDArray stackedPasses(
      ParameterStore ps,
      NDArray h0,
      NDArray mask,
      NDArray values,
      NDArray presence,
      NDArray exists,
      boolean training) {
    NDArray h = NDArrays.concat(0, h0, h0);
    NDArray mask2 = NDArrays.concat(0, mask, mask);
    NDArray values2 = NDArrays.concat(0, values, values.zerosLike());
    NDArray presence2 = NDArrays.concat(0, presence, presence);
    NDArray exists2 = NDArrays.concat(0, exists, exists);
    for (ImpedanceMessagePassing layer : layers) {
      h = layer.apply(ps, h, mask2, values2, presence2, exists2, training);
    }
    return h;
  }

  public PoleZeroSetEncoder tfEncoder() {
    return tf;
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList in, boolean training, PairList<String, Object> params) {
    return apply(ps, in, training);
  }
}
