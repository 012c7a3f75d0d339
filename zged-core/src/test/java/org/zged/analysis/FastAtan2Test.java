package org.zged.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
  void agreesWithStrictMathOverManyDecadesToTwoUlpsOfPi() {
    // magnitudes from 1e-300 to 1e300 in every quadrant, including near-axis ratios
    SplittableRandom rnd = new SplittableRandom(4);
    double worst = 0;
    for (int i = 0; i < 3_000_000; i++) {
      double x = Math.copySign(Math.pow(10, rnd.nextDouble(-300, 300)), rnd.nextDouble() - 0.5);
      double y = Math.copySign(Math.pow(10, rnd.nextDouble(-300, 300)), rnd.nextDouble() - 0.5);
      worst = Math.max(worst, Math.abs(FastAtan2.atan2(y, x) - StrictMath.atan2(y, x)));
    }
    assertTrue(worst <= 2 * Math.ulp(Math.PI), "worst error " + worst);
  }

  @Test
  void everyTableIntervalAndItsEdges() {
    for (int k = 0; k <= 512; k++) {
      double t = k / 512.0;
      for (double y : new double[] {Math.nextDown(t), t, Math.nextUp(t)}) {
        if (y >= 0) {
          assertEquals(StrictMath.atan2(y, 1), FastAtan2.atan2(y, 1), 2 * Math.ulp(1.0), "" + y);
          assertEquals(StrictMath.atan2(1, y), FastAtan2.atan2(1, y), 2 * Math.ulp(2.0), "" + y);
        }
      }
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

  @Test
  void nonFiniteArgumentsAreThoseOfMathAtan2() {
    double[] vs = {
      Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, -0.0, 1, -1, 1e308
    };
    for (double y : vs) {
      for (double x : vs) {
        if (!Double.isFinite(x) || !Double.isFinite(y) || (x == 0 && y == 0)) {
          assertEquals(Math.atan2(y, x), FastAtan2.atan2(y, x), 0.0, y + ", " + x);
        }
      }
    }
  }
}
