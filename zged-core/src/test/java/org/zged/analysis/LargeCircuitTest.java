package org.zged.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.zged.circuit.Circuit;
import org.zged.circuit.CircuitException;

/**
 * Bigger circuits: a ladder of identical-time-constant sections (its numerator is K·(s + R/L)^n, an
 * n-fold zero) stays exact to 1e-8 up to 6 sections (12 poles; 3e-10 measured); beyond that the
 * multiple zero limits accuracy, and the self-check refuses rather than answer wrongly. More
 * unknown nodes than the analysis takes (40) is a clear error.
 */
class LargeCircuitTest {
  /** An RLC ladder of the given number of sections: n internal nodes plus VOUT. */
  private static Circuit ladder(int sections) {
    Circuit.Builder b = Circuit.builder();
    String prev = "vin";
    for (int k = 1; k <= sections; k++) {
      String next = k == sections ? "vout" : "n" + k;
      b.r("R" + k, prev, next, 100 * k);
      b.l("L" + k, prev, next, 1e-3 * k);
      b.c("C" + k, next, "0", 1e-8 / k);
      prev = next;
    }
    return b.r("RL", "vout", "0", 1e3).build();
  }

  @Test
  void sixSectionsWithASixfoldZeroMatchTheSixtyDigitSolve() {
    Circuit c = ladder(6);
    Analysis a = CircuitAnalyzer.analyze(c);
    assertEquals(12, a.poles().size(), "two poles per RLC section");
    assertEquals(6, a.zeros().size());
    for (var z : a.zeros()) {
      assertEquals(-1e5, z.getReal(), 1e-9 * 1e5, "the 6-fold zero at -R/L");
      assertEquals(0, z.getImaginary());
    }
    double[] f = FrequencyResponse.logGrid(10, 1e8, 5);
    FrequencyResponse r = a.response(f);
    double max = 0;
    double[] exact = new double[f.length];
    for (int i = 0; i < f.length; i++) {
      exact[i] = HighPrecisionNodalSolver.solve(c, f[i]).norm();
      max = Math.max(max, exact[i]);
    }
    for (int i = 0; i < f.length; i++) {
      double mag = Math.pow(10, r.magnitudeDb()[i] / 20);
      assertEquals(exact[i], mag, 1e-8 * exact[i] + 1e-12 * max, "at " + f[i] + " Hz");
    }
    assertEquals(ResponseClass.LOWPASS, a.specs().responseClass());
  }

  /**
   * 17 identical-time-constant sections: a 17-fold zero, which any method that evaluates the
   * determinant sees as a ring (docs/analysis.md, limits). Whatever the analysis answers must be
   * right; refusing with one line is allowed.
   */
  @Test
  void seventeenSectionsAreRightOrRefused() {
    Circuit c = ladder(17);
    Analysis a;
    try {
      a = CircuitAnalyzer.analyze(c);
    } catch (AnalysisFailedException e) {
      assertTrue(e.getMessage().contains("failed its self-check"), e.getMessage());
      assertTrue(!e.getMessage().contains("\n"), e.getMessage());
      return;
    }
    double[] f = FrequencyResponse.logGrid(10, 1e7, 2);
    FrequencyResponse r = a.response(f);
    for (int i = 0; i < f.length; i++) {
      double exact = HighPrecisionNodalSolver.solve(c, f[i]).norm();
      assertEquals(exact, Math.pow(10, r.magnitudeDb()[i] / 20), 1e-8 * exact, "at " + f[i]);
    }
  }

  @Test
  void moreUnknownsThanTheLimitIsAClearError() {
    CircuitException e =
        assertThrows(CircuitException.class, () -> CircuitAnalyzer.analyze(ladder(41)));
    assertTrue(e.getMessage().contains("too many nodes"), e.getMessage());
  }
}
