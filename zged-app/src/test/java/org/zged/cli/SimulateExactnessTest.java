package org.zged.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reproducers of issue 10 as a user runs them, {@code zged simulate FILE}: each gives the right
 * answer (checked against values computed independently: ngspice, numpy and a 700-digit nodal
 * solve, quoted in the issue) or exactly one line {@code error: ...} with exit code 2 — never a
 * wrong answer with exit 0, never a stack trace.
 */
class SimulateExactnessTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private CliRun simulate(String netlist) throws IOException {
    Path file = dir.resolve("f.cir");
    Files.writeString(file, netlist);
    return CliRun.zged("simulate", "--json", file.toString());
  }

  private static void assertOneLineError(CliRun run, String fragment) {
    assertEquals(2, run.code(), run.err());
    assertEquals("", run.out());
    String err = run.err().strip();
    assertFalse(err.contains("\n"), err);
    assertTrue(err.startsWith("error: "), err);
    assertTrue(err.contains(fragment), err);
    assertFalse(err.contains("Exception"), err);
  }

  /**
   * Third-order pi low-pass with L = 2R²C: poles −64,780 and −17,610 ± 86,072j, DC gain 1 (the old
   * analysis merged the real pole into the real part of the pair and said 3.68).
   */
  @Test
  void piLowPassWithEqualCapacitors() throws IOException {
    CliRun run =
        simulate(
            "* pi\nV1 vin 0 AC 1\nRs vin n1 1k\nC1 n1 0 10n\nL2 n1 vout 20m\nC3 vout 0 10n\n.end\n");
    assertEquals(0, run.code(), run.err());
    JsonNode j = JSON.readTree(run.out());
    assertEquals(1.0, j.get("passband_gain").asDouble(), 1e-9);
    double[] realParts = new double[3];
    int real = 0;
    for (int i = 0; i < 3; i++) {
      JsonNode p = j.get("poles").get(i);
      realParts[i] = p.get(0).asDouble();
      if (p.get(1).asDouble() == 0) {
        real++;
        assertEquals(-64780, p.get(0).asDouble(), 1);
      } else {
        assertEquals(-17610, p.get(0).asDouble(), 1);
        assertEquals(86072, Math.abs(p.get(1).asDouble()), 1);
      }
    }
    assertEquals(1, real, "one real pole");
    assertEquals(17.29e3, j.get("fc_hz").asDouble(), 0.01e3);
  }

  @Test
  void hugeResistorIsRefusedWithFileAndLine() throws IOException {
    CliRun run = simulate("* big\nV1 vin 0 AC 1\nR1 vin vout 1e300\nC1 vout 0 1u\n.end\n");
    assertOneLineError(run, "f.cir:3: value 1e300 of R1 outside the range zged can analyse (");
  }

  @Test
  void subnormalCapacitorIsRefusedWithFileAndLine() throws IOException {
    CliRun run = simulate("* tiny\nV1 vin 0 AC 1\nR1 vin vout 1k\nC1 vout 0 4.9e-324\n.end\n");
    assertOneLineError(run, "f.cir:4: value 4.9e-324 of C1 outside the range zged can analyse (");
  }
}
