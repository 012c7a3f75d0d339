package org.zged.analysis;

import java.util.Locale;

/** What a filter does, judged from the exact limits and shape of |H(jω)|. */
public enum ResponseClass {
  LOWPASS,
  HIGHPASS,
  BANDPASS,
  BANDSTOP,
  ALLPASS,
  OTHER;

  /** The lower-case name used in JSON, specs and on the command line. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ResponseClass parse(String s) {
    try {
      return valueOf(s.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown response type '" + s + "' (expected lowpass, highpass, bandpass, bandstop)");
    }
  }
}
