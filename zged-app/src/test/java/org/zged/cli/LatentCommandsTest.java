package org.zged.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** {@code zged sample}, {@code interpolate}, {@code reconstruct} and {@code bench generate}. */
class LatentCommandsTest {

  private static CliRun zged(String... args) {
    return CliRun.zged(args);
  }

  @Test
  void sampleReportsValidityNoveltyAndIsSeeded() throws Exception {
    var r = zged("sample", "--count", "200", "--seed", "5", "--json");
    assertEquals(0, r.code(), r.err());
    JsonNode j = new ObjectMapper().readTree(r.out());
    double validity = j.get("validity").asDouble();
    assertTrue(validity > 0 && validity <= 1, r.out());
    assertEquals(20, j.get("circuits").size());
    int valid = 0;
    for (JsonNode c : j.get("circuits")) {
      valid += c.get("valid").asBoolean() ? 1 : 0;
    }
    assertTrue(valid > 0);
    assertEquals(r.out(), zged("sample", "--count", "200", "--seed", "5", "--json").out());
  }

  @Test
  void interpolationEndsAtItsEndpointsAndReportsChanges() throws Exception {
    var r =
        zged(
            "interpolate",
            "--from",
            "rc_lowpass",
            "--to",
            "rc_highpass",
            "--steps",
            "5",
            "--slerp",
            "--json");
    assertEquals(0, r.code(), r.err());
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertEquals(5, j.get("points").size());
    assertEquals(0.0, j.at("/points/0/alpha").asDouble());
    assertEquals(1.0, j.at("/points/4/alpha").asDouble());
    int changes = 0;
    for (JsonNode p : j.get("points")) {
      changes += p.get("topology_changed").asBoolean() ? 1 : 0;
    }
    assertEquals(changes, j.get("topology_changes_at").size());
  }

  @Test
  void movingOneGroupKeepsTheStartWhereTheOthersAre() throws Exception {
    // At alpha 0 every part is A's latent; moving the whole latent or one group starts alike,
    // whatever the group moved.
    String[] base = {"interpolate", "--from", "rc_lowpass", "--to", "rlc_bandpass", "--json"};
    JsonNode all = new ObjectMapper().readTree(zged(base).out());
    String[] tf = java.util.Arrays.copyOf(base, base.length + 2);
    tf[base.length] = "--part";
    tf[base.length + 1] = "tf";
    var r = zged(tf);
    assertEquals(0, r.code(), r.err());
    JsonNode one = new ObjectMapper().readTree(r.out());
    assertEquals("tf", one.get("part").asText());
    assertEquals(all.at("/points/0/circuit"), one.at("/points/0/circuit"));
  }

  /**
   * {@code --part} moves one latent group: at every point the dims outside {@code moved_dims} are
   * A's (alpha 0), the moved ones end at B's (alpha 1). With the hierarchical decoder the topology
   * is read from z_topology alone, so moving values or tf never changes the decoded topology, while
   * moving the topology group ends on the topology decoded from B's latent.
   */
  @Test
  void eachPartMovesItsGroupOnly() throws Exception {
    ObjectMapper om = new ObjectMapper();
    String[] base = {"interpolate", "--from", "rc_lowpass", "--to", "rlc_bandpass", "--json"};
    JsonNode whole = om.readTree(zged(base).out());
    JsonNode a = whole.at("/points/0/z");
    JsonNode b = whole.at("/points/" + (whole.get("points").size() - 1) + "/z");
    String topologyOfB =
        whole.at("/points/" + (whole.get("points").size() - 1) + "/circuit/topology").asText();
    assertTrue(!topologyOfB.isEmpty(), whole.toString());
    java.util.Set<Integer> movedTogether = new java.util.HashSet<>();
    for (String part : new String[] {"topology", "values", "tf"}) {
      String[] args = java.util.Arrays.copyOf(base, base.length + 2);
      args[base.length] = "--part";
      args[base.length + 1] = part;
      var r = zged(args);
      assertEquals(0, r.code(), r.err());
      JsonNode j = om.readTree(r.out());
      int from = j.at("/moved_dims/0").asInt();
      int to = j.at("/moved_dims/1").asInt();
      assertTrue(from < to, part);
      JsonNode points = j.get("points");
      JsonNode last = points.get(points.size() - 1).get("z");
      for (JsonNode p : points) {
        JsonNode z = p.get("z");
        assertEquals(a.size(), z.size());
        for (int d = 0; d < z.size(); d++) {
          if (d < from || d >= to) {
            assertEquals(a.get(d).asDouble(), z.get(d).asDouble(), 0.0, part + " dim " + d);
          }
        }
      }
      for (int d = from; d < to; d++) {
        assertEquals(b.get(d).asDouble(), last.get(d).asDouble(), 1e-6, part + " ends at B");
        assertTrue(movedTogether.add(d), "dim " + d + " belongs to one group only");
      }
      String endTopology = points.get(points.size() - 1).at("/circuit/topology").asText();
      if (part.equals("topology")) {
        assertEquals(topologyOfB, endTopology, "the topology group carries B's topology");
      } else {
        assertEquals(0, j.get("topology_changes_at").size(), part + ": " + r.out());
      }
    }
    assertEquals(a.size(), movedTogether.size(), "the three groups cover the latent");
  }

  @Test
  void reconstructDecodesADatasetCircuit() {
    var r = zged("reconstruct", "--id", "rlc_lowpass-3");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("record rlc_lowpass-3 (rlc_lowpass"), r.out());
    assertTrue(r.out().contains("original: rlc_lowpass"), r.out());
  }

  /** Reconstruct and sample read another dataset with --data (here a small open-format file). */
  @Test
  void reconstructAndSampleReadADatasetFile(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    java.nio.file.Path data = dir.resolve("open-small.jsonl");
    var d =
        zged(
            "dataset",
            "--preset",
            "open",
            "--per-family",
            "5",
            "--max-internal",
            "2",
            "--seed",
            "4",
            "--out",
            data.toString());
    assertEquals(0, d.code(), d.err());
    var r = zged("reconstruct", "--data", data.toString(), "--id", "random-3", "--json");
    assertEquals(0, r.code(), r.err());
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertEquals("random", j.get("family").asText());
    var missing = zged("reconstruct", "--data", data.toString(), "--id", "random-999");
    assertEquals(2, missing.code(), missing.err());
    assertTrue(missing.err().startsWith("error: --id: no record 'random-999' in "), missing.err());
    var s = zged("sample", "--data", data.toString(), "--count", "20", "--json");
    assertEquals(0, s.code(), s.err());
    assertTrue(new ObjectMapper().readTree(s.out()).get("validity").asDouble() > 0, s.out());
  }

  @Test
  void badNamesAndRangesAreOneLineErrors() {
    var a = zged("interpolate", "--from", "nope", "--to", "rc_lowpass");
    var b = zged("reconstruct", "--id", "nope-1");
    var c = zged("sample", "--count", "0");
    var d = zged("sample", "--temperature", "-1");
    var e = zged("bench", "generate", "--targets", "0");
    var f = zged("interpolate", "--from", "rc_lowpass", "--to", "rc_highpass", "--part", "nope");
    var g = zged("reconstruct", "--id", "rlc_lowpass-3", "--consistency-samples", "-1");
    for (var r : new CliRun[] {a, b, c, d, e, f, g}) {
      assertEquals(2, r.code(), r.err());
      assertEquals(1, r.err().strip().lines().count(), r.err());
    }
    assertTrue(c.err().startsWith("error: --count: "), c.err());
    assertTrue(d.err().startsWith("error: --temperature: "), d.err());
    assertTrue(e.err().startsWith("error: --targets: "), e.err());
    assertTrue(f.err().startsWith("error: --part: "), f.err());
    assertTrue(b.err().startsWith("error: --id: no record 'nope-1'"), b.err());
    assertTrue(a.err().startsWith("error: --from: 'nope' is neither a family"), a.err());
  }

  @Test
  void benchGeneratePrintsTheComparison() {
    var r = zged("bench", "generate", "--targets", "12", "--snap", "3", "--ngspice", "2");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("zged pipeline (VAE + fit + verify)"), r.out());
    assertTrue(r.out().contains("reference method (K-NN blend, no refinement)"), r.out());
    assertTrue(r.out().contains("closed-form design of the target's family"), r.out());
    assertTrue(r.out().contains("prior sampling at T = 1.0"), r.out());
  }

  @Test
  void benchGenerateSuitePrintsEveryArmAndRefusesBadFlags() throws Exception {
    var r =
        zged(
            "bench",
            "generate",
            "--suite",
            "out-of-template",
            "--targets",
            "2",
            "--budget",
            "300",
            "--json");
    assertEquals(0, r.code(), r.err());
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertEquals("out-of-template", j.get("suite").asText());
    assertEquals(300, j.get("budget").asInt());
    for (String arm : new String[] {"vae", "templates", "random", "evolutionary", "classical"}) {
      assertTrue(j.get("arms").has(arm), arm);
    }
    var bad = zged("bench", "generate", "--suite", "wobble");
    var low = zged("bench", "generate", "--suite", "masks", "--budget", "5");
    var orphan = zged("bench", "generate", "--budget", "100");
    for (var x : new CliRun[] {bad, low, orphan}) {
      assertEquals(2, x.code(), x.err());
      assertEquals(1, x.err().strip().lines().count(), x.err());
    }
    assertTrue(bad.err().startsWith("error: --suite: unknown suite 'wobble'"), bad.err());
    assertTrue(low.err().startsWith("error: --budget: must be between 10"), low.err());
    assertTrue(orphan.err().startsWith("error: --budget: needs --suite"), orphan.err());
  }
}
