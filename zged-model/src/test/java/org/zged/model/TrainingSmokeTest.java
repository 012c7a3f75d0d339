package org.zged.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zged.model.train.ModelTrainer;
import org.zged.model.train.TrainConfig;
import org.zged.model.train.TrainingResult;

class TrainingSmokeTest {
  @Test
  void trains(@TempDir Path dir) {
    TrainConfig cfg =
        TrainConfig.load(Path.of(System.getProperty("zged.root"), "configs/tiny.yaml"));
    var train = HandMadeCircuits.sample(40, 1);
    var val = HandMadeCircuits.sample(10, 2);
    TrainingResult r =
        ModelTrainer.builder()
            .optListener(
                new org.zged.model.train.TrainingListener() {
                  @Override
                  public void epochDone(org.zged.model.train.EpochStats s) {
                    System.out.println(
                        s.epoch() + " " + s.seconds() + " " + s.train() + "\n   " + s.val());
                  }
                })
            .build()
            .run(cfg, train, val, dir, false);
    System.out.println(r.model().parameterCounts());
    assertTrue(r.bestValLoss() < 100);
  }
}
