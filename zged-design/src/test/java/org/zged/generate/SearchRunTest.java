package org.zged.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.zged.analysis.CircuitAnalyzer;
import org.zged.circuit.Circuit;
import org.zged.fit.SpecErrors;
import org.zged.fit.SpecTarget;
import org.zged.fit.ValueFitter;

/** A short screening fit, then the full fit from its values: one result per topology, all paid. */
class SearchRunTest {
  static final SpecTarget TARGET =
      SpecTarget.builder().optType("lowpass").optFc(1e4).optQ(3.0).build();

  /** An RLC low-pass whose starting values give Q ≈ 0.03, far from 3. */
  static Circuit farOff() {
    return Circuit.builder()
        .r("R1", "vin", "n1", 3000)
        .l("L1", "n1", "vout", 1e-3)
        .c("C1", "vout", "0", 1e-7)
        .build();
  }

  @Test
  void refiningAScreenedTopologyReplacesItsResultAndChargesBothFits() {
    AnalysisBudget budget = new AnalysisBudget(10_000);
    SearchRun run = new SearchRun(TARGET, Constraints.NONE, ValueFitter.defaults(), budget, 1, 0);
    Proposal p = Proposal.of(farOff(), "vae-cem");
    // a "screen" that barely moves the values: a pull to the start a million times the usual
    ValueFitter stiff = ValueFitter.builder().optRegularization(1e3).optMaxIterations(2).build();
    Generation.Ranked screened = run.evaluate(p, stiff);
    assertFalse(screened.meets(), "the stiff fit stays near Q 0.03: " + screened.fit().score());
    int afterScreen = budget.used();
    assertTrue(afterScreen > 0);

    Generation.Ranked refined = run.refine(p);
    assertTrue(refined.meets(), refined.fit().score() + "");
    assertTrue(budget.used() > afterScreen, "the full fit is charged too");
    assertEquals(1, run.results().size(), "one result per topology");
    assertSame(refined, run.results().get(0));
    assertSame(refined, run.evaluate(p), "the refined result is the topology's result");
    assertEquals(1, run.meeting());
    assertTrue(run.done());
    // independent of the fitter's own report: analyse the returned circuit again
    double q = CircuitAnalyzer.specs(refined.fit().circuit()).poleQ();
    assertEquals(3.0, q, 0.03);
    assertTrue(SpecErrors.of(TARGET, CircuitAnalyzer.specs(refined.fit().circuit())).within(0.01));
  }

  @Test
  void refiningKeepsTheEarlierResultWhenItIsBetterAndNeverFitsTwiceWhenMet() {
    AnalysisBudget budget = new AnalysisBudget(10_000);
    SearchRun run = new SearchRun(TARGET, Constraints.NONE, ValueFitter.defaults(), budget, 1, 0);
    Proposal p = Proposal.of(farOff(), "vae-cem");
    Generation.Ranked full = run.evaluate(p);
    assertTrue(full.meets());
    int used = budget.used();
    assertSame(full, run.refine(p), "a met topology is not fitted again");
    assertEquals(used, budget.used());
  }

  @Test
  void aScreenedTopologyThatCannotReachTheTargetCostsLessThanAFullFit() {
    // an RC low-pass has real poles only: Q 3 is out of its reach whatever the values; an extra R
    // in series gives the fit a free value to chase Q with
    Proposal rc =
        Proposal.of(
            Circuit.builder()
                .r("R1", "vin", "n1", 1e3)
                .c("C1", "n1", "0", 1e-8)
                .r("R2", "n1", "vout", 1e3)
                .c("C2", "vout", "0", 1e-8)
                .build(),
            "random");
    AnalysisBudget full = new AnalysisBudget(10_000);
    new SearchRun(TARGET, Constraints.NONE, ValueFitter.defaults(), full, 1, 0).evaluate(rc);
    AnalysisBudget screened = new AnalysisBudget(10_000);
    SearchRun run = new SearchRun(TARGET, Constraints.NONE, ValueFitter.defaults(), screened, 1, 0);
    assertFalse(run.evaluateScreened(rc).meets());
    assertTrue(screened.used() < full.used(), screened.used() + " vs " + full.used());
    // and a topology that can reach it is refined to meet it
    Generation.Ranked rlc = run.evaluateScreened(Proposal.of(farOff(), "random"));
    assertTrue(rlc.meets(), rlc.fit().score() + "");
    assertEquals(2, run.results().size());
  }

  @Test
  void aTopologyProposedAgainIsNeitherScreenedNorRefinedAgain() {
    // An RC low-pass: its fit comes within 20 % of Q 0.55 (its real poles keep Q below 0.5),
    // so the screen is followed by a full fit that still misses.
    SpecTarget t = SpecTarget.builder().optType("lowpass").optFc(1e4).optQ(0.55).build();
    Circuit rc =
        Circuit.builder()
            .r("R1", "vin", "n1", 1e3)
            .c("C1", "n1", "0", 1e-8)
            .r("R2", "n1", "vout", 1e3)
            .c("C2", "vout", "0", 1e-8)
            .build();
    AnalysisBudget budget = new AnalysisBudget(10_000);
    SearchRun run = new SearchRun(t, Constraints.NONE, ValueFitter.defaults(), budget, 1, 0);
    Generation.Ranked first = run.evaluateScreened(Proposal.of(rc, "vae-neighbour"));
    assertFalse(first.meets(), first.fit().score() + "");
    assertTrue(first.fit().score() < SearchRun.REFINE_BELOW, first.fit().score() + "");
    assertEquals(
        List.of("screen", "refine"), run.fits().stream().map(SearchRun.Fit::kind).toList());
    int used = budget.used();
    // the same topology again, drawn with other values and another element order: no analyses
    Circuit again =
        Circuit.builder()
            .c("C9", "0", "vout", 3e-9)
            .r("R9", "vout", "n5", 470)
            .c("C8", "0", "n5", 4.7e-8)
            .r("R8", "n5", "vin", 2.2e3)
            .build();
    Proposal p = Proposal.of(again, "vae-sample");
    assertEquals(Proposal.of(rc, "x").topology(), p.topology());
    assertSame(first, run.evaluateScreened(p));
    assertEquals(used, budget.used(), "a repeated topology costs nothing");
    assertEquals(2, run.fits().size());
    assertEquals(1, run.topologiesTried());
  }
}
