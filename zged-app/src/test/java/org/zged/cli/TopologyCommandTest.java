package org.zged.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zged.analysis.CircuitAnalyzer;
import org.zged.netlist.NetlistReader;

/** {@code zged topology}: the reduced netlist and signature, as text and JSON; bad input. */
class TopologyCommandTest {
  @TempDir Path dir;

  private static final String REDUNDANT =
      "redundant lowpass\n"
          + "V1 in 0 AC 1\n"
          + "R1 in a 600\n"
          + "R2 a mid 400\n"
          + "C1 mid 0 1n\n"
          + "C2 0 mid 2n\n"
          + "R3 mid vout 1k\n"
          + "R4 in 0 50\n";

  @Test
  void printsTheReducedNetlistAndItsSignature() throws Exception {
    Path f = write("redundant.cir", REDUNDANT);
    CliRun run = CliRun.zged("topology", f.toString());
    assertEquals(0, run.code(), run.err());
    // R1+R2 merge (1 kΩ), C1‖C2 merge (3 nF), R4 across the source goes, and R3 carries no
    // current (vout hangs on mid alone), so vout takes mid's place: one RC low-pass.
    assertTrue(run.out().contains("signature: C(0,vout) R(vin,vout)"), run.out());
    assertTrue(run.out().contains("reduced: 3 nodes, 2 elements"), run.out());
  }

  @Test
  void jsonHasTheFourFieldsAndTheReducedNetlistKeepsTheResponse() throws Exception {
    Path f = write("redundant.cir", REDUNDANT);
    CliRun run = CliRun.zged("topology", f.toString(), "--json");
    assertEquals(0, run.code(), run.err());
    JsonNode j = new ObjectMapper().readTree(run.out());
    assertEquals("C(0,vout) R(vin,vout)", j.get("signature").asText());
    assertEquals(3, j.get("nodes").asInt());
    assertEquals(2, j.get("elements").asInt());
    var original = CircuitAnalyzer.analyze(NetlistReader.read(f, null, null));
    var reduced =
        CircuitAnalyzer.analyze(
            NetlistReader.parse(j.get("reduced_netlist").asText(), "reduced", null, null));
    assertEquals(original.poles().size(), reduced.poles().size());
    double p = original.poles().get(0).getReal();
    assertEquals(p, reduced.poles().get(0).getReal(), 1e-9 * Math.abs(p));
    assertEquals(-1 / (1e3 * 3e-9), p, 1e-9 * Math.abs(p)); // one RC pole, 1 kΩ · 3 nF
  }

  @Test
  void renamedNetlistsHaveTheSameSignature() throws Exception {
    String renamed = REDUNDANT.replace(" a ", " q7 ").replace("mid", "zz");
    CliRun a = CliRun.zged("topology", write("a.cir", REDUNDANT).toString(), "--json");
    CliRun b = CliRun.zged("topology", write("b.cir", renamed).toString(), "--json");
    assertEquals(a.out(), b.out());
  }

  @Test
  void theFiveElementLadderIsItsOwnCanonicalForm() {
    CliRun run = CliRun.zged("topology", "../examples/lc_ladder5_lowpass.cir", "--json");
    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().contains("\"elements\":"), run.out());
  }

  @Test
  void aBadNetlistIsOneLineAndExitTwo() throws Exception {
    Path f = write("bad.cir", "bad\nV1 in 0 AC 1\nR1 in vout 1k\nC1 vout 0\n");
    CliRun run = CliRun.zged("topology", f.toString());
    assertEquals(2, run.code());
    assertEquals("", run.out());
    assertEquals(1, run.err().strip().lines().count(), run.err());
    assertTrue(run.err().startsWith("error: " + f + ":4: malformed line"), run.err());
  }

  @Test
  void aMissingFileIsOneLineAndExitTwo() {
    CliRun run = CliRun.zged("topology", dir.resolve("nope.cir").toString());
    assertEquals(2, run.code());
    assertEquals(1, run.err().strip().lines().count(), run.err());
  }

  private Path write(String name, String text) throws Exception {
    Path f = dir.resolve(name);
    Files.writeString(f, text);
    return f;
  }
}
