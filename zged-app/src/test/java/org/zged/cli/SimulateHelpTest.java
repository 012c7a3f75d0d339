package org.zged.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code zged --help} lists simulate; {@code zged simulate --help} documents every option. */
class SimulateHelpTest {

  @Test
  void topLevelHelpListsSimulate() {
    SimulateRun run = SimulateRun.of("--help");
    assertEquals(0, run.exitCode());
    assertTrue(run.out().contains("Commands:"), run.out());
    assertTrue(run.out().lines().anyMatch(l -> l.strip().startsWith("simulate ")), run.out());
  }

  @Test
  void simulateHelpNamesEveryOption() {
    SimulateRun run = SimulateRun.of("simulate", "--help");
    assertEquals(0, run.exitCode());
    for (String option :
        List.of(
            "--json",
            "--points-per-decade",
            "--fstart",
            "--fstop",
            "--csv",
            "--plot",
            "--in",
            "--out",
            "--check-ngspice",
            "FILE.cir")) {
      assertTrue(run.out().contains(option), () -> option + " missing from\n" + run.out());
    }
  }

  @Test
  void missingFileArgumentIsABadInputError() {
    SimulateRun run = SimulateRun.of("simulate");
    assertEquals(ZgedCli.EXIT_BAD_INPUT, run.exitCode());
    assertEquals("error: Missing required parameter: 'FILE.cir'", run.err().strip());
  }
}
