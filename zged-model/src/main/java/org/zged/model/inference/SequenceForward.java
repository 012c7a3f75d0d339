package org.zged.model.inference;

import org.zged.circuit.EdgeClass;
import org.zged.model.ModelConfig;
import org.zged.model.PairSequence;

/**
 * {@link org.zged.model.nn.AutoregressiveEdges} in plain Java, one pair at a time. The hidden layer
 * is linear in the committed classes, so a decode keeps its pre-activation and, on each commit,
 * adds the weight row of the decided class (minus that of NONE, which every pair starts as): a
 * pair's logits then cost 8·H multiply-adds instead of a full pass over all P·8 inputs.
 */
final class SequenceForward {
  private static final int K = EdgeClass.COUNT;
  private final int n;
  private final int pairs;
  private final int hidden;
  private final float[] input; // masked [P·8, H]
  private final float[] latent; // [topology_dims, H]
  private final Affine nodes; // [n·5, H]
  private final float[] output; // masked [H, P·8]
  private final float[] allNone; // Σ over pairs of the NONE rows of input [H]

  SequenceForward(ModelConfig cfg, Weights w) {
    n = cfg.maxNodes();
    pairs = PairSequence.pairs(n);
    hidden = Math.max(1, cfg.decoderHidden() / 2);
    input =
        masked(
            w.get("decoder_edge_sequence_input", (long) pairs * K, hidden),
            PairSequence.inputMask(pairs, K, hidden));
    latent = w.get("decoder_edge_sequence_latent", cfg.topologyDims(), hidden);
    nodes = w.affine("decoder_edge_sequence_nodes", n * cfg.nodeClasses(), hidden);
    output =
        masked(
            w.get("decoder_edge_sequence_output", hidden, (long) pairs * K),
            PairSequence.outputMask(pairs, K, hidden));
    allNone = new float[hidden];
    for (int p = 0; p < pairs; p++) {
      for (int u = 0; u < hidden; u++) {
        allNone[u] += input[(p * K) * hidden + u];
      }
    }
  }

  private static float[] masked(float[] w, float[] mask) {
    float[] out = new float[w.length];
    for (int i = 0; i < w.length; i++) {
      out[i] = w[i] * mask[i];
    }
    return out;
  }

  /**
   * A decode of one latent.
   *
   * @param zTopo the latent's topology part
   * @param direct the direct path's logits of the upper pairs [P·8]
   * @param nodeClasses the n slots' classes
   */
  EdgeModel.Sequence start(float[] zTopo, float[] direct, int[] nodeClasses) {
    float[] oneHot = new float[n * 5];
    for (int i = 0; i < n; i++) {
      oneHot[i * 5 + nodeClasses[i]] = 1f;
    }
    float[] pre = nodes.apply(oneHot);
    for (int t = 0; t < zTopo.length; t++) {
      for (int u = 0; u < hidden; u++) {
        pre[u] = Math.fma(zTopo[t], latent[t * hidden + u], pre[u]);
      }
    }
    for (int u = 0; u < hidden; u++) {
      pre[u] += allNone[u];
    }
    return new State(pre, direct);
  }

  private final class State implements EdgeModel.Sequence {
    private final float[] pre;
    private final float[] direct;

    State(float[] pre, float[] direct) {
      this.pre = pre;
      this.direct = direct;
    }

    @Override
    public float[] logProbs(int i, int j) {
      int p = PairSequence.index(n, i, j);
      float[] out = new float[K];
      System.arraycopy(direct, p * K, out, 0, K);
      int stride = pairs * K;
      for (int u = 0; u < hidden; u++) {
        float a = pre[u];
        if (a > 0f) {
          int o = u * stride + p * K;
          for (int c = 0; c < K; c++) {
            out[c] = Math.fma(a, output[o + c], out[c]);
          }
        }
      }
      DecoderForward.logSoftmaxInPlace(out, 0, K);
      return out;
    }

    @Override
    public void commit(int i, int j, int cls) {
      if (cls == EdgeClass.NONE.ordinal()) {
        return;
      }
      int p = PairSequence.index(n, i, j);
      int row = (p * K + cls) * hidden;
      int none = (p * K) * hidden;
      for (int u = 0; u < hidden; u++) {
        pre[u] += input[row + u] - input[none + u];
      }
    }

    @Override
    public EdgeModel.Sequence copy() {
      return new State(pre.clone(), direct);
    }
  }
}
