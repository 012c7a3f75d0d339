package org.zged.model;

import java.nio.file.Path;
import org.zged.model.train.TrainConfig;

/** Shared configs for model tests. */
final class TestModels {
  private TestModels() {}

  /** A deliberately small architecture for gradient checks and quick round trips. */
  static ModelConfig small() {
    return new ModelConfig(5, 16, 2, 2, 2, 4, 2, 8, 16, 4, 4, ModelConfig.JOINT);
  }

  static Path configs() {
    return Path.of(System.getProperty("zged.root", "."), "configs");
  }

  static TrainConfig tiny() {
    return TrainConfig.load(configs().resolve("tiny.yaml"));
  }
}
