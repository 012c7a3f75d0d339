package org.zged.model.inference;

import org.zged.circuit.EdgeClass;
import org.zged.model.ModelConfig;

/**
 * The forward pass of {@link org.zged.model.nn.LatentGuidedDecoder} in plain Java, step for step
 * (see that class for what each step means). It must change whenever that block changes; {@code
 * JavaInferenceTest} compares the two on random latents and weights and fails when they disagree.
 */
final class DecoderForward {
  private final ModelConfig cfg;
  private final Affine node1;
  private final Affine node2;
  private final Affine[] tokenProjections = new Affine[3];
  private final float[] slots; // [n, d]
  private final Affine pairQuery;
  private final Affine latentQuery;
  private final Affine keys;
  private final Affine values;
  private final Affine pair1;
  private final Affine pair2;
  private final Affine valuePair1;
  private final Affine valuePair2;
  private final Affine classHead;
  private final Affine existenceHead;
  private final Affine valueHead;
  private final float[] pairQueryOut; // pairQuery(symmetric slot features): independent of z
  private final Affine edge1;
  private final Affine edge2;
  private final Affine slotGen1;
  private final Affine slotGen2;
  private final Affine pairEdge1;
  private final Affine pairLatent;
  private final Affine pairEdge2;
  private final float[] pairBias; // [n·n·8]
  private final SlotAttention slotAttention;
  private final Affine valueLatent;
  private final Affine valueClass;
  private final Affine valueHidden;
  private final float[] valueSlotsOut; // valueSlots(symmetric slot features) [n·n·d]
  private final SequenceForward sequence; // decoder.edge_path: autoregressive

  DecoderForward(ModelConfig cfg, Weights w) {
    this.cfg = cfg;
    int n = cfg.maxNodes();
    int d = cfg.tokenDim();
    int hd = cfg.decoderHidden();
    int latent = cfg.latentDims();
    int topo = cfg.topologyDims();
    node1 = w.affine("decoder_node1", topo, hd);
    node2 = w.affine("decoder_node2", hd, n * cfg.nodeClasses());
    int[] parts = {cfg.topologyDims(), cfg.valueDims(), cfg.tfDims()};
    String[] names = {"tokens_topology", "tokens_values", "tokens_tf"};
    boolean attention = cfg.attention();
    slots = attention || cfg.edgeValues() ? w.get("decoder_slot_embedding", n, d) : null;
    if (attention) {
      for (int p = 0; p < 3; p++) {
        tokenProjections[p] = w.affine("decoder_" + names[p], parts[p], cfg.tokensPerPart() * d);
      }
      pairQuery = w.affine("decoder_pair_query", 2 * d, d);
      latentQuery = w.affine("decoder_latent_query", topo, d);
      keys = w.affine("decoder_keys", d, d);
      values = w.affine("decoder_values", d, d);
    } else {
      pairQuery = null;
      latentQuery = null;
      keys = null;
      values = null;
    }
    if (cfg.sharedEdges()) {
      slotGen1 = w.affine("decoder_edge_slots1", topo, hd);
      slotGen2 = w.affine("decoder_edge_slots2", hd, n * d);
      pairEdge1 = w.affine("decoder_edge_pair1", 2 * d, d);
      pairLatent = w.affine("decoder_edge_pair_latent", topo, d);
      pairEdge2 = w.affine("decoder_edge_pair2", d, d);
      pairBias = w.get("decoder_edge_pair_bias", (long) n * n * EdgeClass.COUNT);
      slotAttention =
          cfg.slotAttention() ? new SlotAttention(w, "decoder_edge_attention_", n, d) : null;
    } else {
      slotGen1 = null;
      slotGen2 = null;
      pairEdge1 = null;
      pairLatent = null;
      pairEdge2 = null;
      pairBias = null;
      slotAttention = null;
    }
    boolean ar = cfg.autoregressiveEdges();
    sequence = ar ? new SequenceForward(cfg, w) : null;
    if (cfg.directEdges() || ar) {
      edge1 = w.affine("decoder_edge1", topo, hd);
      edge2 = w.affine("decoder_edge2", hd, hd);
      pair1 = null;
      pair2 = null;
    } else if (cfg.sharedEdges()) {
      edge1 = null;
      edge2 = null;
      pair1 = null;
      pair2 = null;
    } else {
      edge1 = null;
      edge2 = null;
      pair1 = w.affine("decoder_pair1", 2 * d, hd);
      pair2 = w.affine("decoder_pair2", hd, hd);
    }
    if (cfg.edgeValues()) {
      valuePair1 = null;
      valuePair2 = null;
      Affine valueSlots = w.affine("decoder_value_slots", 2 * d, d);
      valueLatent = w.affine("decoder_value_latent", latent, d);
      valueClass = w.affine("decoder_value_class", EdgeClass.COUNT, d);
      valueHidden = w.affine("decoder_value_hidden", d, d);
      valueSlotsOut = valueSlots.apply(symmetricSlots(n, d));
    } else {
      valuePair1 = w.affine("decoder_value_pair1", 2 * d, hd);
      valuePair2 = w.affine("decoder_value_pair2", hd, hd);
      valueLatent = null;
      valueClass = null;
      valueHidden = null;
      valueSlotsOut = null;
    }
    if (cfg.sharedEdges()) {
      existenceHead = null;
      classHead = w.affine("decoder_edge_class", d, EdgeClass.COUNT);
    } else if (cfg.directEdges()) {
      existenceHead = null;
      classHead = w.affine("decoder_edge_logits", hd, n * n * EdgeClass.COUNT);
    } else if (ar) {
      existenceHead = null;
      classHead =
          w.affine(
              "decoder_edge_logits", hd, org.zged.model.PairSequence.pairs(n) * EdgeClass.COUNT);
    } else if (cfg.separateEdgeHead()) {
      existenceHead = w.affine("decoder_existence_head", hd, 1);
      classHead = w.affine("decoder_kind_head", hd, EdgeClass.COUNT - 1);
    } else {
      existenceHead = null;
      classHead = w.affine("decoder_class_head", hd, EdgeClass.COUNT);
    }
    valueHead = w.affine("decoder_value_head", cfg.edgeValues() ? d : hd, 3);
    w.requireAllUsed("decoder_");
    pairQueryOut = attention ? pairQuery.apply(symmetricSlots(n, d)) : null;
  }

  /** [n·n·2d]: for pair (i, j), slot_i + slot_j then slot_i · slot_j. */
  private float[] symmetricSlots(int n, int d) {
    float[] out = new float[n * n * 2 * d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        int o = (i * n + j) * 2 * d;
        for (int c = 0; c < d; c++) {
          float a = slots[i * d + c];
          float b = slots[j * d + c];
          out[o + c] = a + b;
          out[o + d + c] = a * b;
        }
      }
    }
    return out;
  }

  /**
   * @param z latents [B·L]
   * @return node logits [B·n·5], edge class log-probabilities [B·n·n·8], scaled values [B·n·n·3]
   */
  DecoderOutput apply(float[] z, int batch) {
    int n = cfg.maxNodes();
    int d = cfg.tokenDim();
    int latent = cfg.latentDims();
    int pairs = n * n;
    int t = cfg.tokensPerPart();
    int tokenCount = 3 * t;
    int topo = cfg.topologyDims();
    float[] zTopo = new float[batch * topo];
    for (int b = 0; b < batch; b++) {
      System.arraycopy(z, b * latent, zTopo, b * topo, topo);
    }
    float[] nodeLogits = node2.apply(Affine.relu(node1.apply(zTopo)));

    float[] query = null;
    float[] context = null;
    float[] topoContext = null;
    if (cfg.attention()) {
      query = new float[batch * pairs * d]; // [B, n·n, d]
      context = new float[batch * pairs * d];
      topoContext = new float[batch * pairs * d];
      attend(z, zTopo, batch, query, context, topoContext);
    }
    if (sequence != null) {
      return sequenceDecode(z, zTopo, nodeLogits, batch);
    }
    float[] logProbs;
    if (slotGen1 != null) {
      logProbs = directLogProbs(sharedLogits(zTopo, batch), batch);
    } else if (edge1 != null) {
      float[] f = Affine.relu(edge2.apply(Affine.relu(edge1.apply(zTopo))));
      logProbs = directLogProbs(classHead.apply(f), batch);
    } else {
      float[] f = Affine.relu(pair2.apply(Affine.relu(pair1.apply(joined(query, topoContext, d)))));
      logProbs = edgeLogProbs(f, batch * pairs);
    }
    if (valueLatent != null) {
      float[] probs = new float[logProbs.length];
      for (int i = 0; i < probs.length; i++) {
        probs[i] = (float) Math.exp(logProbs[i]);
      }
      return new DecoderOutput(nodeLogits, logProbs, edgeValues(z, probs, batch));
    }
    float[] g =
        Affine.relu(valuePair2.apply(Affine.relu(valuePair1.apply(joined(query, context, d)))));
    return new DecoderOutput(nodeLogits, logProbs, valueHead.apply(g));
  }

  /**
   * The autoregressive path: one {@link EdgeModel} per latent, and as the batch's outputs its
   * greedy decode (node argmax, then each pair's most likely class given the classes before it):
   * the log-probabilities of every pair given the greedy prefix, and the values of the greedy
   * graph.
   */
  private DecoderOutput sequenceDecode(float[] z, float[] zTopo, float[] nodeLogits, int batch) {
    int n = cfg.maxNodes();
    int latent = cfg.latentDims();
    int topo = cfg.topologyDims();
    int k = EdgeClass.COUNT;
    int upper = org.zged.model.PairSequence.pairs(n) * k;
    float[] direct = classHead.apply(Affine.relu(edge2.apply(Affine.relu(edge1.apply(zTopo)))));
    float[] logProbs = new float[batch * n * n * k];
    float[] values = new float[batch * n * n * 3];
    EdgeModel[] models = new EdgeModel[batch];
    float diagonal = (float) -Math.log(k); // the engine's log-softmax of zero logits
    for (int b = 0; b < batch; b++) {
      float[] zb = java.util.Arrays.copyOfRange(z, b * latent, (b + 1) * latent);
      float[] zt = java.util.Arrays.copyOfRange(zTopo, b * topo, (b + 1) * topo);
      float[] db = java.util.Arrays.copyOfRange(direct, b * upper, (b + 1) * upper);
      models[b] = sequenceModel(zb, zt, db);
      int[] nodes = new int[n];
      for (int i = 0; i < n; i++) {
        int o = (b * n + i) * 5;
        // as GraphDecoder's argmax: slots 0-2 are the terminals, later ones internal or absent
        nodes[i] = i < 3 ? i : nodeLogits[o + 4] > nodeLogits[o + 3] ? 4 : 3;
      }
      EdgeModel.Sequence seq = models[b].start(nodes);
      int[] classes = new int[n * n];
      int grid = b * n * n * k;
      for (int i = 0; i < n; i++) {
        java.util.Arrays.fill(
            logProbs, grid + (i * n + i) * k, grid + (i * n + i + 1) * k, diagonal);
        for (int j = i + 1; j < n; j++) {
          float[] lp = seq.logProbs(i, j);
          System.arraycopy(lp, 0, logProbs, grid + (i * n + j) * k, k);
          System.arraycopy(lp, 0, logProbs, grid + (j * n + i) * k, k);
          if (nodes[i] != 4 && nodes[j] != 4) {
            int c = 0;
            for (int x = 1; x < k; x++) {
              c = lp[x] > lp[c] ? x : c;
            }
            seq.commit(i, j, c);
            classes[i * n + j] = c;
            classes[j * n + i] = c;
          }
        }
      }
      System.arraycopy(models[b].values(classes), 0, values, b * n * n * 3, n * n * 3);
    }
    return new DecoderOutput(nodeLogits, logProbs, values, java.util.List.of(models));
  }

  private EdgeModel sequenceModel(float[] z, float[] zTopo, float[] direct) {
    return new EdgeModel() {
      @Override
      public EdgeModel.Sequence start(int[] nodeClasses) {
        return sequence.start(zTopo, direct, nodeClasses);
      }

      @Override
      public float[] values(int[] classes) {
        int k = EdgeClass.COUNT;
        float[] oneHot = new float[classes.length * k];
        for (int q = 0; q < classes.length; q++) {
          oneHot[q * k + classes[q]] = 1f;
        }
        return edgeValues(z, oneHot, 1);
      }

      @Override
      public boolean valuesFollowClasses() {
        return true;
      }
    };
  }

  /**
   * The edge value path: each pair's scaled values from its slot features, the latent and its class
   * probabilities [B·n·n·8].
   */
  private float[] edgeValues(float[] z, float[] probs, int batch) {
    int d = cfg.tokenDim();
    int pairs = cfg.maxNodes() * cfg.maxNodes();
    float[] lat = valueLatent.apply(z); // [B, d]
    float[] cls = valueClass.apply(probs); // [B·n·n, d]
    for (int b = 0; b < batch; b++) {
      for (int q = 0; q < pairs; q++) {
        int o = (b * pairs + q) * d;
        for (int c = 0; c < d; c++) {
          float x = valueSlotsOut[q * d + c] + lat[b * d + c] + cls[o + c];
          cls[o + c] = Math.max(x, 0f);
        }
      }
    }
    return valueHead.apply(Affine.relu(valueHidden.apply(cls)));
  }

  /**
   * The shared path's logits [B·n·n·8] before the symmetric mean: slot embeddings from z_topology,
   * the shared edge MLP on each pair's [h_i + h_j, h_i · h_j], plus the pair's own offset.
   */
  private float[] sharedLogits(float[] zTopo, int batch) {
    int n = cfg.maxNodes();
    int d = cfg.tokenDim();
    int pairs = n * n;
    float[] h = slotGen2.apply(Affine.relu(slotGen1.apply(zTopo))); // [B, n, d]
    if (slotAttention != null) {
      h = slotAttention.apply(h, batch);
    }
    float[] features = new float[batch * pairs * 2 * d];
    for (int b = 0; b < batch; b++) {
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          int o = ((b * n + i) * n + j) * 2 * d;
          int hi = (b * n + i) * d;
          int hj = (b * n + j) * d;
          for (int c = 0; c < d; c++) {
            features[o + c] = h[hi + c] + h[hj + c];
            features[o + d + c] = h[hi + c] * h[hj + c];
          }
        }
      }
    }
    float[] f = pairEdge1.apply(features); // [B·n·n, d]
    float[] lat = pairLatent.apply(zTopo); // [B, d]
    for (int b = 0; b < batch; b++) {
      for (int q = 0; q < pairs; q++) {
        int o = (b * pairs + q) * d;
        for (int c = 0; c < d; c++) {
          f[o + c] = Math.max(f[o + c] + lat[b * d + c], 0f);
        }
      }
    }
    float[] logits = classHead.apply(Affine.relu(pairEdge2.apply(f)));
    int per = pairs * EdgeClass.COUNT;
    for (int b = 0; b < batch; b++) {
      for (int k = 0; k < per; k++) {
        logits[b * per + k] += pairBias[k];
      }
    }
    return logits;
  }

  /** {@link org.zged.model.nn.SlotSelfAttention}: one attention step and one feed-forward step. */
  private static final class SlotAttention {
    private static final float EPS = 1e-3f; // LayerNormBlock's
    private final int n;
    private final int d;
    private final Affine query;
    private final Affine key;
    private final Affine value;
    private final Affine out;
    private final Affine ffn1;
    private final Affine ffn2;
    private final float[] gamma1;
    private final float[] beta1;
    private final float[] gamma2;
    private final float[] beta2;

    SlotAttention(Weights w, String prefix, int n, int d) {
      this.n = n;
      this.d = d;
      query = w.affine(prefix + "query", d, d);
      key = w.affine(prefix + "key", d, d);
      value = w.affine(prefix + "value", d, d);
      out = w.affine(prefix + "out", d, d);
      ffn1 = w.affine(prefix + "ffn1", d, d);
      ffn2 = w.affine(prefix + "ffn2", d, d);
      gamma1 = w.get(prefix + "norm1_gamma", d);
      beta1 = w.get(prefix + "norm1_beta", d);
      gamma2 = w.get(prefix + "norm2_gamma", d);
      beta2 = w.get(prefix + "norm2_beta", d);
    }

    /** h [B·n·d] → [B·n·d]. */
    float[] apply(float[] h, int batch) {
      float[] q = query.apply(h);
      float[] k = key.apply(h);
      float[] v = value.apply(h);
      float[] mixed = new float[h.length];
      float[] weights = new float[n];
      float scale = (float) Math.sqrt(d);
      for (int b = 0; b < batch; b++) {
        for (int i = 0; i < n; i++) {
          int qo = (b * n + i) * d;
          for (int j = 0; j < n; j++) {
            int ko = (b * n + j) * d;
            float dot = 0f;
            for (int c = 0; c < d; c++) {
              dot = Math.fma(q[qo + c], k[ko + c], dot);
            }
            weights[j] = dot / scale;
          }
          softmaxInPlace(weights);
          for (int j = 0; j < n; j++) {
            int vo = (b * n + j) * d;
            for (int c = 0; c < d; c++) {
              mixed[qo + c] = Math.fma(weights[j], v[vo + c], mixed[qo + c]);
            }
          }
        }
      }
      float[] a = out.apply(mixed);
      for (int i = 0; i < a.length; i++) {
        a[i] += h[i];
      }
      layerNorm(a, gamma1, beta1);
      float[] f = ffn2.apply(Affine.relu(ffn1.apply(a)));
      for (int i = 0; i < f.length; i++) {
        f[i] += a[i];
      }
      layerNorm(f, gamma2, beta2);
      return f;
    }

    /** In place over each row of d: (x − mean) / sqrt(var + eps) · γ + β, var the biased one. */
    private void layerNorm(float[] x, float[] gamma, float[] beta) {
      for (int r = 0; r < x.length / d; r++) {
        int o = r * d;
        double mean = 0;
        for (int c = 0; c < d; c++) {
          mean += x[o + c];
        }
        mean /= d;
        double var = 0;
        for (int c = 0; c < d; c++) {
          double t = x[o + c] - mean;
          var += t * t;
        }
        var /= d;
        float inv = (float) (1.0 / Math.sqrt(var + EPS));
        for (int c = 0; c < d; c++) {
          x[o + c] = (float) ((x[o + c] - mean) * inv) * gamma[c] + beta[c];
        }
      }
    }
  }

  /** The direct path: logits [B·n·n·8], averaged over (i, j) and (j, i), then log-softmax. */
  private float[] directLogProbs(float[] logits, int batch) {
    int n = cfg.maxNodes();
    int classes = EdgeClass.COUNT;
    float[] out = new float[logits.length];
    for (int b = 0; b < batch; b++) {
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          int o = ((b * n + i) * n + j) * classes;
          int t = ((b * n + j) * n + i) * classes;
          for (int c = 0; c < classes; c++) {
            out[o + c] = (logits[o + c] + logits[t + c]) * 0.5f;
          }
          logSoftmaxInPlace(out, o, classes);
        }
      }
    }
    return out;
  }

  /**
   * The cross-attention: pair queries, their context over all tokens and over the topology ones.
   */
  private void attend(
      float[] z, float[] zTopo, int batch, float[] query, float[] context, float[] topoContext) {
    int n = cfg.maxNodes();
    int d = cfg.tokenDim();
    int latent = cfg.latentDims();
    int pairs = n * n;
    int t = cfg.tokensPerPart();
    int tokenCount = 3 * t;
    int[] bounds = {0, cfg.topologyDims(), cfg.topologyDims() + cfg.valueDims(), latent};
    float[] tokens = new float[batch * tokenCount * d]; // [B, 3t, d]
    for (int p = 0; p < 3; p++) {
      int width = bounds[p + 1] - bounds[p];
      float[] part = new float[batch * width];
      for (int b = 0; b < batch; b++) {
        System.arraycopy(z, b * latent + bounds[p], part, b * width, width);
      }
      float[] proj = tokenProjections[p].apply(part); // [B, t·d]
      for (int b = 0; b < batch; b++) {
        System.arraycopy(proj, b * t * d, tokens, (b * tokenCount + p * t) * d, t * d);
      }
    }

    float[] lq = latentQuery.apply(zTopo); // [B, d]
    for (int b = 0; b < batch; b++) {
      for (int q = 0; q < pairs; q++) {
        for (int c = 0; c < d; c++) {
          query[(b * pairs + q) * d + c] = Math.max(pairQueryOut[q * d + c] + lq[b * d + c], 0f);
        }
      }
    }
    float[] k = keys.apply(tokens);
    float[] v = values.apply(tokens);
    float scale = (float) Math.sqrt(d);
    float[] scores = new float[tokenCount];
    float[] topoScores = new float[t];
    for (int b = 0; b < batch; b++) {
      for (int q = 0; q < pairs; q++) {
        int qo = (b * pairs + q) * d;
        for (int s = 0; s < tokenCount; s++) {
          int ko = (b * tokenCount + s) * d;
          float dot = 0f;
          for (int c = 0; c < d; c++) {
            dot = Math.fma(query[qo + c], k[ko + c], dot);
          }
          scores[s] = dot / scale;
        }
        // edge classes attend over the topology tokens (the first t) only, values over all
        System.arraycopy(scores, 0, topoScores, 0, t);
        softmaxInPlace(topoScores);
        for (int s = 0; s < t; s++) {
          int vo = (b * tokenCount + s) * d;
          for (int c = 0; c < d; c++) {
            topoContext[qo + c] = Math.fma(topoScores[s], v[vo + c], topoContext[qo + c]);
          }
        }
        softmaxInPlace(scores);
        for (int s = 0; s < tokenCount; s++) {
          int vo = (b * tokenCount + s) * d;
          for (int c = 0; c < d; c++) {
            context[qo + c] = Math.fma(scores[s], v[vo + c], context[qo + c]);
          }
        }
      }
    }
  }

  /** concat(query, context) per pair. */
  private static float[] joined(float[] query, float[] context, int d) {
    int rows = query.length / d;
    float[] out = new float[rows * 2 * d];
    for (int r = 0; r < rows; r++) {
      System.arraycopy(query, r * d, out, r * 2 * d, d);
      System.arraycopy(context, r * d, out, r * 2 * d + d, d);
    }
    return out;
  }

  private float[] edgeLogProbs(float[] f, int rows) {
    int classes = EdgeClass.COUNT;
    if (existenceHead == null) {
      float[] logits = classHead.apply(f);
      for (int r = 0; r < rows; r++) {
        logSoftmaxInPlace(logits, r * classes, classes);
      }
      return logits;
    }
    float[] e = existenceHead.apply(f);
    float[] kinds = classHead.apply(f);
    float[] out = new float[rows * classes];
    for (int r = 0; r < rows; r++) {
      logSoftmaxInPlace(kinds, r * (classes - 1), classes - 1);
      out[r * classes] = -softPlus(e[r]);
      float logSome = -softPlus(-e[r]);
      for (int c = 0; c < classes - 1; c++) {
        out[r * classes + 1 + c] = kinds[r * (classes - 1) + c] + logSome;
      }
    }
    return out;
  }

  /** PyTorch's softplus (β = 1, linear above 20). */
  private static float softPlus(float x) {
    return x > 20f ? x : (float) Math.log1p(Math.exp(x));
  }

  private static void softmaxInPlace(float[] x) {
    float max = Float.NEGATIVE_INFINITY;
    for (float v : x) {
      max = Math.max(max, v);
    }
    float sum = 0f;
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) Math.exp(x[i] - max);
      sum += x[i];
    }
    float inverse = 1f / sum;
    for (int i = 0; i < x.length; i++) {
      x[i] *= inverse;
    }
  }

  static void logSoftmaxInPlace(float[] x, int from, int len) {
    float max = Float.NEGATIVE_INFINITY;
    for (int i = from; i < from + len; i++) {
      max = Math.max(max, x[i]);
    }
    float sum = 0f;
    for (int i = from; i < from + len; i++) {
      sum += (float) Math.exp(x[i] - max);
    }
    float log = (float) Math.log(sum);
    for (int i = from; i < from + len; i++) {
      x[i] = x[i] - max - log;
    }
  }
}
