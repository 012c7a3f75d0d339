package org.zged.model.inference;

import java.util.Map;
import org.zged.model.ModelConfig;
import org.zged.model.ModelFile;

/**
 * Inference of a trained model without the native engine: the decoder and the encoder's
 * transfer-function part, in plain float32 Java. Generation needs only these two (the reference
 * circuits' encodings are computed once, see {@code org.zged.generate.ReferenceSet}), and at about
 * 60k parameters a forward pass costs microseconds, while starting PyTorch costs a second or more
 * and 120 MB of memory (docs/benchmarks.md, "Cold start"). Training and the circuit encoder stay on
 * DJL/PyTorch.
 *
 * <p>When the network changes, this code must follow. {@link #of} therefore refuses (returns null)
 * any weight set with a parameter it does not read or a shape it does not expect, so a new layer
 * falls back to DJL instead of being silently skipped; changed arithmetic with unchanged parameters
 * is caught by {@code JavaInferenceTest}, which compares both paths.
 */
public final class JavaInference {
  private final ModelConfig cfg;
  private final DecoderForward decoder;
  private final PoleZeroForward tfEncoder;

  private JavaInference(ModelConfig cfg, DecoderForward decoder, PoleZeroForward tfEncoder) {
    this.cfg = cfg;
    this.decoder = decoder;
    this.tfEncoder = tfEncoder;
  }

  /** The Java forward pass of these weights, or null when it does not cover this network. */
  public static JavaInference of(ModelConfig cfg, Map<String, ModelFile.Tensor> parameters) {
    try {
      Weights w = new Weights(parameters);
      return new JavaInference(cfg, new DecoderForward(cfg, w), new PoleZeroForward(cfg, w));
    } catch (Weights.Unsupported e) {
      return null;
    }
  }

  /** Decoder outputs for latents [B][L] (each of {@code latentDims} values). */
  public DecoderOutput decode(float[][] zs) {
    int dims = cfg.latentDims();
    float[] flat = new float[zs.length * dims];
    for (int i = 0; i < zs.length; i++) {
      System.arraycopy(zs[i], 0, flat, i * dims, dims);
    }
    return decoder.apply(flat, zs.length);
  }

  /** μ then log σ² of the transfer-function latent for one set of encoded poles and zeros. */
  public float[] encodeTransferFunction(
      float[] poles, float[] poleMask, float[] zeros, float[] zeroMask) {
    return tfEncoder.apply(poles, poleMask, zeros, zeroMask);
  }
}
