package org.zged.model.inference;

import org.zged.model.ModelConfig;

/**
 * The forward pass of {@link org.zged.model.nn.PoleZeroSetEncoder} (the encoder's transfer-function
 * part) in plain Java, step for step; kept equal to it by {@code JavaInferenceTest}.
 */
final class PoleZeroForward {
  private final Affine phi1;
  private final Affine phi2;
  private final Affine rho1;
  private final Affine rho2;
  private final int maxPoles;
  private final int maxZeros;

  PoleZeroForward(ModelConfig cfg, Weights w) {
    int width = cfg.decoderHidden() / 2;
    maxPoles = cfg.maxPoles();
    maxZeros = cfg.maxZeros();
    phi1 = w.affine("encoder_tf_phi1", 3, width);
    phi2 = w.affine("encoder_tf_phi2", width, width);
    rho1 = w.affine("encoder_tf_rho1", 2 * width + 2, width);
    rho2 = w.affine("encoder_tf_rho2", width, 2 * cfg.tfDims());
    w.requireAllUsed("encoder_tf_");
  }

  /** One transfer function: points [P·2], mask [P], ...; returns μ then log σ², [2·tfDims]. */
  float[] apply(float[] poles, float[] poleMask, float[] zeros, float[] zeroMask) {
    int width = phi2.out;
    float[] x = new float[2 * width + 2];
    pool(poles, poleMask, 0f, x, 0);
    pool(zeros, zeroMask, 1f, x, width);
    x[2 * width] = sum(poleMask) / maxPoles;
    x[2 * width + 1] = sum(zeroMask) / maxZeros;
    return rho2.apply(Affine.relu(rho1.apply(x)));
  }

  private void pool(float[] pts, float[] mask, float flag, float[] into, int at) {
    int count = mask.length;
    float[] flagged = new float[count * 3];
    for (int i = 0; i < count; i++) {
      flagged[3 * i] = pts[2 * i];
      flagged[3 * i + 1] = pts[2 * i + 1];
      flagged[3 * i + 2] = mask[i] * flag;
    }
    float[] e = Affine.relu(phi2.apply(Affine.relu(phi1.apply(flagged))));
    int width = phi2.out;
    for (int i = 0; i < count; i++) {
      for (int c = 0; c < width; c++) {
        into[at + c] += e[i * width + c] * mask[i];
      }
    }
  }

  private static float sum(float[] v) {
    float s = 0f;
    for (float x : v) {
      s += x;
    }
    return s;
  }
}
