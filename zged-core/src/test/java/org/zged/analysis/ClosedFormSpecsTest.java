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

  @Test
  void secondOrderRlcLowpassPoleQAndCutoff() {
    double r = 50;
    double l = 1e-3;
    double c = 1e-7;
    Circuit circuit =
        Circuit.builder()
            .r("R1", "vin", "n1", r)
            .l("L1", "n1", "vout", l)
            .c("C1", "vout", "0", c)
            .build();
    FilterSpecs s = CircuitAnalyzer.analyze(circuit).specs();
    double w0 = 1 / Math.sqrt(l * c);
    double q = Math.sqrt(l / c) / r;
    // |H|² = 1/((1-u)² + u/Q²) = 1/2 with u = (ω/ω0)²
    double b = 2 - 1 / (q * q);
    double u = (b + Math.sqrt(b * b + 4)) / 2;
    assertEquals(ResponseClass.LOWPASS, s.responseClass());
    assertRel(w0 * Math.sqrt(u) / (2 * Math.PI), s.fcHz());
    assertRel(q, s.poleQ());
    assertRel(w0 / (2 * Math.PI), s.poleF0Hz());
    assertRel(1.0, s.passbandGain());
  }

  @Test
  void parallelRlcBandpass() {
    double r = 2e3;
    double l = 1e-3;
    double c = 1e-8;
    Circuit circuit =
        Circuit.builder()
            .r("R1", "vin", "vout", r)
            .l("L1", "vout", "0", l)
            .c("C1", "vout", "0", c)
            .build();
    FilterSpecs s = CircuitAnalyzer.analyze(circuit).specs();
    double q = r * Math.sqrt(c / l);
    double f0 = 1 / (2 * Math.PI * Math.sqrt(l * c));
    assertEquals(ResponseClass.BANDPASS, s.responseClass());
    assertRel(f0, s.f0Hz());
    assertRel(q, s.q());
    assertRel(q, s.poleQ());
    assertRel(1.0, s.passbandGain());
  }

  @Test
  void twinTNotch() {
    double r = 10e3;
    double c = 1e-9;
    Circuit circuit =
        Circuit.builder()
            .r("R1", "vin", "a", r)
            .r("R2", "a", "vout", r)
            .c("C3", "a", "0", 2 * c)
            .c("C1", "vin", "b", c)
            .c("C2", "b", "vout", c)
            .r("R3", "b", "0", r / 2)
            .build();
    Analysis a = CircuitAnalyzer.analyze(circuit);
    FilterSpecs s = a.specs();
    // unloaded twin-T: H(s) = (s² + ω0²)/(s² + 4ω0·s + ω0²), ω0 = 1/RC
    double w0 = 1 / (r * c);
    assertEquals(ResponseClass.BANDSTOP, s.responseClass());
    assertRel(w0 / (2 * Math.PI), s.f0Hz());
    assertRel(w0 * Math.sqrt(9 - Math.sqrt(80)) / (2 * Math.PI), s.fLowHz());
    assertRel(w0 * Math.sqrt(9 + Math.sqrt(80)) / (2 * Math.PI), s.fHighHz());
    assertRel(4 * w0 / (2 * Math.PI), s.bandwidthHz());
    assertRel(0.25, s.q());
    assertRel(0.25, s.poleQ(), "two real poles: sqrt(p1 p2)/(p1 + p2)");
    assertEquals(2, a.zeros().size());
    assertEquals(0.0, a.zeros().get(0).getReal(), "notch zeros exactly on the jw axis");
    assertRel(w0, Math.abs(a.zeros().get(0).getImaginary()));
    assertRel(1.0, s.passbandGain());
  }

  @Test
  void seriesResonantTrap() {
    double r = 600;
    double l = 10e-3;
    double c = 100e-9;
    Circuit circuit =
        Circuit.builder()
            .r("R1", "vin", "vout", r)
            .l("L1", "vout", "n1", l)
            .c("C1", "n1", "0", c)
            .build();
    FilterSpecs s = CircuitAnalyzer.analyze(circuit).specs();
    double f0 = 1 / (2 * Math.PI * Math.sqrt(l * c));
    double q = Math.sqrt(l / c) / r;
    assertEquals(ResponseClass.BANDSTOP, s.responseClass());
    assertRel(f0, s.f0Hz());
    assertRel(q, s.q());
    assertRel(f0 / q, s.bandwidthHz());
  }

  @Test
  void losslessLcLowpassIsFlaggedNotCrashed() {
    double l = 1e-3;
    double c = 1e-6;
    Circuit circuit = Circuit.builder().l("L1", "vin", "vout", l).c("C1", "vout", "0", c).build();
    Analysis a = CircuitAnalyzer.analyze(circuit);
    FilterSpecs s = a.specs();
    double w0 = 1 / Math.sqrt(l * c);
    assertTrue(s.lossless());
    assertEquals(ResponseClass.LOWPASS, s.responseClass());
    assertEquals(0.0, a.poles().get(0).getReal(), "poles exactly on the jw axis");
    assertRel(w0, Math.abs(a.poles().get(0).getImaginary()));
    // |H| = 1/|1 - u| falls to 1/sqrt2 at u = 1 + sqrt2
    assertRel(w0 * Math.sqrt(1 + Math.sqrt(2)) / (2 * Math.PI), s.fcHz());
    assertNull(s.poleQ(), "infinite Q is reported as null");
    assertRel(w0 / (2 * Math.PI), s.poleF0Hz());
  }

  @Test
  void losslessBandpassHasCentreButNoBandwidth() {
    Circuit circuit =
        Circuit.builder()
            .l("L1", "vin", "n1", 1e-3)
            .c("C1", "n1", "vout", 1e-6)
            .l("L2", "vout", "0", 1e-3)
            .c("C2", "vout", "0", 1e-6)
            .build();
    FilterSpecs s = CircuitAnalyzer.analyze(circuit).specs();
    assertTrue(s.lossless());
    assertEquals(ResponseClass.BANDPASS, s.responseClass());
    assertTrue(s.f0Hz() != null && s.f0Hz() > 0);
    assertNull(s.q());
    assertNull(s.bandwidthHz());
  }

  private static void assertRel(double expected, Double actual, String message) {
    assertTrue(actual != null, message + ": null");
    assertEquals(expected, actual, Math.abs(expected) * REL, message);
  }
}
