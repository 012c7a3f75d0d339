package org.zged.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.zged.circuit.Circuit;
import org.zged.circuit.CircuitException;
import org.zged.circuit.Element;
import org.zged.circuit.ElementKind;

/** Circuits the analysis must refuse with a clear one-line message, and ones it must not refuse. */
class AnalysisErrorsTest {
  private static String failure(Circuit c) {
    CircuitException e = assertThrows(CircuitException.class, () -> CircuitAnalyzer.analyze(c));
    assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
    return e.getMessage();
  }

  @Test
  void voutOnlyConnectedToGroundGivesIdenticallyZero() {
    Circuit c =
        Circuit.builder()
            .r("R1", "vin", "0", 1e3)
            .r("R2", "vout", "0", 1e3)
            .c("C1", "vout", "0", 1e-9)
            .build();
    assertTrue(failure(c).contains("identically 0"));
  }

  @Test
  void floatingVoutIsReported() {
    Circuit c =
        Circuit.builder()
            .r("R1", "vin", "0", 1e3)
            .r("R2", "vout", "x", 1e3)
            .c("C1", "x", "vout", 1e-9)
            .build();
    assertTrue(failure(c).contains("VOUT floats"));
  }

  @Test
  void missingNodesAndBadValuesAreReported() {
    assertTrue(failure(Circuit.builder().r("R1", "vin", "0", 1e3).build()).contains("VOUT"));
    assertTrue(failure(Circuit.builder().r("R1", "vout", "0", 1e3).build()).contains("VIN"));
    Circuit negative = new Circuit(List.of(new Element("R1", ElementKind.R, "vin", "vout", -5)));
    assertTrue(failure(negative).contains("R1"));
    Circuit nan = new Circuit(List.of(new Element("C1", ElementKind.C, "vin", "vout", Double.NaN)));
    assertTrue(failure(nan).contains("C1"));
    assertTrue(failure(new Circuit(List.of())).contains("no elements"));
  }

  @Test
  void voutTiedOnlyToVinIsAFlatOne() {
    Circuit c = Circuit.builder().r("R1", "vin", "vout", 1e3).c("C1", "vin", "vout", 1e-9).build();
    Analysis a = CircuitAnalyzer.analyze(c);
    assertEquals(ResponseClass.ALLPASS, a.specs().responseClass());
    assertEquals(1.0, a.specs().passbandGain(), 1e-15);
    assertEquals(0, a.poles().size());
  }

  @Test
  void anIslandElsewhereIsIgnored() {
    Circuit plain =
        Circuit.builder().r("R1", "vin", "vout", 1e3).c("C1", "vout", "0", 1e-7).build();
    Circuit island =
        Circuit.builder()
            .r("R1", "vin", "vout", 1e3)
            .c("C1", "vout", "0", 1e-7)
            .r("R2", "p", "q", 10)
            .l("L2", "p", "q", 1e-3)
            .build();
    assertEquals(CircuitAnalyzer.analyze(plain).specs(), CircuitAnalyzer.analyze(island).specs());
  }

  @Test
  void aDeadEndBranchCancelsOut() {
    // x hangs off VOUT through two parallel paths and carries no current: its factor must cancel
    Circuit plain =
        Circuit.builder().r("R1", "vin", "vout", 1e3).c("C1", "vout", "0", 1e-7).build();
    Circuit deadEnd =
        Circuit.builder()
            .r("R1", "vin", "vout", 1e3)
            .c("C1", "vout", "0", 1e-7)
            .r("R2", "vout", "x", 50)
            .l("L2", "vout", "x", 1e-3)
            .build();
    Analysis a = CircuitAnalyzer.analyze(deadEnd);
    assertEquals(1, a.poles().size(), "the dead end's pole cancels: " + a.poles());
    assertEquals(0, a.zeros().size());
    FilterSpecs expected = CircuitAnalyzer.analyze(plain).specs();
    assertEquals(expected.responseClass(), a.specs().responseClass());
    assertEquals(expected.fcHz(), a.specs().fcHz(), 1e-12 * expected.fcHz());
  }
}
