package org.zged.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The Box–Muller draws are standard normal: moments and tail mass against N(0, 1). */
class GaussiansTest {
  @Test
  void drawsAreStandardNormal() {
    int n = 200_000;
    SplittableRandom rng = new SplittableRandom(5);
    double sum = 0;
    double sq = 0;
    int beyond2 = 0;
    for (int i = 0; i < n; i++) {
      double x = Gaussians.next(rng);
      assertTrue(Double.isFinite(x));
      sum += x;
      sq += x * x;
      if (Math.abs(x) > 2) {
        beyond2++;
      }
    }
    double mean = sum / n;
    double var = sq / n - mean * mean;
    // standard errors: mean 1/√n = 0.0022, variance √(2/n) = 0.0032; allow 5 of them
    assertEquals(0.0, mean, 5 / Math.sqrt(n));
    assertEquals(1.0, var, 5 * Math.sqrt(2.0 / n));
    // P(|X| > 2) = 0.0455003 for N(0,1); binomial standard error √(p(1−p)/n) = 0.00047
    assertEquals(0.0455003, (double) beyond2 / n, 5 * Math.sqrt(0.0455 * 0.9545 / n));
  }

  @Test
  void theSameSeedGivesTheSameStream() {
    SplittableRandom a = new SplittableRandom(9);
    SplittableRandom b = new SplittableRandom(9);
    for (int i = 0; i < 100; i++) {
      assertEquals(Gaussians.next(a), Gaussians.next(b), 0);
    }
  }
}
