package org.zged.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The field arithmetic of {@link StructuralDegrees} against BigInteger (an independent reference):
 * the addition-chain inverse is a⁻¹ mod 2^61 − 1, and interpolation through 1, 2, ..., m gives the
 * coefficients of the polynomial it was evaluated from.
 */
class StructuralDegreesFieldTest {
  private static final BigInteger P = BigInteger.valueOf(StructuralDegrees.P);

  @Test
  void inverseIsTheModularInverse() {
    SplittableRandom rnd = new SplittableRandom(11);
    long[] edge = {1, 2, 3, StructuralDegrees.P - 1, StructuralDegrees.P - 2, 1L << 60};
    for (long a : edge) {
      assertEquals(BigInteger.valueOf(a).modInverse(P).longValue(), StructuralDegrees.inverse(a));
    }
    for (int i = 0; i < 20_000; i++) {
      long a = 1 + rnd.nextLong(StructuralDegrees.P - 1);
      assertEquals(
          BigInteger.valueOf(a).modInverse(P).longValue(), StructuralDegrees.inverse(a), "" + a);
    }
  }

  @Test
  void interpolationRecoversTheCoefficients() {
    SplittableRandom rnd = new SplittableRandom(12);
    for (int trial = 0; trial < 200; trial++) {
      int m = 1 + rnd.nextInt(40);
      long[] coef = new long[m];
      for (int k = 0; k < m; k++) {
        coef[k] = rnd.nextInt(4) == 0 ? 0 : rnd.nextLong(StructuralDegrees.P);
      }
      long[] xs = new long[m];
      long[] ys = new long[m];
      for (int t = 0; t < m; t++) {
        xs[t] = t + 1;
        BigInteger y = BigInteger.ZERO;
        for (int k = m - 1; k >= 0; k--) {
          y = y.multiply(BigInteger.valueOf(xs[t])).add(BigInteger.valueOf(coef[k])).mod(P);
        }
        ys[t] = y.longValue();
      }
      assertEquals(
          java.util.Arrays.toString(coef),
          java.util.Arrays.toString(StructuralDegrees.interpolate(xs, ys)));
    }
  }
}
