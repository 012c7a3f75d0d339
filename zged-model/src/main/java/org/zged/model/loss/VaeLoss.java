package org.zged.model.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Activation;
import java.util.LinkedHashMap;
import java.util.Map;
import org.zged.circuit.EdgeClass;
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
    NDArray pairMask = batch.pairMask(m);
    float[] classWeight = new float[EdgeClass.COUNT];
    java.util.Arrays.fill(classWeight, 1f);
    classWeight[0] = (float) w.noEdgeWeight();
    NDArray pairWeight =
        edgeTargets
            .matMul(Tensors.of(m, classWeight, new ai.djl.ndarray.types.Shape(EdgeClass.COUNT, 1)))
            .squeeze(-1)
            .mul(pairMask);
    NDArray edgeCe = edgeLogProbs.mul(edgeTargets).sum(new int[] {-1}).neg();
    NDArray edge = edgeCe.mul(pairWeight).sum().div(pairWeight.sum().maximum(1e-6f));

    NDList in = batch.inputs(m);
    NDArray trueValues = in.get(2);
    NDArray presence = in.get(3);
    NDArray value =
        values.sub(trueValues).square().mul(presence).sum().div(presence.sum().maximum(1f));

    NDArray poleChamfer = ChamferDistance.between(out.get(7), in.get(4), in.get(5)).mean();
    NDArray zeroChamfer = ChamferDistance.between(out.get(9), in.get(6), in.get(7)).mean();
    NDArray presenceLoss =
        Tensors.div(bce(out.get(8), in.get(5)).add(bce(out.get(10), in.get(7))), 2);

    NDArray kl =
        Tensors.mul(logVar.add(1f).sub(mu.square()).sub(logVar.exp()).sum(new int[] {1}), -0.5)
            .mean();

    NDArray edgeSample =
        w.gumbel() ? GumbelSoftmax.sample(edgeLogProbs, gumbel, temperature) : edgeLogProbs.exp();
    NDArray adjacency = edgeSample.get("..., 0").neg().add(1f);
    NDArray connectivity = ConnectivityPenalty.of(adjacency, in.get(1)).mean();

    NDArray recon = node.add(edge).add(value);
    NDArray tf = poleChamfer.add(zeroChamfer).add(presenceLoss);
    NDArray reconW = Tensors.mul(recon, w.reconstruction());
    NDArray tfW = Tensors.mul(tf, w.transferFunction());
    NDArray klW = Tensors.mul(kl, w.kl() * klFactor);
    NDArray connW = Tensors.mul(connectivity, w.connectivity());
    NDArray total = reconW.add(tfW).add(klW).add(connW);

    Map<String, Double> weighted = new LinkedHashMap<>();
    weighted.put("recon", LossTerms.scalar(reconW));
    weighted.put("tf", LossTerms.scalar(tfW));
    weighted.put("kl", LossTerms.scalar(klW));
    weighted.put("connectivity", LossTerms.scalar(connW));
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
        weighted);
  }

  /** Mean binary cross-entropy with logits. */
  static NDArray bce(NDArray logits, NDArray targets) {
    return Activation.softPlus(logits).sub(logits.mul(targets)).mean();
  }
}
