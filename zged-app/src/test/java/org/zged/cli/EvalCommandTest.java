package org.zged.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zged.model.ModelConfig;
import org.zged.model.ZgedModel;

/** {@code zged eval}, in process, on a seeded untrained model file and the full preset. */
class EvalCommandTest {
  @TempDir static Path dir;
  private static Path modelFile;

  @BeforeAll
  static void saveModel() throws Exception {
    modelFile = dir.resolve("random.zged");
    try (ZgedModel m = ZgedModel.create(ModelConfig.standard(), 5)) {
      m.save(modelFile);
    }
  }

  @Test
  void jsonOnTheValidationSplitWithPlots() throws Exception {
    Path out = dir.resolve("report");
    CliRun r =
        CliRun.zged(
            "eval",
            "--model",
            modelFile.toString(),
            "--split",
            "val",
            "--prior-samples",
            "30",
            "--decodes",
            "3",
            "--novelty-targets",
            "3",
            "--consistency-samples",
            "2",
            "--json",
            "--out",
            out.toString());
    assertEquals(0, r.code(), r.err());
    JsonNode root = new ObjectMapper().readTree(r.out());
    assertEquals(240, root.get("circuits").asInt());
    double agreed = root.get("topology_match_consistent").asDouble(-1);
    assertTrue(agreed >= 0 && agreed <= 1, root.get("topology_match_consistent").toString());
    double swapAgreed = root.get("latent_swap").get("topology_kept_consistent").asDouble(-1);
    assertTrue(swapAgreed >= 0 && swapAgreed <= 1, root.get("latent_swap").toString());
    assertEquals(12, root.get("families").asInt());
    assertEquals("val", root.get("split").asText());
    assertEquals(30, root.get("prior").get("samples").asInt());
    assertTrue(root.get("parameters").get("total").asLong() > 0);
    int novel = root.get("novel_useful_topologies").asInt(-1);
    assertTrue(
        novel >= 0 && novel == root.get("novel_useful_topology_list").size(), root.toString());
    for (String f : new String[] {"eval.md", "eval.json", "latent-pca.png", "confusion.png"}) {
      assertTrue(Files.size(out.resolve(f)) > 0, f);
    }
    // the file holds the same object as stdout
    assertEquals(root, new ObjectMapper().readTree(out.resolve("eval.json").toFile()));
  }

  @Test
  void badSplitIsAnInputError() {
    CliRun r = CliRun.zged("eval", "--model", modelFile.toString(), "--split", "holdout");
    assertEquals(2, r.code());
    assertTrue(r.err().startsWith("error: --split: "), r.err());
  }

  @Test
  void noveltyCandidatesOutsideOneToFiftyIsAnInputError() {
    for (String n : new String[] {"0", "51"}) {
      CliRun r = CliRun.zged("eval", "--model", modelFile.toString(), "--novelty-candidates", n);
      assertEquals(2, r.code(), r.err());
      assertEquals(
          "error: --novelty-candidates: must be between 1 and 50, got " + n, r.err().strip());
    }
  }

  @Test
  void consistencySamplesOutsideZeroTo256IsAnInputError() {
    for (String n : new String[] {"-1", "257"}) {
      CliRun r = CliRun.zged("eval", "--model", modelFile.toString(), "--consistency-samples", n);
      assertEquals(2, r.code(), r.err());
      assertEquals("error: --consistency-samples: must be 0..256, got " + n, r.err().strip());
    }
  }

  @Test
  void missingModelFileIsAnInputErrorAndWritesNothing() {
    Path out = dir.resolve("never");
    CliRun r =
        CliRun.zged(
            "eval", "--model", dir.resolve("nope.zged").toString(), "--out", out.toString());
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().startsWith("error: "), r.err());
    assertFalse(Files.exists(out.resolve("eval.md")));
  }

  /**
   * The open format's held-out split: a small open dataset within the 5-node grid (random graphs
   * with at most 2 internal nodes and the templates; the ladders go up to 16 nodes), evaluated on
   * test_unseen; the circuit count is read from the file itself.
   */
  @Test
  void testUnseenSplitOfAnOpenDataset() throws Exception {
    Path data = dir.resolve("open-small.jsonl");
    CliRun d =
        CliRun.zged(
            "dataset",
            "--preset",
            "open",
            "--families",
            "random," + String.join(",", org.zged.dataset.FilterFamily.ids()),
            "--per-family",
            "30",
            "--max-internal",
            "2",
            "--seed",
            "3",
            "--out",
            data.toString());
    assertEquals(0, d.code(), d.err());
    long unseen =
        Files.readAllLines(data).stream()
            .filter(l -> l.contains("\"split\":\"test_unseen\""))
            .count();
    assertTrue(unseen >= 2, "the small open dataset holds test_unseen circuits: " + unseen);
    CliRun r =
        CliRun.zged(
            "eval",
            "--model",
            modelFile.toString(),
            "--data",
            data.toString(),
            "--split",
            "test_unseen",
            "--prior-samples",
            "20",
            "--decodes",
            "2",
            "--novelty-targets",
            "0",
            "--json");
    assertEquals(0, r.code(), r.err());
    JsonNode root = new ObjectMapper().readTree(r.out());
    assertEquals("test_unseen", root.get("split").asText());
    assertEquals(unseen, root.get("circuits").asLong());
    double match = root.get("topology_match").asDouble(-1);
    assertTrue(match >= 0 && match <= 1, r.out());
    assertTrue(root.get("topologies").asInt() >= 1, r.out());
  }

  @Test
  void aDatasetWiderThanTheModelsGridIsAnInputError() throws Exception {
    Path data = dir.resolve("open-wide.jsonl");
    CliRun d =
        CliRun.zged(
            "dataset",
            "--preset",
            "open",
            "--per-family",
            "10",
            "--families",
            "random",
            "--min-elements",
            "14",
            "--seed",
            "3",
            "--out",
            data.toString());
    assertEquals(0, d.code(), d.err());
    CliRun r =
        CliRun.zged(
            "eval", "--model", modelFile.toString(), "--data", data.toString(), "--split", "all");
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().startsWith("error: --data: record random-"), r.err());
    assertTrue(r.err().contains("the model's grid holds 5"), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
  }

  @Test
  void presetAndDataTogetherAreAnInputError() {
    CliRun r = CliRun.zged("eval", "--preset", "seed", "--data", dir.resolve("x.jsonl").toString());
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().startsWith("error: --preset: "), r.err());
    CliRun bad = CliRun.zged("eval", "--preset", "closed");
    assertEquals(2, bad.code(), bad.err());
    assertTrue(bad.err().startsWith("error: --preset: unknown preset 'closed'"), bad.err());
  }
}
