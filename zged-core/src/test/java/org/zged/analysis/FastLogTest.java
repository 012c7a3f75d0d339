package org.zged.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FastLogTest {
  /** The bound the class comment claims, in units of max(1, |ln x|). */
  private static final double BOUND = 2.5e-16;

  @Test
  void agreesWithStrictMathLogOverAllNormalDoubles() {
    SplittableRandom rnd = new SplittableRandom(11);
    double worst = 0;
    for (int i = 0; i < 4_000_000; i++) {
      // uniform in the exponent, so every decade from the smallest to the largest normal is hit
      double x = Math.exp(rnd.nextDouble(Math.log(Double.MIN_NORMAL), Math.log(Double.MAX_VALUE)));
      worst = Math.max(worst, scaledError(x));
    }
    assertTrue(worst <= BOUND, "worst scaled error " + worst);
  }

  @Test
  void keepsRelativeAccuracyNearOne() {
    // the response's magnitude ratio sits near 1 in a passband; the result there is near 0
    SplittableRandom rnd = new SplittableRandom(12);
    double worstAbs = 0;
    double worstRel = 0;
    for (int i = 0; i < 2_000_000; i++) {
      double x = 1 + (rnd.nextDouble() - 0.5) * Math.pow(10, -rnd.nextInt(0, 16));
      double expected = StrictMath.log(x);
      double err = Math.abs(FastLog.ln(x) - expected);
      worstAbs = Math.max(worstAbs, err);
      if (expected != 0) {
        worstRel = Math.max(worstRel, err / Math.abs(expected));
      }
    }
    assertTrue(worstAbs <= BOUND, "worst absolute error " + worstAbs);
    assertTrue(worstRel <= 1e-13, "worst relative error " + worstRel);
  }

  @Test
  void everyTableIntervalAndItsEdges() {
    for (int e = -1022; e <= 1023; e += 7) {
      for (int k = 0; k <= 256; k++) {
        double c = Math.scalb(1 + k / 256.0, e);
        for (double x : new double[] {Math.nextDown(c), c, Math.nextUp(c)}) {
          if (x >= Double.MIN_NORMAL && x <= Double.MAX_VALUE) {
            double err = scaledError(x);
            assertTrue(err <= BOUND, x + ": scaled error " + err);
          }
        }
      }
    }
  }

  @Test
  void decibelsOfPowerRatiosMatchMathLog10() {
    // how FactoredResponse uses it: 10·log10 of ratios from −600 dB to +600 dB
    SplittableRandom rnd = new SplittableRandom(13);
    double dbPerNeper = 10 / Math.log(10);
    double worst = 0;
    for (int i = 0; i < 2_000_000; i++) {
      double r = Math.pow(10, rnd.nextDouble(-60, 60));
      worst = Math.max(worst, Math.abs(dbPerNeper * FastLog.ln(r) - 10 * Math.log10(r)));
    }
    assertTrue(worst <= 1e-12, "worst dB difference " + worst);
  }

  @Test
  void valuesOutsideThePositiveNormalsAreThoseOfMathLog() {
    double[] xs = {
      0.0,
      -0.0,
      -1,
      Double.MIN_VALUE,
      Double.MIN_NORMAL / 3,
      Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY,
      Double.NaN,
      -Double.MIN_NORMAL
    };
    for (double x : xs) {
      assertEquals(Math.log(x), FastLog.ln(x), 0.0, Double.toString(x));
    }
  }

  @Test
  void exactPoints() {
    assertEquals(0.0, FastLog.ln(1), 0.0);
    for (double x : new double[] {2, 0.5, 0.75, 1.5, Double.MIN_NORMAL, Double.MAX_VALUE}) {
      assertTrue(scaledError(x) <= BOUND, Double.toString(x));
    }
  }

  private static double scaledError(double x) {
    double expected = StrictMath.log(x);
    return Math.abs(FastLog.ln(x) - expected) / Math.max(1, Math.abs(expected));
  }
}
