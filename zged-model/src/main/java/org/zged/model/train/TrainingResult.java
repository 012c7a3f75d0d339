package org.zged.model.train;

import java.util.List;
import org.zged.model.ZgedModel;

/**
 * The outcome of {@link ModelTrainer#train}: the model with the best validation loss, the full
 * history (including epochs run before a resume), and the wall-clock seconds of this invocation.
 */
public record TrainingResult(
    ZgedModel model, List<EpochStats> history, double bestValLoss, int bestEpoch, double seconds) {
  public TrainingResult {
    history = List.copyOf(history);
  }
}
