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
 * from the choice of the tolerance) with every search arm: each returned candidate that meets is,
 * by an independent analysis of its netlist, as exact as a full fit makes it; the analyses of every
 * logged fit, polish included, add up to the budget used; and the search really stopped early.
 */
class PolishTest extends ShippedModelTest {
  private static final double POLISHED = 1e-5;

  @Test
  void returnedCandidatesArePolishedAndEveryAnalysisIsCharged() {
    int polishes = 0;
    int looseSuccesses = 0;
    for (SuiteTargets.Target t : SuiteTargets.draw("out-of-template", 4, 3)) {
      SpecTarget target = t.target();
      for (SpecGenerator.Arm arm :
          List.of(SpecGenerator.Arm.VAE, SpecGenerator.Arm.RANDOM, SpecGenerator.Arm.PIPELINE)) {
        List<SearchRun.Fit> fits = new ArrayList<>();
        Generation g =
            generator.run(
                target, null, t.constraints(), 1, 3, 1500, arm, r -> fits.addAll(r.fits()));
        int charged = fits.stream().mapToInt(SearchRun.Fit::analyses).sum();
        assertEquals(g.analyses(), charged, arm + " " + target.describe());
        for (SearchRun.Fit f : fits) {
          if (f.kind().equals("polish")) {
            polishes++;
          } else if (f.meets() && f.score() > POLISHED) {
            looseSuccesses++;
          }
        }
        for (Generation.Ranked r : g.ranked()) {
          if (!r.meets()) {
            continue;
          }
          double worst = SpecErrors.of(target, CircuitAnalyzer.specs(r.fit().circuit())).worst();
          assertTrue(worst <= POLISHED, arm + " returned " + r + " at " + worst);
          assertTrue(g.analysesToSuccess() <= g.analyses());
        }
      }
    }
    assertTrue(looseSuccesses > 0, "no search fit stopped at the search tolerance");
    assertTrue(polishes > 0, "nothing was polished");
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
