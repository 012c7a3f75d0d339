package org.zged.model.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import java.util.LinkedHashMap;
import java.util.Map;
import org.zged.model.GraphBatch;
import org.zged.model.nn.Tensors;

/**
 * The training objective: reconstruction (node cross-entropy + class-weighted joint edge
 * cross-entropy + value MSE on present components only), transfer function (pole and zero Chamfer
 * distances + presence cross-entropy), KL divergence to N(0, I), and the connectivity penalty on
 * straight-through Gumbel samples of the edge classes (or on the edge probabilities when Gumbel
 * sampling is switched off).
 */
public final class VaeLoss {
  private final LossWeights w;

  public VaeLoss(LossWeights weights) {
    this.w = weights;
  }

  /**
   * @param out the {@link org.zged.model.nn.ZgedNetwork} outputs
   * @param gumbel Gumbel noise shaped like the edge log-probabilities (ignored when off)
   * @param temperature Gumbel-softmax temperature
   * @param klFactor KL warm-up factor in [0,1]
   */
  public LossTerms compute(
      NDList out, GraphBatch batch, NDArray gumbel, double temperature, double klFactor) {
    NDManager m = out.get(0).getManager();
    NDArray mu = out.get(0);
    NDArray logVar = out.get(1);
    NDArray nodeLogits = out.get(3);
    NDArray edgeLogProbs = out.get(4);
    NDArray values = out.get(5);

    NDArray nodeTargets = batch.nodeTargets(m);
    NDArray node = nodeLogits.logSoftmax(-1).mul(nodeTargets).sum(new int[] {-1}).neg().mean();

    NDArray edgeTargets = batch.edgeTargets(m);
    // The class weight of each pair's true class on real pairs, and its sum, from the batch's
    // Java arrays: the same numbers as one-hot targets × weights × pair mask, summed on tensors
    // (multiples of 1/2 and whole counts are exact in float32).
    float[] weights = batch.pairWeights((float) w.noEdgeWeight());
    float weightSum = 0;
    for (float x : weights) {
      weightSum += x;
    }
    long n = edgeLogProbs.getShape().get(1);
    NDArray pairWeight = Tensors.of(m, weights, new Shape(batch.size(), n, n));
    NDArray edgeCe = edgeLogProbs.mul(edgeTargets).sum(new int[] {-1}).neg();
    NDArray edge = Tensors.div(edgeCe.mul(pairWeight).sum(), Math.max(weightSum, 1e-6f));

    NDList in = batch.inputs(m);
    NDArray trueValues = in.get(2);
    NDArray presence = in.get(3);
    NDArray value =
        Tensors.div(
            values.sub(trueValues).square().mul(presence).sum(),
            Math.max(batch.presenceCount(), 1f));

    float absent = ChamferDistance.ABSENT;
    NDArray poleChamfer =
        ChamferDistance.between(
                out.get(7),
                in.get(4),
                in.get(5),
                batch.rootCounts(m, true),
                batch.rootAbsent(m, true, absent))
            .mean();
    NDArray zeroChamfer =
        ChamferDistance.between(
                out.get(9),
                in.get(6),
                in.get(7),
                batch.rootCounts(m, false),
                batch.rootAbsent(m, false, absent))
            .mean();
    NDArray presenceLoss =
        Tensors.div(bce(out.get(8), in.get(5)).add(bce(out.get(10), in.get(7))), 2);

    NDArray kl =
        Tensors.mul(logVar.add(1f).sub(mu.square()).sub(logVar.exp()).sum(new int[] {1}), -0.5)
            .mean();

    NDArray edgeSample =
        w.gumbel() ? GumbelSoftmax.sample(edgeLogProbs, gumbel, temperature) : edgeLogProbs.exp();
    NDArray adjacency = Tensors.of(m, new float[] {1f}, new Shape()).sub(edgeSample.get("..., 0"));
    NDArray connectivity = ConnectivityPenalty.of(adjacency, in.get(1), batch.upperPairs(m)).mean();

    NDArray recon = node.add(edge).add(value);
    NDArray tf = poleChamfer.add(zeroChamfer).add(presenceLoss);
    NDArray reconW = Tensors.mul(recon, w.reconstruction());
    NDArray tfW = Tensors.mul(tf, w.transferFunction());
    NDArray klW = Tensors.mul(kl, w.kl() * klFactor);
    NDArray connW = Tensors.mul(connectivity, w.connectivity());
    NDArray total = reconW.add(tfW).add(klW).add(connW);

    // every reported scalar in one read from the engine (was two calls per term)
    float[] v =
        ai.djl.ndarray.NDArrays.stack(
                new NDList(
                    node,
                    edge,
                    value,
                    poleChamfer,
                    zeroChamfer,
                    presenceLoss,
                    kl,
                    connectivity,
                    total,
                    reconW,
                    tfW,
                    klW,
                    connW))
            .toFloatArray();
    Map<String, Double> raw = new LinkedHashMap<>();
    String[] names = {
      "node",
      "edge",
      "value",
      "pole_chamfer",
      "zero_chamfer",
      "tf_presence",
      "kl",
      "connectivity",
      "total"
    };
    for (int i = 0; i < names.length; i++) {
      raw.put(names[i], (double) v[i]);
    }
    Map<String, Double> weighted = new LinkedHashMap<>();
    weighted.put("recon", (double) v[9]);
    weighted.put("tf", (double) v[10]);
    weighted.put("kl", (double) v[11]);
    weighted.put("connectivity", (double) v[12]);
    return new LossTerms(
        node,
        edge,
        value,
        poleChamfer,
        zeroChamfer,
        presenceLoss,
        kl,
        connectivity,
        total,
        weighted,
        raw);
  }

  /** Mean binary cross-entropy with logits. */
  static NDArray bce(NDArray logits, NDArray targets) {
    return Activation.softPlus(logits).sub(logits.mul(targets)).mean();
  }
}
