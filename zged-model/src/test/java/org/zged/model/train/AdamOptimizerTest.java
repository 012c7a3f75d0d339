package org.zged.model.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.zged.model.ModelConfig;
import org.zged.model.ModelFile;
import org.zged.model.ZgedModel;

/**
 * The update equals the textbook bias-corrected Adam with global-norm clipping, recomputed here in
 * double precision from the gradients (objective Σ w³/3, so g = w² differs from step to step and
 * from parameter to parameter), and the engine's fused {@code adamUpdate} (which the Java update
 * replaced) to float rounding.
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
              NDArray term = org.zged.model.nn.Tensors.div(x.mul(x).mul(x).sum(), 3);
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

  @Test
  void javaUpdateIsTheEngineKernelToRounding() {
    try (ZgedModel model = ZgedModel.create(ModelConfig.standard(), 5)) {
      PairList<String, Parameter> params = model.network().getParameters();
      AdamOptimizer adam = new AdamOptimizer(params, model.manager());
      float lr = 1e-3f;
      for (int step = 1; step <= 3; step++) {
        List<float[]> w0 = new ArrayList<>();
        List<float[]> g = new ArrayList<>();
        Map<String, ModelFile.Tensor> before = adam.state();
        try (NDManager sub = model.manager().newSubManager()) {
          try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray total = null;
            for (Pair<String, Parameter> p : params) {
              NDArray x = p.getValue().getArray();
              NDArray term = org.zged.model.nn.Tensors.div(x.add(0.01f).mul(x).mul(x).sum(), 3);
              term.attach(sub);
              total = total == null ? term : total.add(term);
            }
            gc.backward(total);
          }
          for (Pair<String, Parameter> p : params) {
            w0.add(p.getValue().getArray().toFloatArray());
            g.add(p.getValue().getArray().getGradient().toFloatArray());
          }
          double clip = step == 2 ? 0.5 : 0;
          double norm = adam.update(lr, clip, sub);
          float scale = (float) (clip > 0 && norm > clip ? clip / norm : 1.0);
          double c1 = 1 - Math.pow(0.9f, step);
          double c2 = 1 - Math.pow(0.999f, step);
          float corrected = (float) (lr * Math.sqrt(c2) / c1);
          float eps = (float) (1e-8f * Math.sqrt(c2));
          int k = 0;
          for (Pair<String, Parameter> p : params) {
            NDArray ew = sub.create(w0.get(k)).duplicate();
            NDArray eg = sub.create(g.get(k)).duplicate();
            NDArray em = sub.create(before.get("m/" + p.getKey()).values()).duplicate();
            NDArray ev = sub.create(before.get("v/" + p.getKey()).values()).duplicate();
            ew.getNDArrayInternal()
                .adamUpdate(
                    new NDList(ew, eg, em, ev),
                    new NDList(ew),
                    lr,
                    corrected,
                    0f,
                    scale,
                    -1f,
                    0.9f,
                    0.999f,
                    eps,
                    false,
                    false);
            float[] want = ew.toFloatArray();
            float[] got = p.getValue().getArray().toFloatArray();
            float[] wantM = em.toFloatArray();
            float[] gotM = adam.state().get("m/" + p.getKey()).values();
            for (int i = 0; i < want.length; i++) {
              // the engine's vectorised sqrt is not always correctly rounded: the step differs by
              // an ulp of the step's size at most
              float scaleOfStep = Math.abs(w0.get(k)[i]) + Math.abs(want[i]) + lr;
              assertEquals(want[i], got[i], 2 * Math.ulp(scaleOfStep), p.getKey() + "[" + i + "]");
              assertEquals(wantM[i], gotM[i], 0f, "m/" + p.getKey() + "[" + i + "]");
            }
            k++;
          }
        }
      }
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
