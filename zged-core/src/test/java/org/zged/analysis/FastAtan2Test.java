package org.zged.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FastAtan2Test {
  @Test
  void agreesWithMathAtan2EverywhereToAFewUlps() {
    SplittableRandom rnd = new SplittableRandom(3);
    for (int i = 0; i < 200_000; i++) {
      double x = (rnd.nextDouble() - 0.5) * Math.pow(10, rnd.nextInt(-20, 20));
      double y = (rnd.nextDouble() - 0.5) * Math.pow(10, rnd.nextInt(-20, 20));
      double expected = Math.atan2(y, x);
      assertEquals(expected, FastAtan2.atan2(y, x), 4 * Math.ulp(Math.PI), x + ", " + y);
    }
  }

  @Test
  void axesAndSignedZeros() {
    double[][] cases = {
      {0, 1}, {1, 0}, {0, -1}, {-1, 0}, {1, 1}, {-1, -1}, {0.0, -0.0}, {-0.0, -1}
    };
    for (double[] c : cases) {
      assertEquals(Math.atan2(c[0], c[1]), FastAtan2.atan2(c[0], c[1]), 4 * Math.ulp(Math.PI));
    }
  }
}
