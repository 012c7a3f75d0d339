package org.zged.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hipparchus.complex.Complex;
import org.junit.jupiter.api.Test;
import org.zged.circuit.Circuit;

/** Specs and poles of textbook circuits against their closed forms, to 1e-9 relative. */
class ClosedFormSpecsTest {
  private static final double REL = 1e-9;

  private static void assertRel(double expected, Double actual) {
    assertTrue(actual != null, "expected " + expected + " but was null");
    assertEquals(expected, actual, Math.abs(expected) * REL, "relative 1e-9");
  }

  @Test
  void firstOrderRcLowpass() {
    double r = 4.7e3;
    double c = 33e-9;
    Circuit circuit = Circuit.builder().r("R1", "vin", "vout", r).c("C1", "vout", "0", c).build();
    Analysis a = CircuitAnalyzer.analyze(circuit);
    FilterSpecs s = a.specs();
    assertEquals(ResponseClass.LOWPASS, s.responseClass());
    assertRel(1 / (2 * Math.PI * r * c), s.fcHz());
    assertRel(1.0, s.passbandGain());
    assertNull(s.poleQ(), "a first-order response has no pole Q");
    assertNull(s.poleF0Hz());
    assertEquals(1, a.poles().size());
    assertRel(-1 / (r * c), a.poles().get(0).getReal());
    assertEquals(0, a.zeros().size());
    assertRel(1 / (r * c), a.gain());
  }

  @Test
  void firstOrderRcHighpass() {
    double r = 10e3;
    double c = 1e-6;
    Circuit circuit = Circuit.builder().c("C1", "vin", "vout", c).r("R1", "vout", "0", r).build();
    Analysis a = CircuitAnalyzer.analyze(circuit);
    assertEquals(ResponseClass.HIGHPASS, a.specs().responseClass());
    assertRel(1 / (2 * Math.PI * r * c), a.specs().fcHz());
    assertEquals(List.of(Complex.ZERO), a.zeros());
    assertRel(1.0, a.gain());
  }

  @Test
  void seriesRlcBandpass() {
    double r = 100;
    double l = 10e-3;
    double c = 100e-9;
    Circuit circuit =
        Circuit.builder()
            .l("L1", "vin", "n1", l)
            .c("C1", "n1", "vout", c)
            .r("R1", "vout", "0", r)
            .build();
    FilterSpecs s = CircuitAnalyzer.analyze(circuit).specs();
    assertEquals(ResponseClass.BANDPASS, s.responseClass());
    double f0 = 1 / (2 * Math.PI * Math.sqrt(l * c));
    double q = Math.sqrt(l / c) / r;
    assertRel(f0, s.f0Hz());
    assertRel(q, s.q());
    assertRel(f0 / q, s.bandwidthHz());
    assertRel(1.0, s.passbandGain());
    assertRel(q, s.poleQ());
    assertRel(f0, s.poleF0Hz());
    assertTrue(!s.lossless());
  }
}
