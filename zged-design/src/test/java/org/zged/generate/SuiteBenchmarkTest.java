package org.zged.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.zged.analysis.CircuitAnalyzer;
import org.zged.analysis.ResponseClass;
import org.zged.fit.FamilyDesign;
import org.zged.fit.SpecErrors;
import org.zged.mask.MaskVerifier;

/**
 * Each bench arm on a small suite; the suites' targets are realizable and of the kind they claim.
 */
class SuiteBenchmarkTest extends ShippedModelTest {
  static final List<String> ARMS =
      List.of("vae", "templates", "random", "evolutionary", "classical");

  @Test
  void everySuiteTargetIsMetByItsOwnSourceCircuit() {
    for (String suite : List.of("in-template", "out-of-template", "constrained")) {
      for (SuiteTargets.Target t : SuiteTargets.draw(suite, 6, 5)) {
        var s = CircuitAnalyzer.specs(t.source());
        assertTrue(SpecErrors.of(t.target(), s).within(1e-9), suite + " " + t.target().describe());
        assertEquals(List.of(), t.constraints().violations(t.source()), suite);
        if (suite.equals("out-of-template")) {
          assertNull(KnownTopologies.familyOf(Proposal.of(t.source(), "x").topology().key()));
          for (FamilyDesign d : FamilyDesign.values()) {
            assertFalse(d.canMeet(t.target()), d + " can meet " + t.target().describe());
          }
        }
      }
    }
  }

  @Test
  void outOfTemplateTargetsAreDistinctAndDependOnTheSeed() {
    // The preset's own 40,000 random circuits hold only 9 such targets; a draw of 10 must reach
    // further circuits of the held-out topologies instead of repeating those.
    List<SuiteTargets.Target> a = SuiteTargets.draw("out-of-template", 10, 5);
    List<SuiteTargets.Target> b = SuiteTargets.draw("out-of-template", 4, 6);
    assertEquals(10, a.size());
    Set<String> first = new java.util.HashSet<>();
    for (SuiteTargets.Target t : a) {
      assertTrue(first.add(t.target().describe()), "repeated: " + t.target().describe());
    }
    long shared = b.stream().filter(t -> first.contains(t.target().describe())).count();
    assertTrue(shared < 4, shared + " of 4 targets of seed 6 are among seed 5's 10");
  }

  @Test
  void everyMaskTargetIsMetByItsSourceAndSomeAreMultiBand() {
    List<SuiteTargets.Target> ts = SuiteTargets.draw("masks", 10, 5);
    assertEquals(10, ts.size());
    int multi = 0;
    for (SuiteTargets.Target t : ts) {
      assertTrue(MaskVerifier.verify(t.goal().mask(), t.source()).meets(), t.goal().describe());
      if (t.goal().mask().type() == ResponseClass.OTHER) {
        multi++;
        assertFalse(t.goal().classicalApplies());
        assertTrue(t.goal().mask().bands().size() >= 4);
      } else {
        assertTrue(t.goal().classicalApplies(), t.goal().describe());
      }
    }
    assertEquals(2, multi, "every fifth target is a notched low-pass");
  }

  @Test
  void theJsonHasExactlyTheIssuesFieldsForEveryArm() throws Exception {
    SuiteBenchmark.Report r = new SuiteBenchmark(generator).run("in-template", 3, 400, 2);
    JsonNode j = new ObjectMapper().readTree(new ObjectMapper().writeValueAsString(r));
    List<String> top = new ArrayList<>();
    j.fieldNames().forEachRemaining(top::add);
    assertEquals(List.of("suite", "targets", "budget", "arms", "vae_vs_random"), top);
    assertEquals("in-template", j.get("suite").asText());
    assertEquals(3, j.get("targets").asInt());
    assertEquals(400, j.get("budget").asInt());
    List<String> arms = new ArrayList<>();
    j.get("arms").fieldNames().forEachRemaining(arms::add);
    assertEquals(ARMS, arms);
    for (String arm : ARMS) {
      JsonNode a = j.at("/arms/" + arm);
      for (String k :
          List.of(
              "met", "analyses_to_success_median", "parts_median", "time_ms_p50", "time_ms_p95")) {
        assertTrue(a.has(k), arm + " " + k);
      }
      Set<String> allowed =
          Set.of(
              "met",
              "analyses_to_success_median",
              "parts_median",
              "time_ms_p50",
              "time_ms_p95",
              "note",
              "misses",
              "parts_le_classical",
              "success_curve",
              "spent",
              "spent_tail");
      a.fieldNames().forEachRemaining(k -> assertTrue(allowed.contains(k), arm + " has " + k));
    }
    // The curve ends at the arm's share met, and the matched share is random search's.
    for (String arm : List.of("vae", "templates", "random", "evolutionary")) {
      JsonNode curve = j.at("/arms/" + arm + "/success_curve");
      double last = curve.isEmpty() ? 0 : curve.get(curve.size() - 1).get("met").asDouble();
      assertEquals(j.at("/arms/" + arm + "/met").asDouble(), last, 1e-12, arm);
      for (int i = 1; i < curve.size(); i++) {
        assertTrue(curve.get(i).get("analyses").asInt() > curve.get(i - 1).get("analyses").asInt());
      }
    }
    // Where the analyses went: every part present; the fit that met counts only where one did;
    // the slower half of the targets is part of all of them.
    for (String arm : List.of("vae", "templates", "random", "evolutionary")) {
      JsonNode all = j.at("/arms/" + arm + "/spent");
      JsonNode tail = j.at("/arms/" + arm + "/spent_tail");
      List<String> parts = new ArrayList<>();
      all.fieldNames().forEachRemaining(parts::add);
      assertEquals(
          List.of("meeting", "no_response", "out_of_range", "close", "far", "fits"), parts);
      assertEquals(j.at("/arms/" + arm + "/met").asDouble() > 0, all.get("meeting").asInt() > 0);
      for (String k : parts) {
        assertTrue(tail.get(k).asInt() <= all.get(k).asInt(), arm + " " + k);
        assertTrue(tail.get(k).asInt() >= 0, arm + " " + k);
      }
    }
    assertEquals(
        j.at("/arms/random/met").asDouble(), j.at("/vae_vs_random/matched_success").asDouble());
    for (String k : List.of("median_ratio", "random_analyses", "vae_analyses", "matched_ratio")) {
      assertTrue(j.at("/vae_vs_random").has(k), k);
    }
    // The target's own family has a closed form, so the templates meet every in-template target.
    assertEquals(1.0, j.at("/arms/templates/met").asDouble());
    assertTrue(j.at("/arms/classical/met").isNull());
    assertTrue(j.at("/arms/classical/note").asText().startsWith("does not apply"));
  }

  @Test
  void theMaskSuiteRunsEveryArmAndTheClassicalArmMeetsWhereItApplies() {
    List<SuiteTargets.Target> ts = SuiteTargets.draw("masks", 5, 11);
    SuiteBenchmark.Report r = new SuiteBenchmark(generator).run("masks", List.of(), ts, 600, 1);
    SuiteBenchmark.ArmStats classical = r.arms().get("classical");
    // four of five targets have a ladder, which meets its mask by construction
    assertEquals(0.8, classical.met(), 1e-12, String.valueOf(classical.misses()));
    assertEquals(1.0, classical.partsLeClassical(), 1e-12);
    assertTrue(classical.misses().get(0).contains("does not apply"), classical.misses().get(0));
    for (String arm : ARMS) {
      SuiteBenchmark.ArmStats a = r.arms().get(arm);
      assertTrue(a.met() >= 0 && a.met() <= 1, arm);
      if (a.misses() != null) {
        for (String m : a.misses()) {
          assertTrue(m.matches(".*\\d.*") || m.contains("does not apply"), arm + ": " + m);
        }
      }
    }
  }

  @Test
  void everyConstrainedMissCarriesAReasonWithANumber() {
    SuiteBenchmark.Report r = new SuiteBenchmark(generator).run("constrained", 4, 600, 3);
    for (String arm : ARMS) {
      SuiteBenchmark.ArmStats a = r.arms().get(arm);
      if (a.misses() != null) {
        for (String m : a.misses()) {
          assertTrue(m.matches(".*\\d.*"), arm + ": " + m);
        }
      }
    }
    assertTrue(r.arms().get("vae").met() >= 0.5, "vae met " + r.arms().get("vae").met());
  }
}
