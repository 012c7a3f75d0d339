package org.zged.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.zged.InputException;
import org.zged.model.train.TrainConfig;

class TrainConfigTest {
  private static String tinyText() throws Exception {
    return Files.readString(TestModels.configs().resolve("tiny.yaml"));
  }

  @Test
  void everyShippedConfigLoads() throws Exception {
    for (String name : new String[] {"tiny", "exp001-baseline", "exp002-optimized", "production"}) {
      TrainConfig c = TrainConfig.load(TestModels.configs().resolve(name + ".yaml"));
      assertEquals(8, c.model().latentDims(), name);
    }
    TrainConfig prod = TrainConfig.load(TestModels.configs().resolve("production.yaml"));
    assertEquals(5.0, prod.connectivity());
    assertEquals("full", prod.preset());
    TrainConfig e1 = TrainConfig.load(TestModels.configs().resolve("exp001-baseline.yaml"));
    assertEquals(0.5, e1.transferFunction());
    assertEquals(0.05, e1.kl());
    assertEquals(2, e1.epochs());
    TrainConfig e2 = TrainConfig.load(TestModels.configs().resolve("exp002-optimized.yaml"));
    assertEquals(0.01, e2.transferFunction());
    assertEquals(0.1, e2.kl());
  }

  @Test
  void presetIsOneOfTheDatasetPresets() throws Exception {
    for (String name : new String[] {"seed", "full", "open"}) {
      String text = tinyText().replaceFirst("preset: \\w+", "preset: " + name);
      assertEquals(name, TrainConfig.parse(text, "x.yaml").preset());
    }
    String text = tinyText().replaceFirst("preset: \\w+", "preset: huge");
    InputException e = assertThrows(InputException.class, () -> TrainConfig.parse(text, "x.yaml"));
    assertEquals(
        "x.yaml: data.preset: must be 'seed', 'full' or 'open', got 'huge'", e.getMessage());
  }

  @Test
  void unknownKeyIsNamed() throws Exception {
    String text = tinyText().replace("  hidden: 64\n", "  hidden: 64\n  hiden: 3\n");
    InputException e = assertThrows(InputException.class, () -> TrainConfig.parse(text, "x.yaml"));
    assertEquals("x.yaml: model.hiden: unknown key", e.getMessage());
  }

  @Test
  void missingKeyIsNamed() throws Exception {
    String text = tinyText().replace("  grad_clip: 5.0\n", "");
    InputException e = assertThrows(InputException.class, () -> TrainConfig.parse(text, "x.yaml"));
    assertEquals("x.yaml: training.grad_clip: missing key", e.getMessage());
  }

  @Test
  void badValuesAreNamed() throws Exception {
    String text = tinyText().replace("edge_head: joint", "edge_head: sideways");
    InputException e = assertThrows(InputException.class, () -> TrainConfig.parse(text, "x.yaml"));
    assertTrue(e.getMessage().startsWith("x.yaml: decoder.edge_head"), e.getMessage());
    String t2 = tinyText().replace("batch_size: 16", "batch_size: lots");
    e = assertThrows(InputException.class, () -> TrainConfig.parse(t2, "x.yaml"));
    assertEquals("x.yaml: training.batch_size: must be an integer, got 'lots'", e.getMessage());
  }

  @Test
  void theOpenSpaceConfigSetsItsOptionsAndTheOthersKeepTheDefaults() throws Exception {
    TrainConfig open = TrainConfig.load(TestModels.configs().resolve("open.yaml"));
    assertEquals("open", open.preset());
    assertEquals(16, open.model().maxNodes());
    assertEquals(18, open.model().maxPoles());
    assertEquals(18, open.model().maxZeros());
    // the shipped config: every open-space option, with the autoregressive edge path
    assertEquals(
        open.model().openSpace().withEdgePath("autoregressive"),
        open.model(),
        "every open-space option is set");
    assertEquals(open, TrainConfig.parse(open.toYaml(), "resolved"));
    TrainConfig factorised = TrainConfig.load(TestModels.configs().resolve("open-factorised.yaml"));
    assertEquals(factorised.model(), factorised.model().openSpace());
    assertEquals(factorised, TrainConfig.parse(factorised.toYaml(), "resolved"));
    // the default architecture writes none of the optional keys
    String tiny = TestModels.tiny().toYaml();
    for (String key : new String[] {"node_order", "topology_readout", "edge_path", "value_path"}) {
      assertTrue(!tiny.contains(key), key + " in " + tiny);
    }
    assertEquals(TestModels.tiny(), TrainConfig.parse(tinyText(), "x.yaml"));
  }

  @Test
  void badOpenSpaceOptionsAreNamed() throws Exception {
    String t1 = tinyText().replace("  hidden: 64\n", "  hidden: 64\n  node_order: random\n");
    InputException e = assertThrows(InputException.class, () -> TrainConfig.parse(t1, "x.yaml"));
    assertEquals(
        "x.yaml: model.node_order: must be 'graph' or 'canonical', got 'random'", e.getMessage());
    String t2 = tinyText().replace("edge_head: joint", "edge_head: separate\n  edge_path: direct");
    e = assertThrows(InputException.class, () -> TrainConfig.parse(t2, "x.yaml"));
    assertEquals(
        "x.yaml: decoder.edge_path: 'direct' needs decoder.edge_head 'joint', got 'separate'",
        e.getMessage());
    String t3 = tinyText().replace("edge_head: joint", "edge_head: joint\n  edge_path: flat");
    e = assertThrows(InputException.class, () -> TrainConfig.parse(t3, "x.yaml"));
    assertEquals(
        "x.yaml: decoder.edge_path: must be 'attention', 'direct', 'shared',"
            + " 'shared_attention' or 'autoregressive', got 'flat'",
        e.getMessage());
    String t5 =
        tinyText().replace("edge_head: joint", "edge_head: joint\n  edge_path: autoregressive");
    e = assertThrows(InputException.class, () -> TrainConfig.parse(t5, "x.yaml"));
    assertEquals(
        "x.yaml: decoder.edge_path: 'autoregressive' needs decoder.value_path 'edge'",
        e.getMessage());
    String t4 = tinyText().replace("edge_head: joint", "edge_head: separate\n  edge_path: shared");
    e = assertThrows(InputException.class, () -> TrainConfig.parse(t4, "x.yaml"));
    assertEquals(
        "x.yaml: decoder.edge_path: 'shared' needs decoder.edge_head 'joint', got 'separate'",
        e.getMessage());
  }

  @Test
  void theSharedEdgePathIsReadAndWrittenBack() throws Exception {
    String text = tinyText().replace("edge_head: joint", "edge_head: joint\n  edge_path: shared");
    TrainConfig shared = TrainConfig.parse(text, "x.yaml");
    assertTrue(shared.model().sharedEdges());
    assertFalse(shared.model().directEdges());
    assertTrue(shared.model().attention(), "the values still attend");
    assertTrue(shared.toYaml().contains("edge_path: \"shared\""), shared.toYaml());
    assertEquals(shared, TrainConfig.parse(shared.toYaml(), "resolved"));
  }

  @Test
  void aCosineScheduleRunsFromTheRateToTheFinalRate() throws Exception {
    TrainConfig flat = TrainConfig.parse(tinyText(), "tiny.yaml");
    assertFalse(flat.hasSchedule());
    assertFalse(flat.toYaml().contains("final_learning_rate"), flat.toYaml());
    String text =
        tinyText()
            .replace("  grad_clip: 5.0\n", "  grad_clip: 5.0\n  final_learning_rate: 1.0e-5\n");
    TrainConfig c = TrainConfig.parse(text, "cosine.yaml");
    assertTrue(c.hasSchedule());
    double lr = c.learningRate();
    int n = 101;
    assertEquals(lr, c.learningRate(0, n), 0);
    assertEquals(1.0e-5, c.learningRate(n - 1, n), 1e-18);
    // half-way the cosine is at the mean of the two rates; a quarter of the way at (1 + 1/sqrt2)/2
    assertEquals((lr + 1.0e-5) / 2, c.learningRate(50, n), 1e-15);
    assertEquals(1.0e-5 + (lr - 1.0e-5) * (1 + Math.sqrt(0.5)) / 2, c.learningRate(25, n), 1e-15);
    for (int i = 1; i < n; i++) {
      assertTrue(c.learningRate(i, n) < c.learningRate(i - 1, n), "step " + i);
    }
    // without the key the rate is the same at every step
    assertEquals(flat.learningRate(), flat.learningRate(n - 1, n), 0);
    // the schedule is part of the resolved config
    assertEquals(c, TrainConfig.parse(c.toYaml(), "resolved"));
    assertNotEquals(flat, c);
    InputException e =
        refused(text.replace("final_learning_rate: 1.0e-5", "final_learning_rate: 0"));
    assertTrue(e.getMessage().contains("training.final_learning_rate"), e.getMessage());
  }

  @Test
  void resolvedYamlReadsBackEqual() {
    TrainConfig c = TestModels.tiny();
    assertEquals(c, TrainConfig.parse(c.toYaml(), "resolved"));
  }

  @Test
  void missingFileIsAnInputError() {
    InputException e =
        assertThrows(InputException.class, () -> TrainConfig.load(Path.of("/nope/none.yaml")));
    assertTrue(e.getMessage().endsWith("no such file"));
  }

  private static InputException refused(String text) {
    return assertThrows(InputException.class, () -> TrainConfig.parse(text, "x.yaml"));
  }

  @Test
  void integersAreReadExactlyNotWrapped() throws Exception {
    // 4294967297 = 2^32 + 1 used to wrap to 1 epoch
    assertEquals(
        "x.yaml: training.epochs: must be an integer in [1, 100000], got 4294967297",
        refused(tinyText().replace("epochs: 5", "epochs: 4294967297")).getMessage());
    // a seed beyond 32 bits is a 64-bit seed, not seed 7
    assertEquals(
        4294967303L,
        TrainConfig.parse(tinyText().replace("seed: 7", "seed: 4294967303"), "x").seed());
    assertEquals(
        Long.MIN_VALUE,
        TrainConfig.parse(tinyText().replace("seed: 7", "seed: -9223372036854775808"), "x").seed());
    // a 23-digit seed does not fit 64 bits: refused, not wrapped negative
    assertEquals(
        "x.yaml: seed: must be an integer in [-9223372036854775808, 9223372036854775807], got"
            + " 12345678901234567890123",
        refused(tinyText().replace("seed: 7", "seed: 12345678901234567890123")).getMessage());
  }

  @Test
  void duplicateKeysAreRefusedByName() throws Exception {
    InputException e = refused(tinyText() + "seed: 8\n");
    assertTrue(e.getMessage().startsWith("x.yaml:"), e.getMessage());
    assertTrue(e.getMessage().contains("duplicate key seed"), e.getMessage());
    InputException nested =
        refused(tinyText().replace("  hidden: 64\n", "  hidden: 64\n  hidden: 32\n"));
    assertTrue(nested.getMessage().contains("duplicate key hidden"), nested.getMessage());
  }

  @Test
  void nonFiniteAndOutOfRangeNumbersAreRefusedByName() throws Exception {
    assertEquals(
        "x.yaml: training.learning_rate: must be in (0, 1.0], got 1.0E300",
        refused(tinyText().replace("learning_rate: 3.0e-3", "learning_rate: 1e300")).getMessage());
    for (String v : new String[] {".nan", ".inf", "-.inf", "1e999"}) {
      InputException e = refused(tinyText().replace("kl: 0.01", "kl: " + v));
      assertTrue(
          e.getMessage().startsWith("x.yaml: loss.kl: must be a finite number"),
          v + ": " + e.getMessage());
    }
    for (String v : new String[] {"NaN", "Infinity"}) { // text Java would parse, YAML does not
      assertEquals(
          "x.yaml: loss.kl: must be a number, got '" + v + "'",
          refused(tinyText().replace("kl: 0.01", "kl: " + v)).getMessage());
    }
    assertTrue(
        refused(tinyText().replace("grad_clip: 5.0", "grad_clip: 0x1p3"))
            .getMessage()
            .startsWith("x.yaml: training.grad_clip: must be a number"));
    assertTrue(
        refused(tinyText().replace("temperature_end: 0.5", "temperature_end: 0"))
            .getMessage()
            .startsWith("x.yaml: decoder.temperature_end: must be in"));
    assertTrue(
        refused(tinyText().replace("kl_warmup_epochs: 0", "kl_warmup_epochs: -1"))
            .getMessage()
            .startsWith("x.yaml: loss.kl_warmup_epochs: must be an integer in [0,"));
  }

  @Test
  void sizesBeyondTheLimitsAreRefusedBeforeAllocation() throws Exception {
    assertEquals(
        "x.yaml: model.hidden: must be an integer in [1, 256], got 1000000000",
        refused(tinyText().replace("hidden: 64", "hidden: 1000000000")).getMessage());
    assertEquals(
        "x.yaml: model.tf_dims: must be an integer in [1, 32], got 200000",
        refused(tinyText().replace("tf_dims: 4", "tf_dims: 200000")).getMessage());
    assertEquals(
        "x.yaml: model.max_nodes: must be an integer in [3, 16], got 2",
        refused(tinyText().replace("max_nodes: 5", "max_nodes: 2")).getMessage());
    InputException batch =
        refused(
            tinyText()
                .replace("max_nodes: 5", "max_nodes: 16")
                .replace("decoder_hidden: 64", "decoder_hidden: 256")
                .replace("batch_size: 16", "batch_size: 1024"));
    assertTrue(
        batch.getMessage().startsWith("x.yaml: training.batch_size: batch_size × max_nodes²"),
        batch.getMessage());
  }

  @Test
  void anchorsAliasesAndMergeKeysAreYaml() throws Exception {
    String anchored =
        tinyText()
            .replace("temperature_start: 1.0", "temperature_start: &t 0.75")
            .replace("temperature_end: 0.5", "temperature_end: *t");
    TrainConfig c = TrainConfig.parse(anchored, "x.yaml");
    assertEquals(0.75, c.temperatureStart());
    assertEquals(0.75, c.temperatureEnd());
    String merged =
        "base: &b {max_nodes: 5, hidden: 64}\n"
            + tinyText().replace("  max_nodes: 5\n  hidden: 64\n", "  <<: *b\n");
    InputException e = refused(merged); // the anchor's own key is not a config key
    assertEquals("x.yaml: base: unknown key", e.getMessage());
    TrainConfig m =
        TrainConfig.parse(
            tinyText()
                .replace(
                    "model:\n  max_nodes: 5\n  hidden: 64\n",
                    "model:\n  <<: {max_nodes: 5, hidden: 48}\n"),
            "x.yaml");
    assertEquals(48, m.model().hidden());
  }

  @Test
  void hugeInputIsRefusedBeforeItIsParsed(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    // a 100 MB YAML string once took minutes; the size limit answers at once
    String big = tinyText() + "note: \"" + "x".repeat(3 << 20) + "\"\n";
    Path file = dir.resolve("big.yaml");
    Files.writeString(file, big);
    InputException e = assertThrows(InputException.class, () -> TrainConfig.load(file));
    assertEquals(
        file + ": config file of " + Files.size(file) + " bytes, the limit is 1048576",
        e.getMessage());
    assertTrue(refused(big).getMessage().contains("the limit is 1048576"));
    // a billion-laughs file is small but expands without bound: the alias limit stops it
    StringBuilder laughs = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i < 12; i++) {
      laughs.append("a").append(i).append(": &a").append(i).append(" [");
      for (int k = 0; k < 10; k++) {
        laughs.append(k == 0 ? "" : ", ").append("*a").append(i - 1);
      }
      laughs.append("]\n");
    }
    InputException l = refused(laughs.toString());
    assertTrue(l.getMessage().startsWith("x.yaml:"), l.getMessage());
    assertTrue(l.getMessage().contains("not valid YAML"), l.getMessage());
  }
}
