package org.zged.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
