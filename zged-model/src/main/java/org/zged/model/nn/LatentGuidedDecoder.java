package org.zged.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.zged.circuit.EdgeClass;
import org.zged.model.ModelConfig;
import org.zged.model.PairSequence;

/**
 * The decoder p(circuit | z). Node slots get a 5-way class (four node types or absent) from an MLP
 * on z. Every node pair (i, j) builds a query from learned slot embeddings (symmetric in i and j,
 * so the graph comes out undirected) plus a projection of z, and cross-attends to a set of latent
 * tokens: each latent part (topology, values, transfer function) is projected into {@code
 * tokensPerPart} tokens. Because the query differs per pair, so do the attention weights: each pair
 * reads the parts of the latent that matter for it. The attended context gives the pair's edge
 * class log-probabilities (one joint 8-way softmax, or an existence sigmoid times a 7-way kind
 * softmax when {@code edgeHead = separate}) and its three scaled values.
 */
public final class LatentGuidedDecoder extends ZgedBlock {
  private final ModelConfig cfg;
  private final Dense node1;
  private final Dense node2;
  private final Dense[] tokenProjections;
  private final Parameter slots;
  private final Dense pairQuery;
  private final Dense latentQuery;
  private final Dense keys;
  private final Dense values;
  private final Dense pair1;
  private final Dense pair2;
  private final Dense valuePair1;
  private final Dense valuePair2;
  private final Dense classHead;
  private final Dense existenceHead;
  private final Dense valueHead;
  // decoder.edge_path: direct
  private final Dense edge1;
  private final Dense edge2;
  // decoder.edge_path: shared
  private final Dense slotGen1;
  private final Dense slotGen2;
  private final Dense pairEdge1;
  private final Dense pairLatent;
  private final Dense pairEdge2;
  private final Parameter pairBias;
  private final SlotSelfAttention slotAttention;
  // decoder.edge_path: autoregressive (edge1, edge2 and the class layer as on the direct path)
  private final AutoregressiveEdges sequence;
  private final float[] scatter; // [P, n·n]: a pair's logits to (i, j) and (j, i)
  // decoder.value_path: edge
  private final Dense valueSlots;
  private final Dense valueLatent;
  private final Dense valueClass;
  private final Dense valueHidden;

  public LatentGuidedDecoder(ModelConfig cfg) {
    this.cfg = cfg;
    int n = cfg.maxNodes();
    int d = cfg.tokenDim();
    int hd = cfg.decoderHidden();
    int latent = cfg.latentDims();
    int topo = cfg.topologyDims();
    // The topology path (node slots, edge classes) reads z_topology only, so the topology group
    // alone decides the graph; the value path reads every group.
    node1 = addChildBlock("node1", new Dense(topo, hd));
    node2 = addChildBlock("node2", new Dense(hd, n * cfg.nodeClasses()));
    int[] parts = {cfg.topologyDims(), cfg.valueDims(), cfg.tfDims()};
    tokenProjections = new Dense[3];
    String[] names = {"tokens_topology", "tokens_values", "tokens_tf"};
    boolean attention = cfg.attention();
    if (attention) {
      for (int p = 0; p < 3; p++) {
        tokenProjections[p] = addChildBlock(names[p], new Dense(parts[p], cfg.tokensPerPart() * d));
      }
    }
    slots = attention || cfg.edgeValues() ? weight("slot_embedding", n, d) : null;
    pairQuery = attention ? addChildBlock("pair_query", new Dense(2 * d, d)) : null;
    latentQuery = attention ? addChildBlock("latent_query", new Dense(topo, d)) : null;
    keys = attention ? addChildBlock("keys", new Dense(d, d)) : null;
    values = attention ? addChildBlock("values", new Dense(d, d)) : null;
    if (cfg.sharedEdges()) {
      // One embedding per slot from z_topology (the output bias is each slot's own offset), then
      // one edge MLP, the same for every slot pair, on the pair's symmetric features: what the
      // network learns about an edge at one pair of positions serves every other pair.
      slotGen1 = addChildBlock("edge_slots1", new Dense(topo, hd));
      slotGen2 = addChildBlock("edge_slots2", new Dense(hd, n * d));
      slotAttention =
          cfg.slotAttention() ? addChildBlock("edge_attention", new SlotSelfAttention(d)) : null;
      pairEdge1 = addChildBlock("edge_pair1", new Dense(2 * d, d));
      pairLatent = addChildBlock("edge_pair_latent", new Dense(topo, d));
      pairEdge2 = addChildBlock("edge_pair2", new Dense(d, d));
      pairBias = vector("edge_pair_bias", (long) n * n * EdgeClass.COUNT, Parameter.Type.BIAS, 0f);
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
    sequence = ar ? addChildBlock("edge_sequence", new AutoregressiveEdges(cfg)) : null;
    scatter = ar ? transpose(PairSequence.selection(n, true), n * n, PairSequence.pairs(n)) : null;
    if (cfg.directEdges() || cfg.sharedEdges() || ar) {
      // Every pair's logits straight from z_topology: with canonical slots the pair (i, j) means
      // the same thing in every circuit, so an MLP can read it off the latent.
      pair1 = null;
      pair2 = null;
      edge1 = cfg.directEdges() || ar ? addChildBlock("edge1", new Dense(topo, hd)) : null;
      edge2 = cfg.directEdges() || ar ? addChildBlock("edge2", new Dense(hd, hd)) : null;
    } else {
      pair1 = addChildBlock("pair1", new Dense(2 * d, hd));
      pair2 = addChildBlock("pair2", new Dense(hd, hd));
      edge1 = null;
      edge2 = null;
    }
    if (cfg.edgeValues()) {
      valuePair1 = null;
      valuePair2 = null;
      // per-pair layers run on [B,n,n,width]: token_dim wide, not decoder_hidden (at 16 nodes a
      // 256-wide per-pair layer is most of a training step)
      valueSlots = addChildBlock("value_slots", new Dense(2 * d, d));
      valueLatent = addChildBlock("value_latent", new Dense(latent, d));
      valueClass = addChildBlock("value_class", new Dense(EdgeClass.COUNT, d));
      valueHidden = addChildBlock("value_hidden", new Dense(d, d));
    } else {
      valuePair1 = addChildBlock("value_pair1", new Dense(2 * d, hd));
      valuePair2 = addChildBlock("value_pair2", new Dense(hd, hd));
      valueSlots = null;
      valueLatent = null;
      valueClass = null;
      valueHidden = null;
    }
    if (cfg.sharedEdges()) {
      existenceHead = null;
      classHead = addChildBlock("edge_class", new Dense(d, EdgeClass.COUNT));
    } else if (cfg.directEdges()) {
      existenceHead = null;
      classHead = addChildBlock("edge_logits", new Dense(hd, n * n * EdgeClass.COUNT));
    } else if (ar) {
      // the upper pairs only: (j, i) is the same pair
      existenceHead = null;
      classHead =
          addChildBlock("edge_logits", new Dense(hd, PairSequence.pairs(n) * EdgeClass.COUNT));
    } else if (cfg.separateEdgeHead()) {
      existenceHead = addChildBlock("existence_head", new Dense(hd, 1));
      classHead = addChildBlock("kind_head", new Dense(hd, EdgeClass.COUNT - 1));
    } else {
      existenceHead = null;
      classHead = addChildBlock("class_head", new Dense(hd, EdgeClass.COUNT));
    }
    valueHead = addChildBlock("value_head", new Dense(cfg.edgeValues() ? d : hd, 3));
  }

  private static float[] transpose(float[] a, int rows, int cols) {
    float[] t = new float[a.length];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        t[c * rows + r] = a[r * cols + c];
      }
    }
    return t;
  }

  /**
   * @param z latent [B,L]
   * @return node logits [B,n,5], edge class log-probabilities [B,n,n,8], scaled values [B,n,n,3],
   *     attention weights [B,n·n,T] (zeros [B,n·n,1] when no path uses attention)
   */
  public NDList apply(ParameterStore ps, NDArray z, boolean training) {
    return apply(ps, z, null, training);
  }

  /**
   * @param teacher on the autoregressive edge path, the true classes the pairs are conditioned on:
   *     one-hot node classes [B,n,5] and edge classes [B,n,n,8] (teacher forcing); the values are
   *     then decoded given these edge classes. Ignored on the other paths.
   */
  public NDList apply(ParameterStore ps, NDArray z, NDList teacher, boolean training) {
    long b = z.getShape().get(0);
    int n = cfg.maxNodes();
    int d = cfg.tokenDim();
    NDArray zTopo = z.get(":, :" + cfg.topologyDims());
    NDArray nodeLogits =
        node2
            .apply(ps, Activation.relu(node1.apply(ps, zTopo, training)), training)
            .reshape(b, n, cfg.nodeClasses());

    NDArray attention = null;
    NDArray topoContext = null;
    NDArray context = null;
    NDArray query = null;
    NDArray symmetric = null;
    if (slots != null) {
      // Ops on a parameter would attach their results to the model's manager, where they would
      // pile up step after step; attach the slot views to the caller's (per-step) manager instead.
      NDArray s = value(ps, slots, z, training); // [n,d]
      NDArray si = s.expandDims(1); // [n,1,d]
      NDArray sj = s.expandDims(0); // [1,n,d]
      si.attach(z.getManager());
      sj.attach(z.getManager());
      symmetric = NDArrays.concat(-1, si.add(sj), si.mul(sj)); // [n,n,2d]
    }
    if (cfg.attention()) {
      int t = cfg.tokensPerPart();
      int[] bounds = {
        0, cfg.topologyDims(), cfg.topologyDims() + cfg.valueDims(), cfg.latentDims()
      };
      NDArray[] tokenParts = new NDArray[3];
      for (int p = 0; p < 3; p++) {
        NDArray part = z.get(":, " + bounds[p] + ":" + bounds[p + 1]);
        tokenParts[p] = tokenProjections[p].apply(ps, part, training).reshape(b, t, d);
      }
      NDArray tokens = NDArrays.concat(1, tokenParts); // [B,T,d]
      query =
          Activation.relu(
              pairQuery
                  .apply(ps, symmetric, training)
                  .expandDims(0)
                  .add(latentQuery.apply(ps, zTopo, training).reshape(b, 1, 1, d))); // [B,n,n,d]
      NDArray flatQuery = query.reshape(b, (long) n * n, d);
      NDArray k = keys.apply(ps, tokens, training);
      NDArray v = values.apply(ps, tokens, training);
      NDArray scores = Tensors.div(flatQuery.batchMatMul(k.transpose(0, 2, 1)), Math.sqrt(d));
      // Edge classes attend over the topology tokens only (the others masked out), values over
      // all of them. Masking keeps both attentions on the same full-size, contiguous kernels.
      int all = 3 * t;
      float[] hide = new float[all];
      java.util.Arrays.fill(hide, t, all, -1e9f);
      NDArray topoMask = Tensors.of(z.getManager(), hide, new Shape(1, 1, all));
      topoContext = scores.add(topoMask).softmax(-1).batchMatMul(v).reshape(b, n, n, d);
      attention = scores.softmax(-1);
      context = attention.batchMatMul(v).reshape(b, n, n, d);
    } else {
      attention = z.getManager().zeros(new Shape(b, (long) n * n, 1));
    }

    NDArray logProbs;
    if (slotGen1 != null) {
      NDArray h =
          slotGen2
              .apply(ps, Activation.relu(slotGen1.apply(ps, zTopo, training)), training)
              .reshape(b, n, d);
      if (slotAttention != null) {
        h = slotAttention.apply(ps, h, training);
      }
      NDArray hi = h.expandDims(2); // [B,n,1,d]
      NDArray hj = h.expandDims(1); // [B,1,n,d]
      NDArray pairFeatures = NDArrays.concat(-1, hi.add(hj), hi.mul(hj)); // [B,n,n,2d]
      NDArray f =
          Activation.relu(
              pairEdge1
                  .apply(ps, pairFeatures, training)
                  .add(pairLatent.apply(ps, zTopo, training).reshape(b, 1, 1, d)));
      f = Activation.relu(pairEdge2.apply(ps, f, training));
      NDArray logits =
          classHead
              .apply(ps, f, training)
              .reshape(b, (long) n * n * EdgeClass.COUNT)
              .add(value(ps, pairBias, z, training))
              .reshape(b, n, n, EdgeClass.COUNT);
      // the shared part is symmetric already; the per-pair bias becomes so by the same mean as
      // the direct path's logits
      logProbs = Tensors.mul(logits.add(logits.transpose(0, 2, 1, 3)), 0.5).logSoftmax(-1);
    } else if (sequence != null) {
      if (teacher == null) {
        throw new IllegalStateException(
            "the autoregressive edge path decodes pair by pair in Java (JavaInference), not here");
      }
      NDArray f = Activation.relu(edge1.apply(ps, zTopo, training));
      f = Activation.relu(edge2.apply(ps, f, training));
      NDArray upper =
          classHead
              .apply(ps, f, training)
              .add(sequence.apply(ps, zTopo, teacher.get(0), teacher.get(1), training));
      int p = PairSequence.pairs(n);
      int k = EdgeClass.COUNT;
      NDArray s = Tensors.of(z.getManager(), scatter, new Shape(p, (long) n * n));
      NDArray logits =
          upper
              .reshape(b, p, k)
              .transpose(0, 2, 1)
              .reshape(b * k, p)
              .matMul(s)
              .reshape(b, k, (long) n * n)
              .transpose(0, 2, 1)
              .reshape(b, n, n, k);
      logProbs = logits.logSoftmax(-1);
    } else if (edge1 != null) {
      NDArray f = Activation.relu(edge1.apply(ps, zTopo, training));
      f = Activation.relu(edge2.apply(ps, f, training));
      NDArray logits = classHead.apply(ps, f, training).reshape(b, n, n, EdgeClass.COUNT);
      // symmetric by construction: the pair (i, j) and (j, i) share the mean of their logits
      logProbs = Tensors.mul(logits.add(logits.transpose(0, 2, 1, 3)), 0.5).logSoftmax(-1);
    } else {
      NDArray f =
          Activation.relu(pair1.apply(ps, NDArrays.concat(-1, query, topoContext), training));
      f = Activation.relu(pair2.apply(ps, f, training));
      if (existenceHead != null) {
        NDArray e = existenceHead.apply(ps, f, training); // [B,n,n,1]
        NDArray kinds = classHead.apply(ps, f, training).logSoftmax(-1);
        NDArray logNone = Activation.softPlus(e).neg();
        NDArray logSome = Activation.softPlus(e.neg()).neg();
        logProbs = NDArrays.concat(-1, logNone, kinds.add(logSome));
      } else {
        logProbs = classHead.apply(ps, f, training).logSoftmax(-1);
      }
    }
    NDArray g;
    if (valueSlots != null) {
      // Values given the decoded topology: the pair's own slot features, its edge-class
      // probabilities and the latent.
      // (on the autoregressive path: the classes it was conditioned on, as the decode will)
      NDArray classProbs = sequence != null ? teacher.get(1) : logProbs.exp();
      g =
          valueSlots
              .apply(ps, symmetric, training)
              .expandDims(0)
              .add(valueLatent.apply(ps, z, training).reshape(b, 1, 1, d))
              .add(valueClass.apply(ps, classProbs, training));
      g = Activation.relu(valueHidden.apply(ps, Activation.relu(g), training));
    } else {
      g = Activation.relu(valuePair1.apply(ps, NDArrays.concat(-1, query, context), training));
      g = Activation.relu(valuePair2.apply(ps, g, training));
    }
    NDArray scaledValues = valueHead.apply(ps, g, training);
    return new NDList(nodeLogits, logProbs, scaledValues, attention);
  }

  /** The node-slot output layer (n·5 logits). */
  public Dense nodeOutput() {
    return node2;
  }

  /**
   * The joint 8-way class layer (on the shared edge path: the one every pair shares), the 7-way
   * kind layer of the separate head, or the direct edge path's layer of n·n·8 logits.
   */
  public Dense classOutput() {
    return classHead;
  }

  /** The autoregressive edge path's masked layer; null on the other paths. */
  public AutoregressiveEdges sequence() {
    return sequence;
  }

  /** The shared edge path's per-pair logit offsets [n·n·8]; null on the other paths. */
  public Parameter pairBias() {
    return pairBias;
  }

  /** The existence layer of the separate head; null for the joint head. */
  public Dense existenceOutput() {
    return existenceHead;
  }

  public Shape gridShape(long batch) {
    return new Shape(batch, cfg.maxNodes(), cfg.maxNodes());
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList in, boolean training, PairList<String, Object> params) {
    return apply(ps, in.singletonOrThrow(), training);
  }
}
