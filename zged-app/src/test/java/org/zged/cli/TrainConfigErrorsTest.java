package org.zged.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zged.model.ZgedModel;

/**
 * The misread configs of issue 11, run through {@code zged train}: each is one error line naming
 * the key, exit 2, and nothing on disk (not even the run folder).
 */
class TrainConfigErrorsTest {
  @TempDir Path dir;

  private static String tiny() throws Exception {
    return Files.readString(
        Path.of(System.getProperty("zged.root", "."), "configs").resolve("tiny.yaml"));
  }

  private CliRun train(String yaml, Path out) throws Exception {
    Path cfg = dir.resolve("c" + System.nanoTime() + ".yaml");
    Files.writeString(cfg, yaml);
    return CliRun.zged("train", "--config", cfg.toString(), "--out", out.toString());
  }

  private void assertRefused(String yaml, String reason) throws Exception {
    Path out = dir.resolve("run");
    CliRun r = train(yaml, out);
    assertEquals(2, r.code(), r.err());
    String err = r.err().strip();
    assertEquals(1, err.lines().count(), err);
    assertTrue(err.startsWith("error: "), err);
    assertTrue(err.contains(reason), err);
    assertTrue(Files.notExists(out), "the run folder was created for a refused config");
  }

  @Test
  void misreadValuesAreRefusedByName() throws Exception {
    String t = tiny();
    assertRefused(
        t.replace("epochs: 5", "epochs: 4294967297"),
        "training.epochs: must be an integer in [1, 100000], got 4294967297");
    assertRefused(
        t.replace("seed: 7", "seed: 12345678901234567890123"), "seed: must be an integer in");
    assertRefused(t + "seed: 8\n", "duplicate key seed");
    assertRefused(
        t.replace("learning_rate: 3.0e-3", "learning_rate: 1e300"),
        "training.learning_rate: must be in (0, 1.0], got 1.0E300");
    assertRefused(
        t.replace("hidden: 64", "hidden: 1000000000"),
        "model.hidden: must be an integer in [1, 256], got 1000000000");
    assertRefused(
        t.replace("tf_dims: 4", "tf_dims: 200000"),
        "model.tf_dims: must be an integer in [1, 32], got 200000");
  }

  @Test
  void aGridTooSmallForTheDataIsRefusedBeforeTraining() throws Exception {
    assertRefused(
        tiny().replace("max_nodes: 5", "max_nodes: 3"),
        "model.max_nodes: 3 is too small for the data");
  }

  @Test
  void aBigSeedIsUsedWhole() throws Exception {
    Path out = dir.resolve("big-seed");
    CliRun r =
        train(tiny().replace("seed: 7", "seed: 4294967303").replace("epochs: 5", "epochs: 1"), out);
    assertEquals(0, r.code(), r.err());
    assertTrue(Files.readString(out.resolve("config.yaml")).contains("seed: 4294967303"));
  }

  @Test
  void aNonFiniteLossStopsTheRunAndKeepsTheLastGoodCheckpoint() throws Exception {
    Path out = dir.resolve("nan");
    System.setProperty("zged.test.fault", "nan-loss:2:3");
    CliRun r;
    try {
      r = train(tiny().replace("epochs: 5", "epochs: 3"), out);
    } finally {
      System.clearProperty("zged.test.fault");
    }
    assertEquals(2, r.code(), r.err());
    assertEquals(
        "error: "
            + out
            + ": epoch 2 step 3: the loss is NaN; stopped; "
            + out.resolve("last.ckpt")
            + " keeps the last good epoch (1)",
        r.err().strip());
    // last.ckpt is epoch 1's, complete, and its weights load
    try (ZipFile zip = new ZipFile(out.resolve("last.ckpt").toFile())) {
      var header = new ObjectMapper().readTree(zip.getInputStream(zip.getEntry("header.json")));
      assertEquals(1, header.get("training").get("epochs_done").asInt());
    }
    try (ZgedModel m = ZgedModel.load(out.resolve("last.ckpt"))) {
      assertTrue(m.parameterCounts().get("total") > 0);
    }
    assertEquals(1, new ObjectMapper().readTree(out.resolve("history.json").toFile()).size());
  }
}
