package org.zged.model.train;

/** Progress callbacks of a training run (e.g. a progress bar); all methods are optional. */
public interface TrainingListener {
  default void epochStarted(int epoch, int steps) {}

  default void stepDone(int epoch, int step, double loss) {}

  default void epochDone(EpochStats stats) {}

  /** A step whose gradient norm was not finite or absurdly large was skipped (no update). */
  default void stepSkipped(int epoch, int step, double gradientNorm) {}
}
