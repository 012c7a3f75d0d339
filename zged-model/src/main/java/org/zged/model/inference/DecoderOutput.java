package org.zged.model.inference;

import java.util.List;

/**
 * The decoder's outputs for a batch, flattened row-major: node logits [B·n·5], edge class
 * log-probabilities [B·n·n·8] and scaled values [B·n·n·3]. On the autoregressive edge path these
 * are the greedy decode's, and {@code edgeModels} holds one {@link EdgeModel} per latent for
 * decodes that choose otherwise (sampling, the constrained decoder); null on the other paths.
 */
public record DecoderOutput(
    float[] nodeLogits, float[] edgeLogProbs, float[] values, List<EdgeModel> edgeModels) {

  public DecoderOutput(float[] nodeLogits, float[] edgeLogProbs, float[] values) {
    this(nodeLogits, edgeLogProbs, values, null);
  }
}
