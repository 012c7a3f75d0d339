package org.zged.model;

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

  public ModelConfig {
    positive("model.max_nodes", maxNodes);
    positive("model.hidden", hidden);
    positive("model.message_layers", messageLayers);
    positive("model.topology_dims", topologyDims);
    positive("model.value_dims", valueDims);
    positive("model.tf_dims", tfDims);
    positive("model.tokens_per_part", tokensPerPart);
    positive("model.token_dim", tokenDim);
    positive("model.decoder_hidden", decoderHidden);
    positive("model.max_poles", maxPoles);
    positive("model.max_zeros", maxZeros);
    if (maxNodes < 3) {
      throw new InputException("model.max_nodes", "must be at least 3 (GND, VIN, VOUT)");
    }
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

  private static void positive(String key, int v) {
    if (v <= 0) {
      throw new InputException(key, "must be > 0, got " + v);
    }
  }
}
