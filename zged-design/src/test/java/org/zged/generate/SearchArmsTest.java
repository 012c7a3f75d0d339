package org.zged.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hipparchus.complex.Complex;
import org.junit.jupiter.api.Test;
import org.zged.circuit.ElementKind;
import org.zged.fit.SpecTarget;

/** Each search arm and the pipeline, under the general checks, on small hand-picked targets. */
class SearchArmsTest extends ShippedModelTest {
  /** A damped second-order high-pass (the textbook case): no template has it. */
  static final SpecTarget HIGHPASS_Q =
      SpecTarget.builder().optType("highpass").optFc(2e3).optQ(0.9).build();

  @Test
  void everyArmStaysWithinItsBudgetAndPassesTheChecks() {
    for (SpecGenerator.Arm arm : SpecGenerator.Arm.values()) {
      Generation g = generator.run(HIGHPASS_Q, Constraints.NONE, 2, 3, 1500, arm);
      GenerationChecks.check(g, Constraints.NONE);
      // A fit in progress may finish after the budget is spent; one fit is < 200 analyses.
      assertTrue(g.analyses() < 1500 + 200, arm + " spent " + g.analyses());
      for (Generation.Ranked r : g.ranked()) {
        assertTrue(sourceOf(arm, r.source()), arm + " tagged " + r.source());
      }
      if (g.met()) {
        assertTrue(g.analysesToSuccess() > 0 && g.analysesToSuccess() <= g.analyses());
      } else {
        assertEquals(-1, g.analysesToSuccess());
      }
    }
  }

  private static boolean sourceOf(SpecGenerator.Arm arm, String source) {
    return switch (arm) {
      case VAE -> source.startsWith("vae-");
      case TEMPLATES -> source.equals("closed-form");
      case RANDOM -> source.equals("random");
      case EVOLUTIONARY -> source.equals("evolutionary");
      case CLASSICAL -> source.equals("classical");
      case PIPELINE -> true;
    };
  }

  @Test
  void aDampedHighpassIsMetByTheTemplatesAndByTheSearch() {
    // the dataset families have no high-pass with a Q; the closed-form SecondOrderDesign
    // (issue 12) gives the templates one, outside the dataset families
    Generation templates =
        generator.run(HIGHPASS_Q, Constraints.NONE, 1, 1, 4000, SpecGenerator.Arm.TEMPLATES);
    assertTrue(templates.met(), templates.diagnosis());
    assertNull(KnownTopologies.familyOf(templates.ranked().get(0).topology()));
    Generation pipeline = generator.generate(HIGHPASS_Q, Constraints.NONE, 1, 1);
    assertTrue(pipeline.met(), pipeline.diagnosis());
    assertNull(KnownTopologies.familyOf(pipeline.ranked().get(0).topology()));
    GenerationChecks.check(pipeline, Constraints.NONE);
  }

  @Test
  void aFourthOrderPoleTargetIsMetOutsideTheTemplates() {
    SpecTarget t =
        SpecTarget.builder()
            .optPoles(
                List.of(
                    new Complex(-1000, 0),
                    new Complex(-2000, 0),
                    new Complex(-3000, 4000),
                    new Complex(-3000, -4000)))
            .build();
    Generation g = generator.generate(t, Constraints.NONE, 1, 1);
    GenerationChecks.check(g, Constraints.NONE);
    assertTrue(g.met(), g.diagnosis());
  }

  @Test
  void constraintsAreKeptByEveryReturnedCircuitThatMeets() {
    Constraints c =
        Constraints.builder()
            .optMaxParts(4)
            .optMaxInductors(1)
            .optWindow(ElementKind.R, new ValueWindow(100, 1e5))
            .optWindow(ElementKind.C, new ValueWindow(1e-9, 1e-6))
            .build();
    SpecTarget t = SpecTarget.builder().optType("lowpass").optFc(5e3).optQ(0.8).build();
    Generation g = generator.generate(t, c, 3, 1);
    assertTrue(g.met(), g.diagnosis());
    GenerationChecks.check(g, c);
  }

  @Test
  void rcOnlyCannotGiveAPolePairAboveHalfAndSaysSoWithTheNumber() {
    Constraints rc = Constraints.builder().optMaxInductors(0).build();
    SpecTarget t = SpecTarget.builder().optType("lowpass").optFc(1e3).optQ(0.93).build();
    Generation g = generator.generate(t, rc, 1, 1);
    assertFalse(g.met());
    assertTrue(g.diagnosis().contains("RC-only"), g.diagnosis());
    assertTrue(g.diagnosis().contains("Q = 0.93"), g.diagnosis());
    for (Generation.Ranked r : g.ranked()) {
      assertEquals(0, Constraints.inductors(r.fit().circuit()), "RC only: " + r.fit().circuit());
    }
    GenerationChecks.check(g, rc);
  }

  @Test
  void aPartsLimitBelowTheOrderIsExplainedWithBothNumbers() {
    SpecTarget t =
        SpecTarget.builder()
            .optPoles(
                List.of(
                    new Complex(-1000, 0),
                    new Complex(-2000, 0),
                    new Complex(-3000, 4000),
                    new Complex(-3000, -4000)))
            .build();
    Constraints three = Constraints.builder().optMaxParts(3).build();
    Generation g = generator.generate(t, three, 1, 1);
    assertFalse(g.met());
    assertTrue(
        g.diagnosis().contains("needs ≥ 4 reactive elements; the parts limit allows 3"),
        g.diagnosis());
    GenerationChecks.check(g, three);
  }

  @Test
  void anRcOnlyFirstOrderTargetIsMet() {
    Constraints rc = Constraints.builder().optMaxInductors(0).optMaxParts(2).build();
    SpecTarget t = SpecTarget.builder().optType("highpass").optFc(300.0).build();
    Generation g = generator.generate(t, rc, 1, 1);
    assertTrue(g.met(), g.diagnosis());
    assertEquals(2, g.ranked().get(0).parts());
    GenerationChecks.check(g, rc);
  }

  /** An out-of-template target (seed 1's eighth): its neighbours decode 3- to 9-part circuits. */
  static final SpecTarget LOW_FREQUENCY_LOWPASS =
      SpecTarget.builder().optType("lowpass").optFc(1.938).optQ(1.894).optGain(0.009275).build();

  /**
   * Another (seed 1's twelfth): several neighbours decode the same 3-part topology, which the VAE
   * arm once screened and refined again for each of them.
   */
  static final SpecTarget LOW_FREQUENCY_HIGHPASS =
      SpecTarget.builder().optType("highpass").optFc(1.595).optQ(0.6724).optGain(0.9966).build();

  @Test
  void theBudgetUsedIsTheSumOfTheFitsRunAndNoTopologyIsFittedAfreshTwice() {
    for (SpecTarget t : List.of(HIGHPASS_Q, LOW_FREQUENCY_LOWPASS, LOW_FREQUENCY_HIGHPASS)) {
      for (SpecGenerator.Arm arm :
          List.of(
              SpecGenerator.Arm.VAE,
              SpecGenerator.Arm.RANDOM,
              SpecGenerator.Arm.EVOLUTIONARY,
              SpecGenerator.Arm.PIPELINE)) {
        List<SearchRun.Fit> fits = new java.util.ArrayList<>();
        Generation g =
            generator.run(t, null, Constraints.NONE, 1, 3, 800, arm, r -> fits.addAll(r.fits()));
        int sum = 0;
        java.util.Set<String> fresh = new java.util.HashSet<>();
        java.util.Set<String> refined = new java.util.HashSet<>();
        java.util.Set<String> polished = new java.util.HashSet<>();
        for (SearchRun.Fit f : fits) {
          assertTrue(f.analyses() > 0, arm + " " + f);
          sum += f.analyses();
          assertEquals(sum, f.usedAfter(), arm + ": the fits are charged in order");
          if (f.kind().equals("refine")) {
            assertTrue(fresh.contains(f.topology()), arm + " refined an unscreened " + f);
            assertTrue(refined.add(f.topology()), arm + " refined twice: " + f);
          } else if (f.kind().equals("polish")) {
            assertTrue(fresh.contains(f.topology()), arm + " polished an unfitted " + f);
            assertTrue(polished.add(f.topology()), arm + " polished twice: " + f);
          } else {
            assertTrue(fresh.add(f.topology()), arm + " fitted afresh twice: " + f.topology());
          }
        }
        assertEquals(g.analyses(), sum, arm + " on " + t.describe());
        if (arm == SpecGenerator.Arm.VAE) {
          // what the graph rules out is screened only after everything it does not
          boolean deferred = false;
          for (SearchRun.Fit f : fits) {
            boolean possible = StructuralFit.canMeet(f.circuit(), t);
            assertTrue(possible || !f.kind().equals("refine") || deferred, f.toString());
            assertFalse(deferred && possible, "screened after a deferred topology: " + f);
            deferred |= !possible;
          }
        }
        assertEquals(g.topologiesTried(), fresh.size(), arm + " on " + t.describe());
        // the bench's split of the analyses adds up to the analyses to success (a miss: all)
        AnalysesSpent spent = AnalysesSpent.of(fits);
        assertEquals(g.met() ? g.analysesToSuccess() : g.analyses(), spent.total(), arm + "");
        assertEquals(g.met(), spent.meeting() > 0, arm + " " + spent);
        for (SearchRun.Fit f : fits) {
          assertFalse(f.clamped() && f.meets(), "a clamped fit cannot meet: " + f);
        }
        if (g.met()) {
          int firstMet = -1;
          for (SearchRun.Fit f : fits) {
            if (f.meets()) {
              firstMet = f.usedAfter();
              break;
            }
          }
          assertEquals(firstMet, g.analysesToSuccess(), arm + " on " + t.describe());
        }
      }
    }
  }

  @Test
  void theLatentSearchGoesOnThroughDecodesTheGraphRulesOut() {
    // With at most 3 parts and 1 inductor, the decodes near this band-pass are first-order
    // circuits the graph rules out; the search must not take rounds of only those for stale ones.
    // (The first failed so with model run C, the two constrained-suite targets with run E.)
    List<SuiteTargets.Target> cases =
        List.of(
            new SuiteTargets.Target(
                SpecTarget.builder().optType("bandpass").optFc(155.1e3).optQ(1.433).build(),
                null,
                null,
                Constraints.builder().optMaxParts(3).optMaxInductors(1).build()),
            SuiteTargets.draw("constrained", 40, 1).get(27),
            SuiteTargets.draw("constrained", 40, 3).get(4));
    for (SuiteTargets.Target t : cases) {
      Generation g = generator.run(t.target(), t.constraints(), 1, 1, 2000, SpecGenerator.Arm.VAE);
      assertTrue(g.met(), t.target().describe() + ": " + g.diagnosis());
      GenerationChecks.check(g, t.constraints());
    }
  }
}
