package org.zged.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.SplittableRandom;
import org.zged.circuit.EdgeClass;
import org.zged.model.ModelConfig;
import org.zged.model.PairSequence;

/**
 * The autoregressive part of {@code decoder.edge_path: autoregressive}: each upper slot pair's
 * class logits given z_topology, the node classes and the classes of the pairs before it in {@link
 * PairSequence} order, as one masked hidden layer (MADE). In training the true classes go in
 * (teacher forcing), so every pair's conditional comes out of one forward pass; a decode commits
 * the pairs one at a time ({@code org.zged.model.inference.DecoderForward}).
 *
 * <p>A factorised decoder has to put every detail of a 16-node graph into z and read each pair off
 * it independently; here a pair also sees what has been decided, so z need not spell out what the
 * earlier pairs already imply (D-VAE's reason for decoding graphs sequentially). The output layer
 * starts at 0, so an untrained network is the direct path alone.
 */
public final class AutoregressiveEdges extends ZgedBlock {
  private final int n;
  private final int pairs;
  private final int hidden;
  private final Parameter input; // [P·8, H], masked
  private final Parameter latent; // [topology_dims, H]
  private final Dense nodes; // [n·5, H]; its bias is the hidden layer's
  private final Parameter output; // [H, P·8], masked
  private final float[] inputMask;
  private final float[] outputMask;
  private final float[] gather;

  public AutoregressiveEdges(ModelConfig cfg) {
    n = cfg.maxNodes();
    pairs = PairSequence.pairs(n);
    hidden = hiddenUnits(cfg);
    int k = EdgeClass.COUNT;
    input = weight("input", (long) pairs * k, hidden);
    latent = weight("latent", cfg.topologyDims(), hidden);
    nodes = addChildBlock("nodes", new Dense(n * cfg.nodeClasses(), hidden));
    output = weight("output", hidden, (long) pairs * k);
    inputMask = PairSequence.inputMask(pairs, k, hidden);
    outputMask = PairSequence.outputMask(pairs, k, hidden);
    gather = PairSequence.selection(n, false);
  }

  /** The hidden width: half of decoder_hidden. */
  public static int hiddenUnits(ModelConfig cfg) {
    return Math.max(1, cfg.decoderHidden() / 2);
  }

  /**
   * @param zTopo [B, topology_dims]
   * @param nodeClasses one-hot node classes [B, n, 5]
   * @param edgeClasses one-hot edge classes [B, n, n, 8] (only the upper pairs are read)
   * @return the autoregressive logits [B, P·8]
   */
  public NDArray apply(
      ParameterStore ps,
      NDArray zTopo,
      NDArray nodeClasses,
      NDArray edgeClasses,
      boolean training) {
    NDManager m = zTopo.getManager();
    long b = zTopo.getShape().get(0);
    int k = EdgeClass.COUNT;
    NDArray g = Tensors.of(m, gather, new Shape((long) n * n, pairs));
    NDArray upper =
        edgeClasses
            .reshape(b, (long) n * n, k)
            .transpose(0, 2, 1)
            .reshape(b * k, (long) n * n)
            .matMul(g)
            .reshape(b, k, pairs)
            .transpose(0, 2, 1)
            .reshape(b, (long) pairs * k);
    NDArray w1 =
        value(ps, input, zTopo, training)
            .mul(Tensors.of(m, inputMask, new Shape((long) pairs * k, hidden)));
    NDArray w2 =
        value(ps, output, zTopo, training)
            .mul(Tensors.of(m, outputMask, new Shape(hidden, (long) pairs * k)));
    // results of ops on a parameter land in the model's manager; keep them in the step's
    w1.attach(m);
    w2.attach(m);
    NDArray h =
        upper
            .matMul(w1)
            .add(zTopo.matMul(value(ps, latent, zTopo, training)))
            .add(
                nodes.apply(
                    ps,
                    nodeClasses.reshape(b, (long) n * nodeClasses.getShape().get(2)),
                    training));
    return Activation.relu(h).matMul(w2);
  }

  @Override
  public void initialize(SplittableRandom rng) {
    super.initialize(rng);
    Tensors.copyInto(output.getArray(), new float[(int) output.getArray().getShape().size()]);
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList in, boolean training, PairList<String, Object> params) {
    return new NDList(apply(ps, in.get(0), in.get(1), in.get(2), training));
  }
}
