package org.zged.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zged.analysis.CircuitAnalyzer;
import org.zged.fit.FamilyDesign;
import org.zged.fit.SpecErrors;
import org.zged.model.ZgedModel;

/**
 * Each bench arm on a small suite; the suites' targets are realizable and of the kind they claim.
 */
class SuiteBenchmarkTest {
  static ZgedModel model;
  static SpecGenerator generator;

  @BeforeAll
  static void load() {
    model = ZgedModel.loadDefault();
    generator = SpecGenerator.builder().setModel(model).build();
  }

  @AfterAll
  static void close() {
    model.close();
  }

  @Test
  void everySuiteTargetIsMetByItsOwnSourceCircuit() {
    for (String suite : List.of("in-template", "out-of-template", "constrained")) {
      for (SuiteTargets.Target t : SuiteTargets.draw(suite, 6, 5)) {
        var s = CircuitAnalyzer.specs(t.source());
        assertTrue(SpecErrors.of(t.target(), s).within(1e-9), suite + " " + t.target().describe());
        assertEquals(List.of(), t.constraints().violations(t.source()), suite);
        if (suite.equals("out-of-template")) {
          assertEquals(
              null, KnownTopologies.familyOf(Proposal.of(t.source(), "x").topology().key()));
          for (FamilyDesign d : FamilyDesign.values()) {
            assertFalse(d.canMeet(t.target()), d + " can meet " + t.target().describe());
          }
        }
      }
    }
  }

  @Test
  void theJsonHasTheIssuesFieldsForEveryArm() throws Exception {
    SuiteBenchmark.Report r = new SuiteBenchmark(generator).run("in-template", 3, 400, 2);
    JsonNode j = new ObjectMapper().readTree(new ObjectMapper().writeValueAsString(r));
    assertEquals("in-template", j.get("suite").asText());
    assertEquals(3, j.get("targets").asInt());
    assertEquals(400, j.get("budget").asInt());
    for (String arm : List.of("vae", "templates", "random", "evolutionary", "classical")) {
      JsonNode a = j.at("/arms/" + arm);
      assertFalse(a.isMissingNode(), arm);
      if (a.get("applies").asBoolean()) {
        for (String k :
            List.of(
                "met",
                "analyses_to_success_median",
                "parts_median",
                "time_ms_p50",
                "time_ms_p95")) {
          assertTrue(
              a.has(k) || (k.contains("median") && a.get("met").asDouble() == 0), arm + " " + k);
        }
        double met = a.get("met").asDouble();
        assertTrue(met >= 0 && met <= 1, arm);
      } else {
        assertFalse(a.get("note").asText().isEmpty());
      }
    }
    // The target's own family has a closed form, so the templates meet every in-template target.
    assertEquals(1.0, j.at("/arms/templates/met").asDouble());
    assertFalse(j.at("/arms/classical/applies").asBoolean());
  }

  @Test
  void theConstrainedSuiteKeepsItsLimits() {
    SuiteBenchmark.Report r = new SuiteBenchmark(generator).run("constrained", 4, 600, 3);
    SuiteBenchmark.ArmStats pipe = r.arms().get("pipeline");
    assertTrue(pipe.met() >= 0.5, "pipeline met " + pipe.met() + " " + pipe.misses());
    if (pipe.misses() != null) {
      for (String m : pipe.misses()) {
        assertTrue(m.matches(".*\\d.*"), m);
      }
    }
  }
}
