package org.zged.model.train;

/**
 * A training or validation step whose loss is NaN or infinite (a learning rate or loss weight too
 * large for the data): the run stops before the step's update is applied or its epoch is saved.
 */
final class NonFiniteLoss extends RuntimeException {
  private NonFiniteLoss(String message) {
    super(message, null, false, false);
  }

  static void check(double total, String where) {
    if (!Double.isFinite(total)) {
      throw new NonFiniteLoss(where + ": the loss is " + total);
    }
  }
}
