package org.zged.model.train;

/** Progress callbacks of a training run (e.g. a progress bar); all methods are optional. */
public interface TrainingListener {
  default void epochStarted(int epoch, int steps) {}

  default void stepDone(int epoch, int step, double loss) {}

  default void epochDone(EpochStats stats) {}
}
