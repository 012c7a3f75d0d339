package org.zged.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.hipparchus.complex.Complex;
import org.junit.jupiter.api.Test;
import org.zged.analysis.CircuitAnalyzer;
import org.zged.analysis.FilterSpecs;
import org.zged.circuit.Circuit;
import org.zged.fit.FitResult;
import org.zged.fit.SpecErrors;
import org.zged.fit.SpecTarget;
import org.zged.netlist.NetlistReader;

/** The pipeline on the shipped model: every returned circuit is valid and verified. */
class SpecGeneratorTest extends ShippedModelTest {
  /** The returned circuit's errors are those of an independent exact analysis of it. */
  private static void assertVerified(SpecTarget t, Generation.Ranked r) {
    Circuit c = r.fit().circuit();
    assertTrue(c.isValid(), c.problems().toString());
    FilterSpecs s = CircuitAnalyzer.specs(c);
    assertEquals(SpecErrors.of(t, s).worst(), r.fit().errors().worst(), 1e-9);
  }

  @Test
  void meetsResponseTargetsAcrossClassesAndQ() {
    List<SpecTarget> targets =
        List.of(
            SpecTarget.builder().optType("lowpass").optFc(1e4).optQ(0.707).build(),
            SpecTarget.builder().optType("lowpass").optFc(250.0).build(),
            SpecTarget.builder().optType("highpass").optFc(3.3e5).build(),
            // The reference's worst cases: Q above 5 collapsed to 0.707, cutoffs 99 % off.
            SpecTarget.builder().optType("bandpass").optFc(5e3).optQ(20.0).build(),
            SpecTarget.builder().optType("bandpass").optFc(1e3).optQ(5.0).build(),
            SpecTarget.builder().optType("bandstop").optFc(6e4).optQ(2.0).build(),
            SpecTarget.builder().optFc(2e4).optQ(1.5).build());
    for (SpecTarget t : targets) {
      Generation g = generator.generate(t, 2, 1);
      assertFalse(g.ranked().isEmpty(), t.describe());
      FitResult best = g.best();
      assertTrue(
          SpecGenerator.meets(best), t.describe() + " -> " + best.errors() + " " + g.diagnosis());
      assertTrue(best.errors().worst() < 1e-4, t.describe() + " -> " + best.errors());
      assertNull(g.diagnosis());
      for (Generation.Ranked r : g.ranked()) {
        assertVerified(t, r);
      }
    }
  }

  @Test
  void gedWeightedNeighboursStillMeetTheTarget() {
    SpecGenerator ged = SpecGenerator.builder().setModel(model).optGedWeight(0.5).build();
    SpecTarget t = SpecTarget.builder().optType("bandpass").optFc(7e3).optQ(3.0).build();
    Generation g = ged.generate(t, 1, 1);
    assertTrue(SpecGenerator.meets(g.best()), String.valueOf(g.diagnosis()));
    assertVerified(t, g.ranked().get(0));
  }

  @Test
  void simplerCircuitWinsAmongExactFits() {
    SpecTarget t = SpecTarget.builder().optType("lowpass").optFc(1e4).build();
    Generation g = generator.generate(t, 3, 1);
    int first = g.ranked().get(0).fit().circuit().elements().size();
    for (Generation.Ranked r : g.ranked()) {
      if (r.fit().errors().worst() < SpecGenerator.TIE) {
        assertTrue(r.fit().circuit().elements().size() >= first);
      }
    }
  }

  @Test
  void aHighpassWithQAndGainThatNoTemplateMeetsIsFoundOutsideTheTemplates() {
    // No known family is a second-order highpass with a finite, settable Q and a gain below 1.
    SpecTarget t =
        SpecTarget.builder().optType("highpass").optFc(1e3).optQ(3.0).optGain(0.5).build();
    assertNotNull(Diagnosis.structural(t));
    Generation g = generator.generate(t, 1, 1);
    assertTrue(g.met(), g.diagnosis());
    assertNull(g.diagnosis());
    assertNull(KnownTopologies.familyOf(g.ranked().get(0).topology()));
    assertVerified(t, g.ranked().get(0));
  }

  @Test
  void fitsAPoleZeroTarget() {
    // Two complex poles at |p| = 2π·2 kHz with Q = 3, a zero at the origin: a band-pass.
    double w0 = 2 * Math.PI * 2e3;
    double re = -w0 / 6;
    double im = Math.sqrt(w0 * w0 - re * re);
    SpecTarget t =
        SpecTarget.builder()
            .optPoles(List.of(new Complex(re, im), new Complex(re, -im)))
            .optZeros(List.of(Complex.ZERO))
            .build();
    Generation g = generator.generate(t, 1, 1);
    FitResult best = g.best();
    assertTrue(
        best.chamferAfter() < 1e-4, "Chamfer after " + best.chamferAfter() + " " + g.diagnosis());
    assertTrue(best.chamferAfter() <= best.chamferBefore());
    List<Complex> poles = best.transferFunction().poles();
    assertEquals(2, poles.size());
    for (Complex p : poles) {
      assertEquals(w0, p.norm(), w0 * 1e-4);
    }
  }

  @Test
  void jsonHasTheDocumentedShapeAndTheNetlistReadsBackToTheCircuit() throws Exception {
    GenerateResponse r =
        generator.generate(
            new ObjectMapper()
                .readValue(
                    "{\"type\": \"bandpass\", \"fc\": 12e3, \"q\": 4.0, \"count\": 2,"
                        + " \"e_series\": \"E24\", \"tolerance\": 5.0, \"trials\": 200,"
                        + " \"seed\": 3}",
                    GenerateRequest.class));
    JsonNode j = new ObjectMapper().readTree(new ObjectMapper().writeValueAsString(r));
    assertEquals("bandpass", j.at("/target/type").asText());
    assertEquals(12e3, j.at("/target/fc_hz").asDouble());
    JsonNode c = j.at("/candidates/0");
    for (String k : List.of("netlist", "elements", "achieved", "error", "e_series", "tolerance")) {
      assertTrue(c.has(k), k + " missing in " + c);
    }
    for (String k :
        List.of(
            "response_class", "fc_hz", "f0_hz", "q", "pole_q", "bandwidth_hz", "passband_gain")) {
      assertTrue(c.get("achieved").has(k), k);
    }
    assertTrue(
        c.at("/error/fc").asDouble() < 1e-4 && c.at("/error/q").asDouble() < 1e-4,
        c.get("error").toString());
    assertEquals(12e3, c.at("/achieved/f0_hz").asDouble(), 12e3 * 1e-4);
    Circuit fromNetlist = NetlistReader.parse(c.get("netlist").asText(), "candidate", null, null);
    CandidateReport best = r.candidates().get(0);
    assertEquals(best.elements().size(), fromNetlist.elements().size());
    for (ElementReport e : best.elements()) {
      assertEquals(e.value(), fromNetlist.element(e.name()).value(), 0.0, e.name());
    }
    // One table row per snapped element (a trim part adds one row and one element).
    assertEquals(c.at("/e_series/table").size(), c.at("/e_series/elements").size());
    assertTrue(c.at("/e_series/table").size() >= best.elements().size());
  }
}
