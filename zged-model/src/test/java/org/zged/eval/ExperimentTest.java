package org.zged.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.zged.InputException;
import org.zged.model.train.TrainConfig;

class ExperimentTest {
  private static Experiment production() {
    Path root = Path.of(System.getProperty("zged.root", "..")).resolve("configs");
    return new Experiment("production", "p", TrainConfig.load(root.resolve("production.yaml")));
  }

  @Test
  void overridesChangeOnlyTheNamedKeys() {
    Experiment p = production();
    Experiment a =
        p.with(
            "ablation",
            "q",
            Map.of(
                "decoder.edge_head", "separate", "loss.connectivity", 0.0, "training.epochs", 3));
    assertEquals("separate", a.config().model().edgeHead());
    assertEquals(0.0, a.config().connectivity());
    assertEquals(3, a.config().epochs());
    assertEquals(p.config().transferFunction(), a.config().transferFunction());
    assertEquals(p.config().seed(), a.config().seed());
    assertEquals(p.config().model().latentDims(), a.config().model().latentDims());
  }

  @Test
  void unknownKeysAndBadValuesFail() {
    Experiment p = production();
    assertThrows(
        IllegalArgumentException.class, () -> p.with("x", "", Map.of("loss.conectivity", 1.0)));
    InputException e =
        assertThrows(
            InputException.class, () -> p.with("x", "", Map.of("decoder.edge_head", "both")));
    assertTrue(e.getMessage().contains("edge_head"), e.getMessage());
  }
}
