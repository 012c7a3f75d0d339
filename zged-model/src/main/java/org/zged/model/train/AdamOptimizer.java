package org.zged.model.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.zged.InputException;
import org.zged.model.ModelFile;
import org.zged.model.nn.Tensors;

/**
 * Adam with global-norm gradient clipping and explicit state. DJL's {@code Adam} keeps its moment
 * estimates inside the optimizer object with no way to save or restore them, and {@code --resume}
 * must continue exactly, so the moments (m, v) and the step count live here as tensors that a
 * checkpoint writes and reads.
 */
public final class AdamOptimizer {
  private static final float BETA1 = 0.9f;
  private static final float BETA2 = 0.999f;
  private static final float EPS = 1e-8f;

  private final PairList<String, Parameter> params;
  private final Map<String, NDArray> m = new LinkedHashMap<>();
  private final Map<String, NDArray> v = new LinkedHashMap<>();

  /** Gradient norms above this are treated as corrupted, not as large. */
  static final double MAX_NORM = 1e6;

  private long step;
  private long skipped;

  public AdamOptimizer(PairList<String, Parameter> params, NDManager manager) {
    this.params = params;
    for (Pair<String, Parameter> p : params) {
      m.put(p.getKey(), manager.zeros(p.getValue().getShape()));
      v.put(p.getKey(), manager.zeros(p.getValue().getShape()));
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
   * @return the global gradient norm before clipping
   */
  public double update(double learningRate, double clip, NDManager scratch) {
    NDList grads = new NDList(params.size());
    NDList norms = new NDList(params.size());
    for (Pair<String, Parameter> p : params) {
      NDArray g = p.getValue().getArray().getGradient();
      g.attach(scratch);
      grads.add(g);
      // in float64: a float32 sum of squares overflows long before the gradient is unusable
      norms.add(g.toType(DataType.FLOAT64, false).square().sum());
    }
    double norm = Math.sqrt(NDArrays.stack(norms).sum().getDouble());
    if (!(norm <= MAX_NORM)) {
      // A corrupted gradient (see docs/model.md, "Found and fixed"): skip the step entirely, so
      // neither the weights nor the moments see it.
      for (NDArray g : grads) {
        Tensors.clear(g);
      }
      skipped++;
      return norm;
    }
    step++;
    float scale = (float) (clip > 0 && norm > clip ? clip / norm : 1.0);
    double c1 = 1 - Math.pow(BETA1, step);
    double c2 = 1 - Math.pow(BETA2, step);
    // One fused native update per tensor (the op-by-op version cost ~14 engine calls per
    // parameter, most of a training step). It computes w -= lr'·m / (sqrt(v) + eps') with the
    // clip scale applied to the gradient; lr' = lr·sqrt(c2)/c1 and eps' = eps·sqrt(c2) make that
    // exactly the bias-corrected w -= lr·(m/c1) / (sqrt(v/c2) + eps). Weight decay 0; the
    // engine's one-sided clamp (clip −1) is off: clipping is by the global norm above.
    float corrected = (float) (learningRate * Math.sqrt(c2) / c1);
    float eps = (float) (EPS * Math.sqrt(c2));
    int i = 0;
    for (Pair<String, Parameter> p : params) {
      NDArray w = p.getValue().getArray();
      NDArray g = grads.get(i++);
      w.getNDArrayInternal()
          .adamUpdate(
              new NDList(w, g, m.get(p.getKey()), v.get(p.getKey())),
              new NDList(w),
              (float) learningRate,
              corrected,
              0f,
              scale,
              -1f,
              BETA1,
              BETA2,
              eps,
              false,
              false);
      Tensors.clear(g);
    }
    return norm;
  }

  /** The moments as named tensors ({@code m/NAME}, {@code v/NAME}). */
  public Map<String, ModelFile.Tensor> state() {
    Map<String, ModelFile.Tensor> out = new LinkedHashMap<>();
    for (var e : m.entrySet()) {
      out.put("m/" + e.getKey(), tensor(e.getValue()));
    }
    for (var e : v.entrySet()) {
      out.put("v/" + e.getKey(), tensor(e.getValue()));
    }
    return out;
  }

  public void restore(Map<String, ModelFile.Tensor> state, long steps, String where) {
    for (var e : m.entrySet()) {
      Tensors.copyInto(e.getValue(), need(state, "m/" + e.getKey(), where).values());
    }
    for (var e : v.entrySet()) {
      Tensors.copyInto(e.getValue(), need(state, "v/" + e.getKey(), where).values());
    }
    this.step = steps;
  }

  private static ModelFile.Tensor need(Map<String, ModelFile.Tensor> s, String k, String where) {
    ModelFile.Tensor t = s.get(k);
    if (t == null) {
      throw new InputException(where, "optimizer state " + k + " is missing");
    }
    return t;
  }

  private static ModelFile.Tensor tensor(NDArray a) {
    return new ModelFile.Tensor(a.getShape().getShape(), a.toFloatArray());
  }
}
