package org.zged.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.zged.InputException;
import org.zged.analysis.CircuitAnalyzer;
import org.zged.circuit.Circuit;
import org.zged.circuit.ElementKind;

class ConstraintsTest {
  @Test
  void badLimitsNameTheFlag() {
    assertEquals(
        "--max-parts: must be between 1 and 16, got 0",
        assertThrows(InputException.class, () -> Constraints.builder().optMaxParts(0).build())
            .getMessage());
    assertTrue(
        assertThrows(InputException.class, () -> ValueWindow.parse("1meg:10", "--r-range"))
            .getMessage()
            .startsWith("--r-range: inverted"));
    assertTrue(
        assertThrows(InputException.class, () -> ValueWindow.parse("10", "--c-range"))
            .getMessage()
            .startsWith("--c-range: expected LO:HI"));
    assertTrue(
        assertThrows(InputException.class, () -> Constraints.builder().optMaxInductors(-1).build())
            .getMessage()
            .startsWith("--max-inductors:"));
    assertThrows(InputException.class, () -> ValueWindow.parse("x:1k", "--r-range"));
  }

  @Test
  void windowsParseSpiceSuffixes() {
    ValueWindow w = ValueWindow.parse("10:1meg", "--r-range");
    assertEquals(10, w.min());
    assertEquals(1e6, w.max());
  }

  @Test
  void impedanceScalingIntoTheWindowsKeepsTheResponse() {
    Circuit c =
        Circuit.builder()
            .r("R1", "vin", "n1", 50)
            .l("L1", "n1", "vout", 1e-3)
            .c("C1", "vout", "0", 1e-6)
            .build();
    Constraints w =
        Constraints.builder().optWindow(ElementKind.R, new ValueWindow(1e3, 1e4)).build();
    Circuit moved = w.intoWindows(c);
    assertEquals(java.util.List.of(), w.violations(moved));
    // k = R'/R; the ratio L/R and the product RC are invariant (independent of how k was chosen).
    double k = moved.element("R1").value() / 50;
    assertEquals(1e-3 * k, moved.element("L1").value(), 1e-3 * k * 1e-12);
    assertEquals(1e-6 / k, moved.element("C1").value(), 1e-6 / k * 1e-12);
    double f0 = CircuitAnalyzer.specs(c).fcHz();
    assertEquals(f0, CircuitAnalyzer.specs(moved).fcHz(), f0 * 1e-9);
    Constraints impossible =
        Constraints.builder()
            .optWindow(ElementKind.R, new ValueWindow(1e3, 1e4))
            .optWindow(ElementKind.C, new ValueWindow(1e-3, 1e-2))
            .build();
    assertSame(c, impossible.intoWindows(c));
  }
}
