package org.zged.model.train;

/**
 * Faults a test can inject into a training run through the system property {@value #PROPERTY}, so
 * the crash and NaN handling is tested on real runs instead of being argued about:
 *
 * <ul>
 *   <li>{@code halt-at-write:K} — the process halts (as kill -9 would: no shutdown hooks, no
 *       finally blocks) at the K-th write point of the run, counting from 1. {@link
 *       #writePoint(String)} is called before and after every file the run writes.
 *   <li>{@code nan-loss:E:S} — the training loss of epoch E, step S (both from 1) reads as NaN.
 * </ul>
 *
 * Unset (always, outside tests) every method is a no-op.
 */
final class TrainingFaults {
  static final String PROPERTY = "zged.test.fault";

  private final int haltAt;
  private final int nanEpoch;
  private final int nanStep;
  private int writePoints;

  private TrainingFaults(int haltAt, int nanEpoch, int nanStep) {
    this.haltAt = haltAt;
    this.nanEpoch = nanEpoch;
    this.nanStep = nanStep;
  }

  static TrainingFaults fromSystemProperty() {
    String spec = System.getProperty(PROPERTY, "");
    String[] p = spec.split(":");
    if (p[0].equals("halt-at-write") && p.length == 2) {
      return new TrainingFaults(Integer.parseInt(p[1]), 0, 0);
    }
    if (p[0].equals("nan-loss") && p.length == 3) {
      return new TrainingFaults(0, Integer.parseInt(p[1]), Integer.parseInt(p[2]));
    }
    if (!spec.isEmpty()) {
      throw new IllegalArgumentException(PROPERTY + ": unknown fault '" + spec + "'");
    }
    return new TrainingFaults(0, 0, 0);
  }

  /** A point between two file operations of the run; halts the JVM at the chosen one. */
  void writePoint(String what) {
    writePoints++;
    if (writePoints == haltAt) {
      System.err.println("zged.test.fault: halting at write point " + writePoints + " " + what);
      System.err.flush();
      Runtime.getRuntime().halt(137);
    }
  }

  /** The loss of a training step, or NaN where the fault asks for it (epoch, step from 0). */
  double loss(double loss, int epoch, int step) {
    return epoch + 1 == nanEpoch && step + 1 == nanStep ? Double.NaN : loss;
  }
}
