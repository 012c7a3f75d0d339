package org.zged.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.zged.circuit.Circuit;

class PracticalRangesTest {

  @Test
  void centringKeepsTheProductsThatSetTheResponse() {
    // An RC with 0.1 Ω and 1.59 F has fc = 1 Hz but neither value is buyable.
    Circuit c = Circuit.builder().r("R1", "vin", "vout", 0.1).c("C1", "vout", "0", 1.59).build();
    Circuit centred = PracticalRanges.centreImpedance(c);
    double r = centred.element("R1").value();
    double cap = centred.element("C1").value();
    assertEquals(0.1 * 1.59, r * cap, 1e-12);
    assertTrue(PracticalRanges.violations(centred).isEmpty(), centred.toString());
  }

  @Test
  void reportsAndClampsOutOfRangeValues() {
    Circuit c = Circuit.builder().r("R1", "vin", "vout", 1e9).c("C1", "vout", "0", 1e-15).build();
    assertEquals(2, PracticalRanges.violations(c).size());
    assertTrue(PracticalRanges.violations(c).get(1).startsWith("C1 = 1 fF is below 1 pF"));
    Circuit clamped = PracticalRanges.clamp(c);
    assertEquals(1e7, clamped.element("R1").value());
    assertEquals(1e-12, clamped.element("C1").value());
  }

  @Test
  void frequencyScalingDividesOnlyReactances() {
    Circuit c =
        Circuit.builder()
            .r("R1", "vin", "n1", 100)
            .l("L1", "n1", "vout", 1e-3)
            .c("C1", "vout", "0", 1e-6)
            .build();
    Circuit s = PracticalRanges.scaleFrequency(c, 10);
    assertEquals(100, s.element("R1").value());
    assertEquals(1e-4, s.element("L1").value(), 1e-18);
    assertEquals(1e-7, s.element("C1").value(), 1e-21);
  }

  @Test
  void impedanceSpanIsMinusTheWidthOfTheScalingWindowOrTheOvershoot() {
    // R 1 kΩ and C 1 µF: R·k in range for log10 k in [-3, 4], C/k for [-3, 6]: 7 decades of k.
    Circuit rc = Circuit.builder().r("R1", "vin", "vout", 1e3).c("C1", "vout", "0", 1e-6).build();
    assertEquals(-7, PracticalRanges.impedanceSpan(rc), 1e-12);
    // L 10 H and C 1 mF: both at their maximum, exactly one scaling (k = 1) keeps both.
    Circuit lc = Circuit.builder().l("L1", "vin", "vout", 10).c("C1", "vout", "0", 1e-3).build();
    assertEquals(0, PracticalRanges.impedanceSpan(lc), 1e-12);
    // An LC product ten times the largest buyable one is one decade beyond reach.
    Circuit far = Circuit.builder().l("L1", "vin", "vout", 100).c("C1", "vout", "0", 1e-3).build();
    assertEquals(1, PracticalRanges.impedanceSpan(far), 1e-12);
  }

  @Test
  void impedanceSpanIsUnchangedByImpedanceScalingAndSaysWhetherCentringFits() {
    java.util.SplittableRandom rng = new java.util.SplittableRandom(7);
    int feasible = 0;
    for (int i = 0; i < 2000; i++) {
      Circuit c =
          Circuit.builder()
              .r("R1", "vin", "n1", Math.pow(10, -2 + 11 * rng.nextDouble()))
              .l("L1", "n1", "vout", Math.pow(10, -11 + 14 * rng.nextDouble()))
              .c("C1", "vout", "0", Math.pow(10, -14 + 13 * rng.nextDouble()))
              .r("R2", "vout", "0", Math.pow(10, -2 + 11 * rng.nextDouble()))
              .build();
      double span = PracticalRanges.impedanceSpan(c);
      assertEquals(
          span,
          PracticalRanges.impedanceSpan(
              PracticalRanges.scaleImpedance(c, Math.pow(10, -5 + 10 * rng.nextDouble()))),
          1e-9);
      boolean fits = PracticalRanges.violations(PracticalRanges.centreImpedance(c)).isEmpty();
      if (Math.abs(span) > 1e-9) {
        assertEquals(span < 0, fits, c + " span " + span);
      }
      feasible += fits ? 1 : 0;
    }
    assertTrue(feasible > 100 && feasible < 1900, feasible + " of 2000 fit");
  }
}
