package org.zged.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.zged.circuit.Circuit;

class RangeReachTest {

  @Test
  void anLcPairDoesNotResonateBelowWhatTheLargestPartsAllow() {
    // Series R, shunt L·C tank: f0 = 1/(2π√(LC)) = 159 Hz. The lowest f0 with L ≤ 10 H and C ≤ 1 mF
    // is 1/(2π√(0.01)) = 1.5915 Hz; at 1 Hz the product LC must grow (1.5915)² times more than
    // the ranges allow, which no impedance scaling (L·k, C/k) changes: 2·log10(1.5915) decades.
    Circuit c =
        Circuit.builder()
            .r("R1", "vin", "vout", 1e3)
            .l("L1", "vout", "0", 1)
            .c("C1", "vout", "0", 1e-6)
            .build();
    RangeReach reach = RangeReach.of(c);
    double f0 = 1 / (2 * Math.PI * Math.sqrt(1e-6));
    assertEquals(2 * Math.log10(1 / (2 * Math.PI * 0.1)), reach.beyond(Math.log10(1 / f0)), 1e-9);
    assertTrue(reach.beyond(Math.log10(1.6 / f0)) <= 0);
    assertTrue(reach.beyond(0) < 0);
  }

  @Test
  void agreesWithScalingTheCircuitAndSearchingTheImpedanceScale() {
    SplittableRandom rng = new SplittableRandom(7);
    String[] kinds = {"R", "L", "C"};
    for (int trial = 0; trial < 80; trial++) {
      Circuit.Builder b = Circuit.builder();
      int n = 1 + rng.nextInt(6);
      for (int i = 0; i < n; i++) {
        String k = kinds[rng.nextInt(3)];
        String name = k + i;
        String a = i == 0 ? "vin" : "n" + i;
        switch (k) {
          case "R" -> b.r(name, a, "vout", Math.pow(10, rng.nextDouble(-1, 8)));
          case "L" -> b.l(name, a, "vout", Math.pow(10, rng.nextDouble(-10, 2)));
          default -> b.c(name, a, "vout", Math.pow(10, rng.nextDouble(-13, -2)));
        }
      }
      Circuit c = b.build();
      double shift = rng.nextDouble(-4, 4);
      Circuit moved = PracticalRanges.scaleFrequency(c, Math.pow(10, shift));
      double beyond = RangeReach.of(c).beyond(shift);
      assertEquals(PracticalRanges.impedanceSpan(moved), beyond, 1e-9, c + " shift " + shift);
      // A second method: try impedance scalings on a fine grid and check every value.
      boolean someScalingFits = false;
      for (double y = -12; y <= 12 && !someScalingFits; y += 0.005) {
        someScalingFits =
            PracticalRanges.violations(PracticalRanges.scaleImpedance(moved, Math.pow(10, y)))
                .isEmpty();
      }
      if (beyond < -0.01) {
        assertTrue(someScalingFits, c + " shift " + shift + " beyond " + beyond);
      } else if (beyond > 0.01) {
        assertTrue(!someScalingFits, c + " shift " + shift + " beyond " + beyond);
      }
    }
  }
}
