package org.zged.model;

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
 */
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
    String edgeHead) {

  public static final String JOINT = "joint";
  public static final String SEPARATE = "separate";

  /**
   * Upper bounds of every size, checked before anything is allocated (a config or a model file
   * header that asks for more is refused by name); docs/limits.md lists them.
   */
  public static final Map<String, Integer> MAX =
      Map.ofEntries(
          Map.entry("max_nodes", 16),
          Map.entry("hidden", 256),
          Map.entry("message_layers", 8),
          Map.entry("topology_dims", 32),
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
  }

  /** The production architecture: 8-D latent (2 topology + 2 values + 4 transfer function). */
  public static ModelConfig standard() {
    return new ModelConfig(5, 64, 3, 2, 2, 4, 2, 32, 64, 4, 4, JOINT);
  }

  public int latentDims() {
    return topologyDims + valueDims + tfDims;
  }

  /** Node slot classes: the four node types plus "absent". */
  public int nodeClasses() {
    return 5;
  }

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
