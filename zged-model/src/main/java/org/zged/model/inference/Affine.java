package org.zged.model.inference;

/**
 * {@code x·W + b} on the last axis, in float32 like the trained network. Rows of {@code x} are
 * contiguous blocks of {@code in} values; the result has {@code out} values per row. The products
 * are summed in input order with fused multiply-adds and the bias is added last, which is what
 * PyTorch's CPU matmul then add does here: two stacked layers (the node head) come out bit for bit
 * equal to the engine's.
 */
final class Affine {
  private final float[] w; // [in, out], row-major
  private final float[] b;
  final int in;
  final int out;

  Affine(float[] w, float[] b, int in, int out) {
    this.w = w;
    this.b = b;
    this.in = in;
    this.out = out;
  }

  float[] apply(float[] x) {
    int rows = x.length / in;
    float[] y = new float[rows * out];
    for (int r = 0; r < rows; r++) {
      int yo = r * out;
      int xo = r * in;
      for (int k = 0; k < in; k++) {
        float xk = x[xo + k];
        int wo = k * out;
        for (int j = 0; j < out; j++) {
          y[yo + j] = Math.fma(xk, w[wo + j], y[yo + j]);
        }
      }
      for (int j = 0; j < out; j++) {
        y[yo + j] += b[j];
      }
    }
    return y;
  }

  static float[] relu(float[] x) {
    for (int i = 0; i < x.length; i++) {
      x[i] = Math.max(x[i], 0f);
    }
    return x;
  }
}
