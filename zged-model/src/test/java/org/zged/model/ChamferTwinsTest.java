package org.zged.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.hipparchus.complex.Complex;
import org.junit.jupiter.api.Test;
import org.zged.eval.Chamfer;
import org.zged.model.loss.ChamferDistance;

/**
 * The training loss's tensor Chamfer distance and the evaluation's scalar one are the same
 * function: on random root sets (as many predicted roots as true ones, which is how the loss reads
 * its slots) both give the same number.
 */
class ChamferTwinsTest {
  @Test
  void lossAndEvaluationChamferAgree() {
    DjlEnvironment.prepare();
    int batch = 64;
    int slots = 4;
    SplittableRandom rng = new SplittableRandom(3);
    float[] pred = new float[batch * slots * 2];
    float[] truth = new float[batch * slots * 2];
    float[] mask = new float[batch * slots];
    List<List<Complex>> predSets = new ArrayList<>();
    List<List<Complex>> trueSets = new ArrayList<>();
    for (int b = 0; b < batch; b++) {
      int k = 1 + rng.nextInt(slots);
      List<Complex> p = new ArrayList<>();
      List<Complex> t = new ArrayList<>();
      for (int i = 0; i < k; i++) {
        p.add(root(rng));
        t.add(root(rng));
        float[] pe = PoleZeroCodec.encode(p.get(i));
        float[] te = PoleZeroCodec.encode(t.get(i));
        int at = (b * slots + i) * 2;
        pred[at] = pe[0];
        pred[at + 1] = pe[1];
        truth[at] = te[0];
        truth[at + 1] = te[1];
        mask[b * slots + i] = 1;
      }
      // padding slots hold junk the mask must hide
      for (int i = k; i < slots; i++) {
        int at = (b * slots + i) * 2;
        pred[at] = 7;
        truth[at + 1] = -7;
      }
      predSets.add(p);
      trueSets.add(t);
    }
    try (NDManager m = NDManager.newBaseManager()) {
      float[] loss =
          ChamferDistance.between(
                  m.create(pred, new Shape(batch, slots, 2)),
                  m.create(truth, new Shape(batch, slots, 2)),
                  m.create(mask, new Shape(batch, slots)))
              .toFloatArray();
      for (int b = 0; b < batch; b++) {
        double scalar = Chamfer.distance(predSets.get(b), trueSets.get(b));
        assertEquals(scalar, loss[b], 1e-5 * Math.max(1, scalar), "sample " + b);
      }
    }
  }

  /** A stable root between 10 rad/s and 10⁶ rad/s, real or complex. */
  private static Complex root(SplittableRandom rng) {
    double r = Math.pow(10, 1 + 5 * rng.nextDouble());
    double angle = rng.nextBoolean() ? Math.PI : Math.PI / 2 + Math.PI / 2 * rng.nextDouble();
    return new Complex(r * Math.cos(angle), r * Math.sin(angle));
  }
}
