package org.zged.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.zged.circuit.Circuit;

/**
 * Every frequency spec satisfies its defining equation when checked with the 60-digit solve of the
 * nodal equations, on random circuits: the cutoff is exactly 3 dB below the passband, the band
 * edges exactly 3 dB below the peak or the passband, the peak is the largest value anywhere on a
 * fine grid and the notch the smallest.
 */
class SpecsPropertiesTest {
  private static final double REL = 1e-8;
  private static final double[] GRID = FrequencyResponse.logGrid(1, 1e9, 50);

  private static double mag(Circuit c, double hz) {
    return HighPrecisionNodalSolver.solve(c, hz).norm();
  }

  private static void assertLevel(double expected, double actual, String what) {
    assertEquals(expected, actual, REL * expected, what);
  }

  /**
   * |H| crosses {@code level} at f: either it equals the level to {@code tol} there, or it is on
   * opposite sides of the level just below and above f (a steep edge of a very high-Q response,
   * where the double-precision frequency itself moves |H| by more than the tolerance). The probe
   * step shrinks with Q so that it stays well inside a band only f/Q wide.
   */
  private static void assertCrossing(Circuit c, double f, double level, double q, String what) {
    double at = mag(c, f);
    if (Math.abs(at - level) <= tolerance(q) * level) {
      return;
    }
    double step = 1e-9 / Math.max(1, q / 1e6);
    double below = mag(c, f * (1 - step)) - level;
    double above = mag(c, f * (1 + step)) - level;
    assertTrue(below * above <= 0, what + ": |H(f)| = " + at + " vs level " + level);
  }

  /**
   * A peak of quality Q is set by a pole's real part, |p|/(2Q), which double-precision roots know
   * to about one ulp of |p|: the peak value, and the −3 dB level taken from it, are good to about
   * 2.2e-16·2Q relative.
   */
  private static double tolerance(double q) {
    return Math.max(REL, 1e-15 * q);
  }

  @Property(tries = 80)
  void everySpecMeetsItsDefinition(
      @ForAll long seed, @ForAll @IntRange(min = 0, max = 2) int topology) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Circuit c =
        TestCircuits.random(rnd, TestCircuits.Topology.values()[topology], rnd.nextBoolean());
    Analysis a = CircuitAnalyzer.analyze(c);
    FilterSpecs s = a.specs();
    double half = Math.sqrt(0.5);
    double q = s.q() != null ? s.q() : s.poleQ() != null ? s.poleQ() : 1;
    switch (s.responseClass()) {
      case LOWPASS, HIGHPASS -> {
        if (s.fcHz() != null) {
          assertCrossing(c, s.fcHz(), s.passbandGain() * half, q, "fc " + s + c);
        }
        // the limits, approached far beyond every pole and zero
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (var r : a.poles()) {
          lo = Math.min(lo, r.norm());
          hi = Math.max(hi, r.norm());
        }
        for (var r : a.zeros()) {
          if (r.norm() > 0) {
            lo = Math.min(lo, r.norm());
            hi = Math.max(hi, r.norm());
          }
        }
        double edge =
            s.responseClass() == ResponseClass.LOWPASS
                ? 1e-7 * lo / (2 * Math.PI)
                : 1e7 * hi / (2 * Math.PI);
        assertLevel(s.passbandGain(), mag(c, edge), "passband gain " + s + c);
      }
      case BANDPASS -> {
        if (s.passbandGain() != null) {
          assertEquals(
              s.passbandGain(),
              mag(c, s.f0Hz()),
              tolerance(q) * s.passbandGain(),
              "|H(f0)| " + s + c);
          for (double f : GRID) {
            assertTrue(mag(c, f) <= s.passbandGain() * (1 + REL), "peak is global " + f + s + c);
          }
          if (s.fLowHz() != null) {
            assertCrossing(c, s.fLowHz(), s.passbandGain() * half, q, "fLow " + s + c);
          }
          if (s.fHighHz() != null) {
            assertCrossing(c, s.fHighHz(), s.passbandGain() * half, q, "fHigh " + s + c);
          }
        }
      }
      case BANDSTOP -> {
        double notch = mag(c, s.f0Hz());
        for (double f : GRID) {
          assertTrue(mag(c, f) >= notch * (1 - REL) - 1e-12, "notch is global " + f + s + c);
        }
        assertCrossing(c, s.fLowHz(), s.passbandGain() * half, q, "fLow " + s + c);
        assertCrossing(c, s.fHighHz(), s.passbandGain() * half, q, "fHigh " + s + c);
      }
      default -> {
        // allpass and other carry no frequency specs to check
      }
    }
  }
}
