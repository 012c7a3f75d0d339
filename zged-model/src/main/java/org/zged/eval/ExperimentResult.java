package org.zged.eval;

import java.util.List;
import java.util.Map;
import org.zged.model.train.EpochStats;

/**
 * What one experiment produced.
 *
 * @param experiment the run's definition
 * @param source "trained" (this invocation trained it) or where the model was loaded from
 * @param history per-epoch statistics (empty for a model loaded without its history)
 * @param bestEpoch 0-based epoch of the kept model, or -1 when unknown
 * @param bestValLoss validation loss of the kept model, NaN when unknown
 * @param trainingSeconds wall-clock training time, NaN when not trained here
 * @param parameters parameter counts of the model
 * @param eval reconstruction and latent metrics of the kept model on the validation split
 */
public record ExperimentResult(
    Experiment experiment,
    String source,
    List<EpochStats> history,
    int bestEpoch,
    double bestValLoss,
    double trainingSeconds,
    Map<String, Long> parameters,
    EvalReport eval) {

  public ExperimentResult {
    history = List.copyOf(history);
  }

  /** A validation statistic of the kept epoch (e.g. "share_tf"), NaN when there is no history. */
  public double bestVal(String key) {
    if (bestEpoch < 0 || history.isEmpty()) {
      return Double.NaN;
    }
    for (EpochStats s : history) {
      if (s.epoch() == bestEpoch) {
        return s.val().getOrDefault(key, Double.NaN);
      }
    }
    return Double.NaN;
  }

  /** 1-based first epoch whose validation value of {@code key} reached 1.0, or -1 if none did. */
  public int firstEpochAtOne(String key) {
    for (EpochStats s : history) {
      if (s.val().getOrDefault(key, 0.0) >= 1.0) {
        return s.epoch() + 1;
      }
    }
    return -1;
  }

  /** The loss part ("recon", "tf", "kl", "connectivity") with the largest validation share. */
  public String dominantTerm() {
    String best = null;
    double share = -1;
    for (String part : new String[] {"recon", "tf", "kl", "connectivity"}) {
      double v = bestVal("share_" + part);
      if (v > share) {
        share = v;
        best = part;
      }
    }
    return share < 0 ? null : best;
  }

  /** 1-based first epoch whose train or validation total is not finite (NaN), or -1. */
  public int firstDivergedEpoch() {
    for (EpochStats s : history) {
      if (!Double.isFinite(s.train().getOrDefault("total", 0.0))
          || !Double.isFinite(s.val().getOrDefault("total", 0.0))) {
        return s.epoch() + 1;
      }
    }
    return -1;
  }
}
