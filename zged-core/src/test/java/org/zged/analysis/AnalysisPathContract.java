package org.zged.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hipparchus.complex.Complex;
import org.junit.jupiter.api.Test;
import org.zged.circuit.Circuit;
import org.zged.circuit.Element;

/**
 * General checks every way of computing H(j2πf) must pass (EJML style: one abstract test class, one
 * subclass per path). A path is a function from a circuit and a frequency grid to complex H; the
 * checks compare it with closed forms, with a 60-digit direct solve of the nodal equations, and
 * with itself on circuits that must behave identically.
 */
abstract class AnalysisPathContract {
  /** 10 Hz to 100 MHz, 10 points per decade. */
  static final double[] GRID = FrequencyResponse.logGrid(10, 1e8, 10);

  /** H(j2πf) at every frequency of the grid by the path under test. */
  abstract Complex[] h(Circuit circuit, double[] freqHz);

  /** Relative agreement the path promises (against max|H| over the grid as a floor). */
  double tolerance() {
    return 1e-9;
  }

  private void assertClose(Complex[] expected, Complex[] actual, String what) {
    assertEquals(expected.length, actual.length, what + ": number of points");
    double max = 0;
    for (Complex e : expected) {
      max = Math.max(max, e.norm());
    }
    for (int i = 0; i < expected.length; i++) {
      double err = expected[i].subtract(actual[i]).norm();
      double allowed = tolerance() * (expected[i].norm() + 1e-3 * max);
      assertTrue(
          err <= allowed,
          what + " at " + GRID[i] + " Hz: expected " + expected[i] + " but was " + actual[i]);
    }
  }

  private static Complex[] closedForm(java.util.function.Function<Complex, Complex> hOfS) {
    Complex[] out = new Complex[GRID.length];
    for (int i = 0; i < GRID.length; i++) {
      out[i] = hOfS.apply(new Complex(0, 2 * Math.PI * GRID[i]));
    }
    return out;
  }

  @Test
  void rcLowpassIsOneOverOnePlusSRC() {
    double r = 3.3e3;
    double c = 4.7e-9;
    Circuit circuit = Circuit.builder().r("R1", "vin", "vout", r).c("C1", "vout", "0", c).build();
    Complex[] expected = closedForm(s -> Complex.ONE.divide(s.multiply(r * c).add(1)));
    assertClose(expected, h(circuit, GRID), "RC lowpass");
  }

  @Test
  void seriesRlcBandpassMatchesItsClosedForm() {
    double r = 75;
    double l = 2.2e-3;
    double c = 47e-9;
    Circuit circuit =
        Circuit.builder()
            .l("L1", "vin", "n1", l)
            .c("C1", "n1", "vout", c)
            .r("R1", "vout", "0", r)
            .build();
    // H = sRC / (s²LC + sRC + 1)
    Complex[] expected =
        closedForm(
            s ->
                s.multiply(r * c)
                    .divide(s.multiply(s).multiply(l * c).add(s.multiply(r * c)).add(1)));
    assertClose(expected, h(circuit, GRID), "series RLC");
  }

  @Test
  void textbookCircuitsMatchTheSixtyDigitSolve() {
    for (Map.Entry<String, Circuit> e : TestCircuits.textbook().entrySet()) {
      Complex[] expected = new Complex[GRID.length];
      for (int i = 0; i < GRID.length; i++) {
        expected[i] = HighPrecisionNodalSolver.solve(e.getValue(), GRID[i]);
      }
      assertClose(expected, h(e.getValue(), GRID), e.getKey());
    }
  }

  @Test
  void aBranchOffTheSourceChangesNothing() {
    Circuit plain = TestCircuits.textbook().get("lc ladder 3rd order");
    List<Element> more = new ArrayList<>(plain.elements());
    more.add(new Element("R90", org.zged.circuit.ElementKind.R, "vin", "x", 10));
    more.add(new Element("C90", org.zged.circuit.ElementKind.C, "x", "0", 1e-6));
    assertClose(h(plain, GRID), h(plain.withElements(more), GRID), "branch off VIN");
  }

  @Test
  void parallelElementsActAsTheirSum() {
    Circuit single =
        Circuit.builder()
            .r("R1", "vin", "vout", 1e3)
            .c("C1", "vout", "0", 3e-8)
            .l("L1", "vout", "0", 1e-2)
            .build();
    Circuit split =
        Circuit.builder()
            .r("R1", "vin", "vout", 2e3)
            .r("R2", "vin", "vout", 2e3)
            .c("C1", "vout", "0", 1e-8)
            .c("C2", "vout", "0", 2e-8)
            .l("L1", "vout", "0", 2e-2)
            .l("L2", "vout", "0", 2e-2)
            .build();
    assertClose(h(single, GRID), h(split, GRID), "parallel parts");
  }

  @Test
  void internalNodeNamesDoNotMatter() {
    Circuit a = TestCircuits.textbook().get("lc ladder 5th order");
    Circuit b = TestCircuits.relabel(TestCircuits.relabel(a, "n0", "zz"), "n2", "aa");
    assertClose(h(a, GRID), h(b, GRID), "renamed nodes");
  }
}
