package org.zged.dataset;

import java.util.Locale;

/**
 * Which part of a dataset a circuit belongs to: 80 / 10 / 10 within every family in the seed and
 * full presets; in the open preset {@link #TEST_UNSEEN} holds every circuit of a held-out set of
 * topologies, and the others are random over the circuits of the remaining topologies ({@link
 * TopologySplit}).
 */
public enum Split {
  TRAIN,
  VAL,
  TEST,
  TEST_UNSEEN;

  /** The lower-case name used in files. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Split parse(String s) {
    for (Split split : values()) {
      if (split.label().equals(s)) {
        return split;
      }
    }
    throw new IllegalArgumentException(
        "unknown split '" + s + "' (expected train, val, test, test_unseen)");
  }
}
