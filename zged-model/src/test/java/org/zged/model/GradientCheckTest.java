package org.zged.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.util.Pair;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.zged.model.loss.LossWeights;
import org.zged.model.loss.VaeLoss;

/**
 * Back-propagated gradients of the whole objective (reconstruction, transfer function, KL) agree
 * with central finite differences on a small model, for parameters in every part of the network.
 */
class GradientCheckTest {
  private static final LossWeights WEIGHTS = new LossWeights(1.0, 0.5, 0.1, 0.0, 0.7, false);

  @Test
  void gradientsMatchFiniteDifferences() {
    try (ZgedModel model = ZgedModel.create(TestModels.small(), 5)) {
      GraphBatch batch =
          GraphBatch.of(
              List.of(
                  HandMadeCircuits.rcHighpass(2e3, 3e-8),
                  HandMadeCircuits.rlcLowpass(300, 2e-3, 4e-8)),
              model.config());
      float[] eps = new float[2 * 8];
      SplittableRandom rng = new SplittableRandom(1);
      for (int i = 0; i < eps.length; i++) {
        eps[i] = (float) rng.nextGaussian();
      }
      VaeLoss loss = new VaeLoss(WEIGHTS);
      int checked = 0;
      for (Pair<String, Parameter> p : model.network().getParameters()) {
        String name = p.getKey();
        boolean pick =
            name.contains("mp0_value_transform")
                || name.contains("encoder") && name.endsWith("topology2_weight")
                || name.contains("tf_phi1_weight")
                || name.contains("slot_embedding")
                || name.contains("class_head_weight")
                || name.contains("tf_head") && name.endsWith("poles_weight");
        if (!pick) {
          continue;
        }
        NDArray array = p.getValue().getArray();
        float[] base = array.toFloatArray();
        float[] analytic;
        try (NDManager m = model.manager().newSubManager();
            GradientCollector gc = Engine.getInstance().newGradientCollector()) {
          NDArray total = objective(model, batch, eps, loss, m);
          gc.backward(total);
          analytic = array.getGradient().toFloatArray();
          // backward accumulates into every parameter's gradient: clear them all
          for (Pair<String, Parameter> q : model.network().getParameters()) {
            q.getValue().getArray().getGradient().muli(0f);
          }
        }
        for (int k = 0; k < Math.min(3, base.length); k++) {
          int idx = (k * 7919) % base.length;
          double h = 1e-2;
          float[] plus = base.clone();
          plus[idx] += (float) h;
          array.set(plus);
          double up = value(model, batch, eps, loss);
          float[] minus = base.clone();
          minus[idx] -= (float) h;
          array.set(minus);
          double down = value(model, batch, eps, loss);
          array.set(base);
          double numeric = (up - down) / (2 * h);
          double scale = Math.max(1e-3, Math.abs(numeric) + Math.abs(analytic[idx]));
          assertEquals(
              numeric,
              analytic[idx],
              0.05 * scale + 2e-4,
              name + "[" + idx + "] analytic " + analytic[idx] + " numeric " + numeric);
          checked++;
        }
      }
      assertTrue(checked >= 12, "checked " + checked + " entries");
    }
  }

  private static double value(ZgedModel model, GraphBatch batch, float[] eps, VaeLoss loss) {
    try (NDManager m = model.manager().newSubManager()) {
      return objective(model, batch, eps, loss, m)
          .toType(ai.djl.ndarray.types.DataType.FLOAT64, false)
          .getDouble();
    }
  }

  private static NDArray objective(
      ZgedModel model, GraphBatch batch, float[] eps, VaeLoss loss, NDManager m) {
    NDList in = batch.inputs(m);
    in.add(m.create(eps, new Shape(2, 8)));
    NDList out = model.network().forward(model.parameterStore(), in, true);
    NDArray noGumbel = m.zeros(out.get(4).getShape());
    return loss.compute(out, batch, noGumbel, 1.0, 1.0).total();
  }
}
