package org.zged.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import org.zged.InputException;

/**
 * The architecture hyper-parameters of a {@link ZgedModel}; stored in every model file and
 * checkpoint so that a file always rebuilds the network it was trained with.
 *
 * @param maxNodes node slots of the padded grid (GND, VIN, VOUT, then internal nodes)
 * @param hidden width of the encoder's node embeddings
 * @param messageLayers impedance-aware message-passing layers
 * @param topologyDims latent dimensions of the topology part, z[0:topologyDims]
 * @param valueDims latent dimensions of the component-value part
 * @param tfDims latent dimensions of the transfer-function part
 * @param tokensPerPart latent tokens each part is projected into for the decoder's cross-attention
 * @param tokenDim width of the latent tokens and pair queries
 * @param decoderHidden width of the decoder's per-pair and node MLPs
 * @param maxPoles pole slots of the transfer-function head
 * @param maxZeros zero slots of the transfer-function head
 * @param edgeHead {@code joint} (one 8-way class) or {@code separate} (existence + 7-way kind)
 * @param nodeOrder {@code graph} (internal nodes in the circuit's order of first appearance) or
 *     {@code canonical} (in the canonical labelling of {@link org.zged.graph.CanonicalForm}, so
 *     every slot of the target graph is well defined under relabelling); null means {@code graph}
 * @param topologyReadout {@code pooled} (the topology head reads [mean, sum/n] of the node
 *     embeddings) or {@code slots} (also every slot's embedding and the edge presence grid, in slot
 *     order); null means {@code pooled}
 * @param edgePath {@code attention} (pair queries cross-attending to the topology tokens), {@code
 *     direct} (an MLP on z_topology gives every pair's logits at once) or {@code shared} (an MLP on
 *     z_topology gives one embedding per slot, and one edge MLP shared by every slot pair reads the
 *     pair's two embeddings) or {@code autoregressive} (the direct path's MLP for the upper pairs
 *     plus a masked layer that reads the classes of the pairs decided before each pair); null means
 *     {@code attention}
 * @param valuePath {@code attention} (pair queries cross-attending to all tokens) or {@code edge}
 *     (each pair's values from z_values, z_topology, the pair's own slot features and its decoded
 *     edge-class probabilities; the value encoder then also reads every slot's embedding and the
 *     scaled value grid); null means {@code attention}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelConfig(
    int maxNodes,
    int hidden,
    int messageLayers,
    int topologyDims,
    int valueDims,
    int tfDims,
    int tokensPerPart,
    int tokenDim,
    int decoderHidden,
    int maxPoles,
    int maxZeros,
    String edgeHead,
    String nodeOrder,
    String topologyReadout,
    String edgePath,
    String valuePath) {

  public static final String JOINT = "joint";
  public static final String SEPARATE = "separate";
  public static final String CANONICAL = "canonical";
  public static final String SLOTS = "slots";
  public static final String DIRECT = "direct";
  public static final String SHARED = "shared";
  public static final String SHARED_ATTENTION = "shared_attention";
  public static final String AUTOREGRESSIVE = "autoregressive";
  public static final String EDGE = "edge";

  /**
   * Upper bounds of every size, checked before anything is allocated (a config or a model file
   * header that asks for more is refused by name); docs/limits.md lists them.
   */
  public static final Map<String, Integer> MAX =
      Map.ofEntries(
          Map.entry("max_nodes", 16),
          Map.entry("hidden", 256),
          Map.entry("message_layers", 8),
          Map.entry("topology_dims", 64),
          Map.entry("value_dims", 32),
          Map.entry("tf_dims", 32),
          Map.entry("tokens_per_part", 16),
          Map.entry("token_dim", 128),
          Map.entry("decoder_hidden", 256),
          Map.entry("max_poles", 32),
          Map.entry("max_zeros", 32));

  /** The smallest grid: GND, VIN and VOUT. */
  public static final int MIN_NODES = 3;

  public ModelConfig {
    bounded("max_nodes", maxNodes, MIN_NODES);
    bounded("hidden", hidden, 1);
    bounded("message_layers", messageLayers, 1);
    bounded("topology_dims", topologyDims, 1);
    bounded("value_dims", valueDims, 1);
    bounded("tf_dims", tfDims, 1);
    bounded("tokens_per_part", tokensPerPart, 1);
    bounded("token_dim", tokenDim, 1);
    bounded("decoder_hidden", decoderHidden, 1);
    bounded("max_poles", maxPoles, 1);
    bounded("max_zeros", maxZeros, 1);
    if (!JOINT.equals(edgeHead) && !SEPARATE.equals(edgeHead)) {
      throw new InputException(
          "decoder.edge_head", "must be 'joint' or 'separate', got '" + edgeHead + "'");
    }
    // The defaults are stored as null, so a default config's header (and every file written
    // before these options existed) stays exactly as it was.
    nodeOrder = option("model.node_order", nodeOrder, "graph", CANONICAL);
    topologyReadout = option("model.topology_readout", topologyReadout, "pooled", SLOTS);
    edgePath =
        option(
            "decoder.edge_path",
            edgePath,
            "attention",
            DIRECT,
            SHARED,
            SHARED_ATTENTION,
            AUTOREGRESSIVE);
    valuePath = option("decoder.value_path", valuePath, "attention", EDGE);
    if (AUTOREGRESSIVE.equals(edgePath) && valuePath == null) {
      throw new InputException(
          "decoder.edge_path", "'autoregressive' needs decoder.value_path 'edge'");
    }
    if (edgePath != null && SEPARATE.equals(edgeHead)) {
      throw new InputException(
          "decoder.edge_path",
          "'" + edgePath + "' needs decoder.edge_head 'joint', got 'separate'");
    }
  }

  /** The original architecture (every option at its default). */
  public ModelConfig(
      int maxNodes,
      int hidden,
      int messageLayers,
      int topologyDims,
      int valueDims,
      int tfDims,
      int tokensPerPart,
      int tokenDim,
      int decoderHidden,
      int maxPoles,
      int maxZeros,
      String edgeHead) {
    this(
        maxNodes,
        hidden,
        messageLayers,
        topologyDims,
        valueDims,
        tfDims,
        tokensPerPart,
        tokenDim,
        decoderHidden,
        maxPoles,
        maxZeros,
        edgeHead,
        null,
        null,
        null,
        null);
  }

  /**
   * This config with the open-space options: canonical order, slot readout, direct edges, edge
   * values.
   */
  public ModelConfig openSpace() {
    return withOptions(CANONICAL, SLOTS, DIRECT, EDGE);
  }

  /** This config with another {@code decoder.edge_path} (null or "attention": the default). */
  public ModelConfig withEdgePath(String path) {
    return withOptions(nodeOrder, topologyReadout, path, valuePath);
  }

  /** This config's sizes and edge head with these four open-space options. */
  private ModelConfig withOptions(String order, String readout, String edges, String values) {
    return new ModelConfig(
        maxNodes,
        hidden,
        messageLayers,
        topologyDims,
        valueDims,
        tfDims,
        tokensPerPart,
        tokenDim,
        decoderHidden,
        maxPoles,
        maxZeros,
        edgeHead,
        order,
        readout,
        edges,
        values);
  }

  private static String option(String key, String value, String dflt, String... others) {
    if (value == null || value.equals(dflt)) {
      return null;
    }
    if (!java.util.Arrays.asList(others).contains(value)) {
      StringBuilder allowed = new StringBuilder("'" + dflt + "'");
      for (int i = 0; i < others.length; i++) {
        allowed.append(i == others.length - 1 ? " or '" : ", '").append(others[i]).append("'");
      }
      throw new InputException(key, "must be " + allowed + ", got '" + value + "'");
    }
    return value;
  }

  @JsonIgnore
  public boolean canonicalOrder() {
    return nodeOrder != null;
  }

  @JsonIgnore
  public boolean slotReadout() {
    return topologyReadout != null;
  }

  /** {@code decoder.edge_path: direct}: every pair's logits from one flat MLP on z_topology. */
  @JsonIgnore
  public boolean directEdges() {
    return DIRECT.equals(edgePath);
  }

  /**
   * {@code decoder.edge_path: shared}: per-slot embeddings from z_topology, one edge MLP shared by
   * every slot pair ({@code shared}, or {@code shared_attention}: with one self-attention layer
   * among the slot embeddings first).
   */
  @JsonIgnore
  public boolean sharedEdges() {
    return SHARED.equals(edgePath) || SHARED_ATTENTION.equals(edgePath);
  }

  /**
   * {@code decoder.edge_path: autoregressive}: the direct path's MLP on z_topology for the upper
   * pairs plus a masked layer that gives each pair's logits given the classes decided before it
   * ({@link PairSequence}, {@code org.zged.model.nn.AutoregressiveEdges}).
   */
  @JsonIgnore
  public boolean autoregressiveEdges() {
    return AUTOREGRESSIVE.equals(edgePath);
  }

  /** {@code decoder.edge_path: shared_attention}: the shared path with slot self-attention. */
  @JsonIgnore
  public boolean slotAttention() {
    return SHARED_ATTENTION.equals(edgePath);
  }

  @JsonIgnore
  public boolean edgeValues() {
    return valuePath != null;
  }

  /** Whether the decoder has the cross-attention over latent tokens (some path still uses it). */
  @JsonIgnore
  public boolean attention() {
    return edgePath == null || !edgeValues();
  }

  /** The production architecture: 8-D latent (2 topology + 2 values + 4 transfer function). */
  public static ModelConfig standard() {
    return new ModelConfig(5, 64, 3, 2, 2, 4, 2, 32, 64, 4, 4, JOINT);
  }

  @JsonIgnore
  public int latentDims() {
    return topologyDims + valueDims + tfDims;
  }

  /** Node slot classes: the four node types plus "absent". */
  @JsonIgnore
  public int nodeClasses() {
    return 5;
  }

  @JsonIgnore
  public boolean separateEdgeHead() {
    return SEPARATE.equals(edgeHead);
  }

  private static void bounded(String key, int v, int min) {
    int max = MAX.get(key);
    if (v < min || v > max) {
      throw new InputException(
          "model." + key, "must be an integer in [" + min + ", " + max + "], got " + v);
    }
  }
}
