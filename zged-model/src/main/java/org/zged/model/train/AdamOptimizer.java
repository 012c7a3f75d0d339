package org.zged.model.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.zged.InputException;
import org.zged.model.ModelFile;

/**
 * Adam with global-norm gradient clipping and explicit state. DJL's {@code Adam} keeps its moment
 * estimates inside the optimizer object with no way to save or restore them, and {@code --resume}
 * must continue exactly, so the moments (m, v) and the step count live here and a checkpoint writes
 * and reads them.
 *
 * <p>The update runs in Java on the tensors' own memory: each parameter and its gradient are
 * contiguous float32 tensors, which the engine hands out as direct buffers onto their storage (a
 * parameter's once, as it is only ever filled in place; its gradient's at every step, since nothing
 * guarantees that the engine keeps accumulating into the same gradient tensor). The engine version
 * cost about 6 native calls per parameter tensor per step (gradient handle, float64 norm, fused
 * update, clearing), about 10 ms of a 30 ms step at 85 tensors; here it is a few passes over 2 MB
 * of floats. The arithmetic is the engine kernel's (DJL's {@code adamUpdate} on PyTorch's CPU
 * kernels), operation for operation in float32, including its fused multiply-add in the first
 * moment, so the weights come out the same bit for bit ({@code AdamOptimizerTest}); only the global
 * norm is summed in another order (in float64).
 */
public final class AdamOptimizer {
  private static final float BETA1 = 0.9f;
  private static final float BETA2 = 0.999f;
  private static final float EPS = 1e-8f;

  private final PairList<String, Parameter> params;
  private final String[] names;
  private final long[][] shapes;
  private final float[][] m;
  private final float[][] v;
  private final NDArray[] weightArrays;
  private final FloatBuffer[] weights;
  private final FloatBuffer[] gradients;
  private final float[][] grads;
  private float[] w = new float[0];
  private float[] zeros = new float[0];

  /** Gradient norms above this are treated as corrupted, not as large. */
  static final double MAX_NORM = 1e6;

  private long step;
  private long skipped;

  /**
   * @param manager unused (the moments are Java arrays); kept for the callers
   */
  public AdamOptimizer(PairList<String, Parameter> params, NDManager manager) {
    this.params = params;
    int n = params.size();
    names = new String[n];
    shapes = new long[n][];
    m = new float[n][];
    v = new float[n][];
    weightArrays = new NDArray[n];
    weights = new FloatBuffer[n];
    gradients = new FloatBuffer[n];
    grads = new float[n][];
    int i = 0;
    for (Pair<String, Parameter> p : params) {
      names[i] = p.getKey();
      shapes[i] = p.getValue().getShape().getShape();
      int size = Math.toIntExact(p.getValue().getShape().size());
      m[i] = new float[size];
      v[i] = new float[size];
      grads[i] = new float[size];
      i++;
    }
  }

  public long step() {
    return step;
  }

  /** Steps skipped so far because their gradient was not finite or absurdly large. */
  public long skipped() {
    return skipped;
  }

  /**
   * One update from the gradients the last backward pass left on the parameters; clears them.
   *
   * @param scratch unused; kept for the callers
   * @return the global gradient norm before clipping
   */
  public double update(double learningRate, double clip, NDManager scratch) {
    bind();
    // in float64: a float32 sum of squares overflows long before the gradient is unusable
    double sum = 0;
    for (int i = 0; i < gradients.length; i++) {
      float[] a = grads[i];
      gradients[i].get(0, a, 0, a.length);
      // cleared at once, while its memory is in cache (the step's own copy is in grads)
      clear(gradients[i]);
      // eight running sums: fewer would wait on each addition's latency
      double s0 = 0;
      double s1 = 0;
      double s2 = 0;
      double s3 = 0;
      double s4 = 0;
      double s5 = 0;
      double s6 = 0;
      double s7 = 0;
      int k = 0;
      for (; k + 7 < a.length; k += 8) {
        double x0 = a[k];
        double x1 = a[k + 1];
        double x2 = a[k + 2];
        double x3 = a[k + 3];
        double x4 = a[k + 4];
        double x5 = a[k + 5];
        double x6 = a[k + 6];
        double x7 = a[k + 7];
        s0 += x0 * x0;
        s1 += x1 * x1;
        s2 += x2 * x2;
        s3 += x3 * x3;
        s4 += x4 * x4;
        s5 += x5 * x5;
        s6 += x6 * x6;
        s7 += x7 * x7;
      }
      for (; k < a.length; k++) {
        double x = a[k];
        s0 += x * x;
      }
      sum += ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }
    double norm = Math.sqrt(sum);
    if (!(norm <= MAX_NORM)) {
      // A corrupted gradient (see docs/model.md, "Found and fixed"): skip the step entirely, so
      // neither the weights nor the moments see it (the gradients are cleared already).
      skipped++;
      return norm;
    }
    step++;
    float scale = (float) (clip > 0 && norm > clip ? clip / norm : 1.0);
    double c1 = 1 - Math.pow(BETA1, step);
    double c2 = 1 - Math.pow(BETA2, step);
    // w -= lr'·m / (sqrt(v) + eps') with lr' = lr·sqrt(c2)/c1 and eps' = eps·sqrt(c2) is exactly
    // the bias-corrected w -= lr·(m/c1) / (sqrt(v/c2) + eps). Weight decay 0.
    float corrected = (float) (learningRate * Math.sqrt(c2) / c1);
    float eps = (float) (EPS * Math.sqrt(c2));
    float oneMinusB1 = 1 - BETA1; // float arithmetic, as the engine computes it
    float oneMinusB2 = 1 - BETA2;
    for (int i = 0; i < gradients.length; i++) {
      FloatBuffer wb = weights[i];
      float[] g = grads[i];
      int len = g.length;
      if (w.length < len) {
        w = new float[len];
      }
      wb.get(0, w, 0, len);
      float[] mi = m[i];
      float[] vi = v[i];
      for (int k = 0; k < len; k++) {
        float gk = scale != 1f ? g[k] * scale : g[k];
        // mean.mul_(b1).add_(grad, 1 - b1): PyTorch's add with alpha is a fused multiply-add
        float mk = Math.fma(gk, oneMinusB1, mi[k] * BETA1);
        // variance.mul_(b2).addcmul_(grad, grad, 1 - b2): self + (value·t1)·t2, rounded each time
        float vk = vi[k] * BETA2 + oneMinusB2 * gk * gk;
        mi[k] = mk;
        vi[k] = vk;
        // weight.sub_(mean·lr' / (sqrt(variance) + eps'))
        w[k] = w[k] - (mk * corrected) / ((float) Math.sqrt(vk) + eps);
      }
      wb.put(0, w, 0, len);
    }
    return norm;
  }

  /**
   * The direct buffers onto each parameter's and gradient's storage: the weights' once per
   * parameter array (again if a parameter's array was replaced), the gradients' at every step,
   * since the engine may give a parameter a new gradient tensor (a view kept from an earlier step
   * would then read memory that is no longer the gradient; one JNI call per parameter, ~1 % of a
   * step). Called after a backward pass, when every gradient exists.
   */
  private void bind() {
    int i = 0;
    for (Pair<String, Parameter> p : params) {
      NDArray w = p.getValue().getArray();
      if (weightArrays[i] != w) {
        weights[i] = direct(w, names[i]);
        weightArrays[i] = w;
      }
      try (NDArray g = w.getGradient()) {
        gradients[i] = direct(g, names[i] + " (gradient)");
      }
      i++;
    }
  }

  private static FloatBuffer direct(NDArray a, String what) {
    if (!(a instanceof PtNDArray pt) || a.getDataType() != DataType.FLOAT32) {
      throw new IllegalStateException(what + ": not a float32 PyTorch tensor");
    }
    ByteBuffer b = pt.toByteBuffer(true);
    if (!b.isDirect() || b.capacity() != a.size() * Float.BYTES) {
      // a non-contiguous tensor would give a copy, and the update would be lost
      throw new IllegalStateException(what + ": no direct view of the tensor's storage");
    }
    return b.order(ByteOrder.nativeOrder()).asFloatBuffer();
  }

  /** Sets every element to 0, also NaN or infinite ones. */
  private void clear(FloatBuffer b) {
    int len = b.capacity();
    if (zeros.length < len) {
      zeros = new float[len];
    }
    b.put(0, zeros, 0, len);
  }

  /** The moments as named tensors ({@code m/NAME}, {@code v/NAME}). */
  public Map<String, ModelFile.Tensor> state() {
    Map<String, ModelFile.Tensor> out = new LinkedHashMap<>();
    for (int i = 0; i < names.length; i++) {
      out.put("m/" + names[i], new ModelFile.Tensor(shapes[i].clone(), m[i].clone()));
    }
    for (int i = 0; i < names.length; i++) {
      out.put("v/" + names[i], new ModelFile.Tensor(shapes[i].clone(), v[i].clone()));
    }
    return out;
  }

  public void restore(Map<String, ModelFile.Tensor> state, long steps, String where) {
    for (int i = 0; i < names.length; i++) {
      copy(need(state, "m/" + names[i], where), m[i], where);
      copy(need(state, "v/" + names[i], where), v[i], where);
    }
    this.step = steps;
  }

  private static void copy(ModelFile.Tensor t, float[] into, String where) {
    if (t.values().length != into.length) {
      throw new InputException(where, "optimizer state has " + t.values().length + " values");
    }
    System.arraycopy(t.values(), 0, into, 0, into.length);
  }

  private static ModelFile.Tensor need(Map<String, ModelFile.Tensor> s, String k, String where) {
    ModelFile.Tensor t = s.get(k);
    if (t == null) {
      throw new InputException(where, "optimizer state " + k + " is missing");
    }
    return t;
  }
}
