package org.zged.model;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.hipparchus.complex.Complex;
import org.zged.circuit.Circuit;

/**
 * Four small filter families with poles and zeros worked out by hand, so model tests do not depend
 * on the dataset generator: RC low-pass (p = −1/RC), RC high-pass (p = −1/RC, z = 0), RL low-pass
 * (p = −R/L), and series R–L with shunt C (H = 1/(s²LC + sRC + 1)).
 */
public final class HandMadeCircuits {
  private HandMadeCircuits() {}

  public static List<ModelExample> sample(int perFamily, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<ModelExample> out = new ArrayList<>();
    for (int i = 0; i < perFamily; i++) {
      out.add(rcLowpass(logUniform(rng, 2, 5), logUniform(rng, -9, -6)));
      out.add(rcHighpass(logUniform(rng, 2, 5), logUniform(rng, -9, -6)));
      out.add(rlLowpass(logUniform(rng, 2, 5), logUniform(rng, -4, -2)));
      out.add(rlcLowpass(logUniform(rng, 2, 4), logUniform(rng, -4, -2), logUniform(rng, -9, -6)));
    }
    return out;
  }

  public static ModelExample rcLowpass(double r, double c) {
    Circuit k = Circuit.builder().r("R1", "vin", "vout", r).c("C1", "vout", "0", c).build();
    return new ModelExample(k, List.of(new Complex(-1 / (r * c))), List.of());
  }

  public static ModelExample rcHighpass(double r, double c) {
    Circuit k = Circuit.builder().c("C1", "vin", "vout", c).r("R1", "vout", "0", r).build();
    return new ModelExample(k, List.of(new Complex(-1 / (r * c))), List.of(Complex.ZERO));
  }

  public static ModelExample rlLowpass(double r, double l) {
    Circuit k = Circuit.builder().l("L1", "vin", "vout", l).r("R1", "vout", "0", r).build();
    return new ModelExample(k, List.of(new Complex(-r / l)), List.of());
  }

  public static ModelExample rlcLowpass(double r, double l, double c) {
    Circuit k =
        Circuit.builder()
            .r("R1", "vin", "n1", r)
            .l("L1", "n1", "vout", l)
            .c("C1", "vout", "0", c)
            .build();
    // Roots of LC s² + RC s + 1.
    double a = l * c;
    double b = r * c;
    double disc = b * b - 4 * a;
    List<Complex> poles;
    if (disc < 0) {
      double re = -b / (2 * a);
      double im = Math.sqrt(-disc) / (2 * a);
      poles = List.of(new Complex(re, im), new Complex(re, -im));
    } else {
      double sq = Math.sqrt(disc);
      poles = List.of(new Complex((-b + sq) / (2 * a)), new Complex((-b - sq) / (2 * a)));
    }
    return new ModelExample(k, poles, List.of());
  }

  private static double logUniform(SplittableRandom rng, double lo, double hi) {
    return Math.pow(10, lo + (hi - lo) * rng.nextDouble());
  }
}
