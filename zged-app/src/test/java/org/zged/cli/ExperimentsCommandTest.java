package org.zged.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zged.model.ZgedModel;
import org.zged.model.train.TrainConfig;

/**
 * {@code zged experiments --quick} end to end (real training, real evaluation): the report has one
 * row per run, and the validation losses in the table are the ones the trainer recorded.
 */
class ExperimentsCommandTest {
  @TempDir Path dir;

  @Test
  void quickRunWritesTheTableFromTheRecordedHistories() throws Exception {
    Path runs = dir.resolve("runs");
    Path reports = dir.resolve("reports");
    CliRun r =
        CliRun.zged(
            "experiments", "--quick", "--runs", runs.toString(), "--out", reports.toString());
    assertEquals(0, r.code(), r.err());
    String md = Files.readString(reports.resolve("experiments.md"));
    for (String name :
        List.of(
            "exp001-baseline",
            "exp002-optimized",
            "reference",
            "ablation-separate-heads",
            "ablation-no-connectivity")) {
      String row =
          md.lines().filter(l -> l.startsWith("| " + name + " |")).findFirst().orElseThrow();
      String[] cells = row.split("\\|");
      // cells: "", name, config, val, epochs, val loss, ...
      assertEquals(bestValLoss(runs.resolve(name).resolve("history.json")), cells[5].trim(), name);
      assertTrue(Files.size(reports.resolve("loss-curves-" + name + ".png")) > 0, name);
    }
    assertTrue(md.lines().anyMatch(l -> l.startsWith("| production |")));
    // the open-space row: in quick mode only when the shipped model is configs/open.yaml's
    Path open = Path.of("..", "configs", "open.yaml");
    boolean shippedIsOpen;
    try (ZgedModel shipped = ZgedModel.loadDefault()) {
      shippedIsOpen =
          Files.isRegularFile(open) && shipped.config().equals(TrainConfig.load(open).model());
    }
    assertEquals(
        shippedIsOpen, md.lines().anyMatch(l -> l.startsWith("| open-space |")), "open-space row");
    assertTrue(md.contains("## Reading"));
    assertTrue(md.contains("**Quick mode**"));
  }

  @Test
  void badEpochCountIsAnInputErrorAndWritesNothing() {
    Path reports = dir.resolve("r2");
    CliRun r = CliRun.zged("experiments", "--ablation-epochs", "0", "--out", reports.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().startsWith("error: --ablation-epochs: "), r.err());
    assertFalse(Files.exists(reports));
  }

  /** The lowest recorded validation total, formatted like the table. */
  private static String bestValLoss(Path historyJson) throws Exception {
    JsonNode h = new ObjectMapper().readTree(historyJson.toFile());
    double best = Double.POSITIVE_INFINITY;
    for (JsonNode epoch : h) {
      best = Math.min(best, epoch.get("val").get("total").asDouble());
    }
    return String.format(Locale.ROOT, "%.4g", best);
  }
}
