package org.zged.dataset;

import java.util.Locale;

/** Which part of a dataset a circuit belongs to; 80 / 10 / 10 within every family. */
public enum Split {
  TRAIN,
  VAL,
  TEST;

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
    throw new IllegalArgumentException("unknown split '" + s + "' (expected train, val, test)");
  }
}
