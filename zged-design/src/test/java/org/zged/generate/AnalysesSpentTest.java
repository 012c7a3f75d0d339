package org.zged.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.zged.circuit.Circuit;
import org.zged.circuit.Element;
import org.zged.circuit.ElementKind;

/** The bench's split of an arm's analyses by what each fit came to. */
class AnalysesSpentTest {
  static final Circuit RC =
      new Circuit(
          List.of(
              new Element("R1", ElementKind.R, Circuit.VIN, Circuit.VOUT, 1e3),
              new Element("C1", ElementKind.C, Circuit.VOUT, Circuit.GND, 1e-6)));

  static SearchRun.Fit fit(int analyses, double score, boolean meets, boolean clamped) {
    return new SearchRun.Fit("x", "t", RC, 2, "screen", analyses, score, meets, clamped, 0);
  }

  @Test
  void eachFitCountsInOnePartUpToTheFirstThatMet() {
    List<SearchRun.Fit> fits =
        List.of(
            fit(10, Double.POSITIVE_INFINITY, false, false), // no response
            fit(20, 3.0, false, true), // clamped into the ranges
            fit(30, 0.05, false, false), // close
            fit(40, 0.2, false, false), // REFINE_BELOW itself is far
            fit(50, 1e-6, true, false), // the first that met
            fit(60, 1e-7, true, false)); // after the first success: not counted
    AnalysesSpent s = AnalysesSpent.of(fits);
    assertEquals(new AnalysesSpent(50, 10, 20, 30, 40, 5), s);
    assertEquals(150, s.total());
    assertEquals(new AnalysesSpent(100, 20, 40, 60, 80, 10), s.plus(s));
    // a miss: every fit
    AnalysesSpent miss = AnalysesSpent.of(fits.subList(0, 4));
    assertEquals(new AnalysesSpent(0, 10, 20, 30, 40, 4), miss);
  }

  @Test
  void theTailIsTheSlowerHalfMissesFirst() {
    AnalysesSpent[] spent = {
      new AnalysesSpent(1, 0, 0, 0, 0, 1),
      new AnalysesSpent(0, 0, 5, 0, 0, 2),
      new AnalysesSpent(0, 0, 0, 7, 0, 3),
      new AnalysesSpent(0, 0, 0, 0, 9, 4)
    };
    int[] toSuccess = {1, MatchedSuccess.NEVER, 100, 7};
    // slowest two: the miss (index 1) and the one met at 100 (index 2)
    assertEquals(new AnalysesSpent(0, 0, 5, 7, 0, 5), SuiteBenchmark.sum(spent, 2, toSuccess));
    assertEquals(new AnalysesSpent(1, 0, 5, 7, 9, 10), SuiteBenchmark.sum(spent, 4, null));
  }
}
