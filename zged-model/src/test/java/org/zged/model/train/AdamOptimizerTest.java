package org.zged.model.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.zged.model.ModelConfig;
import org.zged.model.ZgedModel;

/**
 * The fused engine update equals the textbook bias-corrected Adam with global-norm clipping,
 * recomputed here in double precision from the gradients (objective Σ w³/3, so g = w² differs from
 * step to step and from parameter to parameter).
 */
class AdamOptimizerTest {
  private static final double B1 = 0.9;
  private static final double B2 = 0.999;
  private static final double EPS = 1e-8;

  @Test
  void fusedUpdateIsTextbookAdamWithClipping() {
    try (ZgedModel model = ZgedModel.create(ModelConfig.standard(), 3)) {
      PairList<String, Parameter> params = model.network().getParameters();
      AdamOptimizer adam = new AdamOptimizer(params, model.manager());
      List<double[]> w = new ArrayList<>();
      List<double[]> m = new ArrayList<>();
      List<double[]> v = new ArrayList<>();
      for (Pair<String, Parameter> p : params) {
        float[] a = p.getValue().getArray().toFloatArray();
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
          d[i] = a[i] + 0.01; // biases start at 0, where g = w² would vanish
        }
        w.add(d);
        m.add(new double[a.length]);
        v.add(new double[a.length]);
      }
      set(params, w);
      double lr = 1e-3;
      double[] clips = {0.0, 0.5, 1e9};
      for (int step = 1; step <= clips.length; step++) {
        try (NDManager sub = model.manager().newSubManager()) {
          try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray total = null;
            for (Pair<String, Parameter> p : params) {
              NDArray x = p.getValue().getArray();
              NDArray term = x.mul(x).mul(x).sum().div(3f);
              term.attach(sub);
              total = total == null ? term : total.add(term);
            }
            gc.backward(total);
          }
          double norm = 0;
          for (double[] d : w) {
            for (double x : d) {
              norm += x * x * x * x;
            }
          }
          norm = Math.sqrt(norm);
          double clip = clips[step - 1];
          double scale = clip > 0 && norm > clip ? clip / norm : 1.0;
          double got = adam.update(lr, clip, sub);
          assertEquals(norm, got, 1e-4 * norm, "gradient norm");
          for (int k = 0; k < w.size(); k++) {
            double[] wk = w.get(k);
            for (int i = 0; i < wk.length; i++) {
              double g = wk[i] * wk[i] * scale;
              m.get(k)[i] = B1 * m.get(k)[i] + (1 - B1) * g;
              v.get(k)[i] = B2 * v.get(k)[i] + (1 - B2) * g * g;
              double mh = m.get(k)[i] / (1 - Math.pow(B1, step));
              double vh = v.get(k)[i] / (1 - Math.pow(B2, step));
              wk[i] -= lr * mh / (Math.sqrt(vh) + EPS);
            }
          }
        }
        int k = 0;
        for (Pair<String, Parameter> p : params) {
          float[] a = p.getValue().getArray().toFloatArray();
          double[] want = w.get(k++);
          for (int i = 0; i < a.length; i++) {
            assertEquals(
                want[i], a[i], 2e-6 + 1e-5 * Math.abs(want[i]), p.getKey() + "[" + i + "]");
          }
        }
      }
      assertEquals(clips.length, adam.step());
    }
  }

  private static void set(PairList<String, Parameter> params, List<double[]> values) {
    org.zged.model.NoGrad.run(
        () -> {
          int k = 0;
          for (Pair<String, Parameter> p : params) {
            double[] d = values.get(k++);
            float[] f = new float[d.length];
            for (int i = 0; i < d.length; i++) {
              f[i] = (float) d[i];
              d[i] = f[i];
            }
            org.zged.model.nn.Tensors.copyInto(p.getValue().getArray(), f);
          }
        });
  }
}
