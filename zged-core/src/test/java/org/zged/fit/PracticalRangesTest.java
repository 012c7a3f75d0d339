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
}
