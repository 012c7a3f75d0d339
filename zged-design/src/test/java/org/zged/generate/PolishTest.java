package org.zged.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.zged.analysis.CircuitAnalyzer;
import org.zged.fit.SpecErrors;
import org.zged.fit.SpecTarget;
import org.zged.fit.ValueFitter;

/**
 * The search fits response targets only to {@link SearchRun#SEARCH_TOLERANCE}; what a run returns
 * is polished to the fitter's own tolerance. Checked on out-of-template targets (seed 3, held out
 * from the choice of the tolerance) with the VAE, random and pipeline arms: each returned candidate
 * that meets reports the error an independent analysis of its netlist gives, was polished (budget
 * left) and is no worse than the search's fit; some go from the search tolerance to exact; the
 * analyses of every logged fit, polish included, add up to the budget used; and the search really
 * stopped early.
 */
class PolishTest extends ShippedModelTest {
  /** Errors below this count as exact (the fitter's tolerance is 1e-7). */
  private static final double POLISHED = 1e-5;

  @Test
  void returnedCandidatesArePolishedAndEveryAnalysisIsCharged() {
    int improved = 0;
    int looseSuccesses = 0;
    for (SuiteTargets.Target t : SuiteTargets.draw("out-of-template", 4, 3)) {
      SpecTarget target = t.target();
      for (SpecGenerator.Arm arm :
          List.of(SpecGenerator.Arm.VAE, SpecGenerator.Arm.RANDOM, SpecGenerator.Arm.PIPELINE)) {
        List<SearchRun.Fit> fits = new ArrayList<>();
        int budget = 1500;
        Generation g =
            generator.run(
                target, null, t.constraints(), 1, 3, budget, arm, r -> fits.addAll(r.fits()));
        int charged = fits.stream().mapToInt(SearchRun.Fit::analyses).sum();
        assertEquals(g.analyses(), charged, arm + " " + target.describe());
        assertTrue(g.analysesToSuccess() <= g.analyses());
        for (SearchRun.Fit f : fits) {
          if (!f.kind().equals("polish") && f.meets() && f.score() > POLISHED) {
            looseSuccesses++;
          }
        }
        for (Generation.Ranked r : g.ranked()) {
          if (!r.meets()) {
            continue;
          }
          // Its error by an independent analysis of its netlist is what it reports.
          double worst = SpecErrors.of(target, CircuitAnalyzer.specs(r.fit().circuit())).worst();
          assertEquals(r.fit().score(), worst, 1e-9, arm + " " + r);
          // The search's own best fit of this topology, and whether it was polished.
          double searched = Double.POSITIVE_INFINITY;
          boolean polished = false;
          for (SearchRun.Fit f : fits) {
            if (f.topology().equals(r.topology())) {
              if (f.kind().equals("polish")) {
                polished = true;
              } else if (f.meets()) {
                searched = Math.min(searched, f.score());
              }
            }
          }
          assertTrue(worst <= searched + 1e-12, arm + ": polishing made " + r + " worse");
          if (searched > ValueFitter.defaults().tolerance() && g.analyses() < budget) {
            assertTrue(polished, arm + " returned " + r + " unpolished at " + searched);
          }
          if (worst <= POLISHED && searched > POLISHED) {
            improved++;
          }
        }
      }
    }
    assertTrue(looseSuccesses > 0, "no search fit stopped at the search tolerance");
    assertTrue(improved > 0, "no polish brought a candidate from the search tolerance to exact");
  }

  @Test
  void theSearchToleranceIsWellInsideTheAcceptance() {
    // A fit stopped at the search tolerance must still meet: its log-ratio error is a third of
    // the acceptance.
    assertTrue(Math.expm1(SearchRun.SEARCH_TOLERANCE) < SpecGenerator.ACCEPTANCE / 3);
    assertTrue(ValueFitter.defaults().tolerance() < SearchRun.SEARCH_TOLERANCE);
    ValueFitter loose = ValueFitter.defaults().withTolerance(SearchRun.SEARCH_TOLERANCE);
    assertEquals(SearchRun.SEARCH_TOLERANCE, loose.tolerance());
  }
}
