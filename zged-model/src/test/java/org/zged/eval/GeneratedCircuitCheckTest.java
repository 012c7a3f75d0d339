package org.zged.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.zged.analysis.ResponseClass;
import org.zged.circuit.Circuit;
import org.zged.circuit.CircuitGraph;

class GeneratedCircuitCheckTest {

  @Test
  void anRcLowpassIsValid() {
    Circuit c = Circuit.builder().r("R1", "vin", "vout", 1e3).c("C1", "vout", "0", 1e-9).build();
    assertTrue(GeneratedCircuitCheck.structurallyValid(CircuitGraph.of(c)));
    GeneratedCircuitCheck.Electrical e = GeneratedCircuitCheck.electrical(c);
    assertTrue(e.valid(), e.reason());
    assertEquals(ResponseClass.LOWPASS, e.responseClass());
  }

  @Test
  void aResistiveDividerIsWellFormedButNoFilter() {
    Circuit c = Circuit.builder().r("R1", "vin", "vout", 1e3).r("R2", "vout", "0", 1e3).build();
    assertTrue(GeneratedCircuitCheck.structurallyValid(CircuitGraph.of(c)));
    assertFalse(GeneratedCircuitCheck.electrical(c).valid());
    assertEquals("no_poles", GeneratedCircuitCheck.electrical(c).failure());
  }

  /** H(0) = 1/2, H(∞) = 1/(2 + 1/10) ≈ 0.476: a shelf under 3 dB, "allpass" by the check. */
  @Test
  void aShallowShelfIsTalliedAsAllpass() {
    Circuit c =
        Circuit.builder()
            .r("R1", "vin", "vout", 1e3)
            .r("R2", "vout", "0", 1e3)
            .c("C1", "vout", "n1", 1e-8)
            .r("R3", "n1", "0", 1e4)
            .build();
    GeneratedCircuitCheck.Electrical e = GeneratedCircuitCheck.electrical(c);
    assertFalse(e.valid());
    assertEquals("allpass", e.failure());
    Circuit rc = Circuit.builder().r("R1", "vin", "vout", 1e3).c("C1", "vout", "0", 1e-9).build();
    assertEquals("", GeneratedCircuitCheck.electrical(rc).failure());
    assertEquals("no_circuit", GeneratedCircuitCheck.electrical(null).failure());
  }

  @Test
  void aDanglingInternalNodeIsInvalid() {
    Circuit c =
        Circuit.builder()
            .r("R1", "vin", "vout", 1e3)
            .c("C1", "vout", "0", 1e-9)
            .r("R2", "vout", "stub", 1e3)
            .build();
    assertEquals(
        java.util.List.of("internal node stub has 1 edge(s)"),
        GeneratedCircuitCheck.structuralProblems(CircuitGraph.of(c)));
  }

  @Test
  void missingGroundIsInvalid() {
    Circuit c = Circuit.builder().r("R1", "vin", "vout", 1e3).build();
    assertEquals(
        java.util.List.of("no GND node"),
        GeneratedCircuitCheck.structuralProblems(CircuitGraph.of(c)));
  }

  @Test
  void twoPiecesAreInvalid() {
    Circuit c =
        Circuit.builder()
            .r("R1", "vin", "vout", 1e3)
            .c("C1", "a", "0", 1e-9)
            .c("C2", "a", "0", 1e-9)
            .build();
    // parallel C1, C2 form one edge, so node a also dangles
    assertTrue(
        GeneratedCircuitCheck.structuralProblems(CircuitGraph.of(c))
            .contains("the graph is not connected"));
  }
}
