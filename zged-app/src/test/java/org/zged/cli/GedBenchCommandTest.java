package org.zged.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** {@code zged bench ged} runs and reports its figures; the figures themselves are not asserted. */
class GedBenchCommandTest {
  private static String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    var cl = ZgedCli.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new String[] {Integer.toString(code), out.toString(), err.toString()};
  }

  @Test
  void smallMatrixReportsPairsAndTopologies() {
    String[] r = run("bench", "ged", "--circuits", "30");
    assertEquals("0", r[0], r[2]);
    assertTrue(r[1].contains("30 x 30 matrix (435 pairs)"), r[1]);
    assertTrue(r[1].contains("12 distinct topologies"), r[1]);
  }

  @Test
  void tooFewCircuitsIsAnInputError() {
    String[] r = run("bench", "ged", "--circuits", "1");
    assertEquals("2", r[0]);
    assertTrue(r[2].startsWith("error: --circuits: "), r[2]);
  }
}
