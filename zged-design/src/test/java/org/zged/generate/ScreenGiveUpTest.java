package org.zged.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.zged.fit.FitResult;
import org.zged.fit.PracticalRanges;
import org.zged.fit.SpecTarget;
import org.zged.fit.ValueFitter;

/**
 * The screen's give-up (a start more than {@link SearchRun#GIVE_UP_BEYOND_DECADES} beyond the
 * ranges once on the target's frequency) and its abandoning of steps that left the ranges ({@link
 * SearchRun#ABANDON_BEYOND_DECADES}) against the fits they replace, on the starts real search arms
 * proposed for targets not used to choose it (the out-of-template suite's seed 3, and two
 * low-frequency targets at the edge of the ranges): wherever the screen without it met the target
 * or came close enough to be fitted in full (in range and within {@link SearchRun#REFINE_BELOW}),
 * or the full fit from the same start met the target, the screen must not have given up.
 */
class ScreenGiveUpTest extends ShippedModelTest {
  /** Seed 1's sixteenth out-of-template target: an LC resonance at the edge of the ranges. */
  static final SpecTarget LOW_FREQUENCY_HIGH_Q =
      SpecTarget.builder().optType("highpass").optFc(1.0133).optQ(19.07).optGain(0.999997).build();

  /** The screen without its give-up and without abandoning. */
  static final ValueFitter WITHOUT = ValueFitter.builder().optMaxIterations(4).build();

  @Test
  void neverGivesUpWhereTheScreenOrTheFullFitWouldHaveGotThere() {
    List<SpecTarget> targets = new ArrayList<>();
    for (SuiteTargets.Target t : SuiteTargets.draw("out-of-template", 4, 3)) {
      targets.add(t.target());
    }
    targets.add(SearchArmsTest.LOW_FREQUENCY_HIGHPASS);
    targets.add(SearchArmsTest.LOW_FREQUENCY_LOWPASS);
    targets.add(LOW_FREQUENCY_HIGH_Q);
    int close = 0;
    int gaveUp = 0;
    int abandoned = 0;
    int starts = 0;
    for (SpecTarget t : targets) {
      for (SpecGenerator.Arm arm : List.of(SpecGenerator.Arm.VAE, SpecGenerator.Arm.RANDOM)) {
        List<SearchRun.Fit> fits = new ArrayList<>();
        int budget = 1500;
        generator.run(t, null, Constraints.NONE, 1, 3, budget, arm, r -> fits.addAll(r.fits()));
        for (SearchRun.Fit f : fits) {
          if (!f.kind().equals("screen")) {
            continue;
          }
          starts++;
          FitResult with = SearchRun.SCREEN.fit(f.circuit(), t);
          FitResult without = WITHOUT.fit(f.circuit(), t);
          boolean gave = with.evaluations() == 3 && without.evaluations() > 3;
          gaveUp += gave ? 1 : 0;
          boolean left = with.evaluations() > 3 && with.evaluations() < without.evaluations();
          if (left) {
            abandoned++;
            assertTrue(!with.inRange(), "an abandoned screen is clamped: " + f);
          }
          // Close = what the run would refine: within REFINE_BELOW with every value in range.
          if (SpecGenerator.meets(without)
              || (without.inRange() && without.score() < SearchRun.REFINE_BELOW)) {
            close++;
            assertEquals(
                without.score(), with.score(), arm + " gave up on " + f + " for " + t.describe());
          }
          if (gave) {
            FitResult full = ValueFitter.defaults().fit(f.circuit(), t);
            assertTrue(
                !SpecGenerator.meets(full),
                arm + " gave up on a start the full fit meets: " + f + " for " + t.describe());
            assertTrue(!with.inRange(), "a given-up screen is clamped: " + with.rangeViolations());
          }
        }
      }
    }
    // both sides exercised
    assertTrue(close >= 10, close + " close screens of " + starts);
    assertTrue(gaveUp >= 5, gaveUp + " screens given up of " + starts);
    assertTrue(abandoned >= 5, abandoned + " screens abandoned of " + starts);
  }

  @Test
  void theGiveUpIsTheSpanOnTheTargetsFrequency() {
    // A 1 Hz high-pass with Q 19 from one L and one C resonates at about 1.55 Hz: L·C ≈ 0.0105 s²,
    // 0.02 decades beyond 10 H · 1 mF: screened as before; at 0.1 Hz two decades beyond: given up
    // (3 analyses).
    org.zged.circuit.Circuit c =
        org.zged.circuit.Circuit.builder()
            .c("C1", "vin", "vout", 1e-6)
            .l("L1", "vout", "0", 1e-3)
            .r("R1", "vout", "0", 1e3)
            .build();
    SpecTarget near = SpecTarget.builder().optType("highpass").optFc(1.0).optQ(19.0).build();
    SpecTarget far = SpecTarget.builder().optType("highpass").optFc(0.1).optQ(19.0).build();
    assertTrue(SearchRun.SCREEN.fit(c, near).evaluations() > 3);
    assertEquals(3, SearchRun.SCREEN.fit(c, far).evaluations());
    assertTrue(PracticalRanges.impedanceSpan(c) < 0, "the start itself is buyable");
  }
}
