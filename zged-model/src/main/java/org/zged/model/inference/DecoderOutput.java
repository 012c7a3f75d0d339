package org.zged.model.inference;

/**
 * The decoder's outputs for a batch, flattened row-major: node logits [B·n·5], edge class
 * log-probabilities [B·n·n·8] and scaled values [B·n·n·3].
 */
public record DecoderOutput(float[] nodeLogits, float[] edgeLogProbs, float[] values) {}
