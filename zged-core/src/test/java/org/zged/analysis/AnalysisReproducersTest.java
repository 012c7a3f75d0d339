package org.zged.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.hipparchus.complex.Complex;
import org.junit.jupiter.api.Test;
import org.zged.circuit.Circuit;
import org.zged.circuit.CircuitException;
import org.zged.circuit.Element;
import org.zged.circuit.ElementKind;

/**
 * The reproducers of issue 10 at the library level (the CLI-level ones are in zged-app's
 * SimulateExactnessTest): each analysis is right against the 60-digit nodal solve, or fails with
 * one line — never a wrong answer.
 */
class AnalysisReproducersTest {
  private static Circuit pi(boolean load) {
    Circuit.Builder b =
        Circuit.builder()
            .title("pi")
            .r("Rs", "vin", "n1", 1e3)
            .c("C1", "n1", "0", 15.9154943092e-9)
            .l("L2", "n1", "vout", 31.8309886184e-3)
            .c("C3", "vout", "0", 15.9154943092e-9);
    return load ? b.r("RL", "vout", "0", 1e3).build() : b.build();
  }

  /** H from poles, zeros and gain against the 60-digit solve at the given s (rad/s). */
  private static void assertExact(Circuit c, Analysis a, double tol, Complex... points) {
    for (Complex s : points) {
      Complex exact = HighPrecisionNodalSolver.solveAt(c, s);
      Complex h = LadderExactnessTest.factored(a, s);
      assertTrue(
          h.subtract(exact).norm() <= tol * exact.norm(), "at " + s + ": " + h + " vs " + exact);
    }
  }

  @Test
  void piLowPassTextbookCase() {
    Circuit c =
        Circuit.builder()
            .title("pi")
            .r("Rs", "vin", "n1", 1e3)
            .c("C1", "n1", "0", 10e-9)
            .l("L2", "n1", "vout", 20e-3)
            .c("C3", "vout", "0", 10e-9)
            .build();
    Analysis a = CircuitAnalyzer.analyze(c);
    assertEquals(3, a.poles().size());
    int real = 0;
    for (Complex p : a.poles()) {
      if (p.getImaginary() == 0) {
        real++;
        assertEquals(-64780, p.getReal(), 1, "the real pole (ngspice, numpy, 700-digit solve)");
      } else {
        assertEquals(-17610, p.getReal(), 1);
        assertEquals(86072, Math.abs(p.getImaginary()), 1);
      }
    }
    assertEquals(1, real);
    assertEquals(1.0, a.specs().passbandGain(), 1e-12);
    assertEquals(17.29e3, a.specs().fcHz(), 0.01e3);
    assertExact(c, a, 1e-12, new Complex(0, 1e4), new Complex(0, 1e5), new Complex(3e4, 3e4));
  }

  @Test
  void butterworthLadderWithoutItsLoadResistor() {
    Circuit c = pi(false);
    Analysis a = CircuitAnalyzer.analyze(c);
    assertEquals(3, a.poles().size());
    assertEquals(1.0, a.specs().passbandGain(), 1e-12);
    assertExact(c, a, 1e-12, new Complex(0, 3e4), new Complex(0, 2 * Math.PI * 1e4));
  }

  @Test
  void denseSixteenNodeMeshIsRightOrRefused() {
    SplittableRandom rnd = new SplittableRandom(16);
    List<String> nodes = new ArrayList<>(List.of("0", "vin", "vout"));
    for (int i = 1; i <= 13; i++) {
      nodes.add("n" + i);
    }
    List<Element> elements = new ArrayList<>();
    int count = 0;
    for (int i = 0; i < nodes.size(); i++) {
      for (int j = i + 1; j < nodes.size(); j++) {
        if (i == 0 && j == 1) {
          continue;
        }
        double spread = Math.pow(10, rnd.nextDouble() - 0.5);
        ElementKind kind = ElementKind.values()[rnd.nextInt(3)];
        double v =
            switch (kind) {
              case R -> 1e3 * spread;
              case C -> 1e-9 * spread;
              case L -> 1e-3 * spread;
            };
        elements.add(
            new Element("" + kind.letter() + ++count, kind, nodes.get(i), nodes.get(j), v));
      }
    }
    Circuit c = new Circuit("mesh16", elements);
    Analysis a;
    try {
      a = CircuitAnalyzer.analyze(c);
    } catch (AnalysisFailedException e) {
      assertFalse(e.getMessage().contains("\n"));
      return;
    }
    assertExact(
        c,
        a,
        1e-9,
        new Complex(0, 1e5),
        new Complex(0, 1e6),
        new Complex(0, 1e7),
        new Complex(1e6, 1e6));
  }

  /** Impedance scaling by 1e±150 is exact for RLC: the same H as unscaled. */
  @Test
  void valuesNearTenToThePlusMinus150() {
    Circuit base = pi(true);
    Analysis ref = CircuitAnalyzer.analyze(base);
    for (double k : new double[] {1e150, 1e-150}) {
      List<Element> out = new ArrayList<>();
      for (Element e : base.elements()) {
        out.add(e.withValue(e.kind() == ElementKind.C ? e.value() / k : e.value() * k));
      }
      Circuit scaled = base.withElements(out);
      Analysis a = CircuitAnalyzer.analyze(scaled);
      assertEquals(ref.poles().size(), a.poles().size());
      for (Complex p : a.poles()) {
        double nearest = Double.POSITIVE_INFINITY;
        for (Complex q : ref.poles()) {
          nearest = Math.min(nearest, p.subtract(q).norm());
        }
        assertEquals(0, nearest, 1e-12 * p.norm(), "pole " + p);
      }
      assertEquals(ref.gain(), a.gain(), 1e-12 * ref.gain());
      assertEquals(ref.specs().fcHz(), a.specs().fcHz(), 1e-9 * ref.specs().fcHz());
    }
  }

  @Test
  void valuesOutsideTheRangeAreOneLineErrorsNotStackTraces() {
    for (double v : new double[] {1e300, 4.9e-324}) {
      Circuit c =
          Circuit.builder()
              .r("R1", "vin", "vout", v > 1 ? v : 1e3)
              .c("C1", "vout", "0", v > 1 ? 1e-6 : v)
              .build();
      CircuitException e = assertThrows(CircuitException.class, () -> CircuitAnalyzer.analyze(c));
      assertTrue(e.getMessage().contains("outside the range zged can analyse"), e.getMessage());
    }
  }
}
