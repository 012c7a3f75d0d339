package org.zged.eval;

import java.util.List;
import org.hipparchus.complex.Complex;
import org.zged.model.PoleZeroCodec;

/**
 * Symmetric Chamfer distance between a predicted and a true set of poles (or zeros), measured in
 * the model's normalised root plane ({@link PoleZeroCodec}: angle kept, magnitude on a log scale)
 * with squared Euclidean distances: mean over predicted roots of the nearest true root plus mean
 * over true roots of the nearest predicted root. Identical sets give 0.
 *
 * <p>Empty sets, as in the model's training loss: a circuit with no true roots contributes 0
 * (whatever was predicted; such circuits are left out of averages by {@link #isDefined}). A true
 * set with an empty prediction costs the mean squared radius of the true roots, i.e. "nothing" is
 * read as a root at the origin of the normalised plane (0 rad/s), for which the nearest-point sum
 * would give the same value.
 *
 * <p>This is the scalar twin of the training loss {@link org.zged.model.loss.ChamferDistance}
 * (which must stay on tensors for autograd); {@code ChamferTwinsTest} checks that both give the
 * same number. Other Chamfer distances in zged use other planes on purpose; {@link
 * org.zged.math.Chamfer} lists them.
 */
public final class Chamfer {
  private Chamfer() {}

  /** True when the circuit has roots to compare against; averages should skip the others. */
  public static boolean isDefined(List<Complex> truth) {
    return !truth.isEmpty();
  }

  public static double distance(List<Complex> predicted, List<Complex> truth) {
    if (truth.isEmpty()) {
      return 0.0;
    }
    double[][] t = normalise(truth);
    if (predicted.isEmpty()) {
      double s = 0;
      for (double[] q : t) {
        s += q[0] * q[0] + q[1] * q[1];
      }
      return s / t.length;
    }
    List<double[]> p = List.of(normalise(predicted));
    List<double[]> q = List.of(t);
    return org.zged.math.Chamfer.meanNearest(p, q, Distances::squaredEuclidean)
        + org.zged.math.Chamfer.meanNearest(q, p, Distances::squaredEuclidean);
  }

  private static double[][] normalise(List<Complex> roots) {
    double[][] out = new double[roots.size()][];
    for (int i = 0; i < out.length; i++) {
      float[] f = PoleZeroCodec.encode(roots.get(i));
      out[i] = new double[] {f[0], f[1]};
    }
    return out;
  }
}
