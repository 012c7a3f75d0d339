package org.zged.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.zged.spice.Ngspice;

/** {@code --check-ngspice} runs the real ngspice and reports its agreement with the exact H. */
class SimulateNgspiceCheckTest {

  private static JsonNode json(String... args) throws Exception {
    SimulateRun run = SimulateRun.of(args);
    assertEquals(0, run.exitCode(), run.err());
    return new ObjectMapper().readTree(run.out());
  }

  @Test
  void ngspiceAgreesOnTheNotchOverTheFilesGrid() throws Exception {
    assumeTrue(Ngspice.available(), "ngspice is not installed");
    String file = SimulateRun.examples().resolve("notch_bandstop.cir").toString();
    JsonNode check = json("simulate", file, "--json", "--check-ngspice").get("ngspice");
    // The file's .ac: 10 Hz to 100 MHz at 100 points per decade.
    assertEquals(701, check.get("points").asInt());
    assertTrue(check.get("max_relative_error").asDouble() < 1e-6, check.toString());
    assertTrue(check.get("worst_frequency_hz").asDouble() >= 10, check.toString());
  }

  @Test
  void withoutTheFlagTheKeyIsNull() throws Exception {
    String file = SimulateRun.examples().resolve("rc_lowpass.cir").toString();
    assertTrue(json("simulate", file, "--json").get("ngspice").isNull());
  }

  @Test
  void textReportEndsWithTheCheck() {
    assumeTrue(Ngspice.available(), "ngspice is not installed");
    String file = SimulateRun.examples().resolve("rc_lowpass.cir").toString();
    SimulateRun run =
        SimulateRun.of("simulate", file, "--check-ngspice", "--points-per-decade", "10");
    assertEquals(0, run.exitCode(), run.err());
    String last = run.out().strip().lines().reduce((a, b) -> b).orElse("");
    assertTrue(last.startsWith("ngspice check: 71 points, largest relative deviation "), last);
  }
}
