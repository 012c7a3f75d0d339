package org.zged.fit;

import java.util.Locale;
import org.zged.circuit.ElementKind;

/** Engineering notation for people: {@code 10 kHz}, {@code 4.7 nF}, {@code 1.5 kΩ}. */
public final class Units {
  private static final String[] PREFIXES = {"f", "p", "n", "µ", "m", "", "k", "M", "G", "T"};

  private Units() {}

  public static String hz(Double hz) {
    return hz == null ? "-" : eng(hz, "Hz");
  }

  public static String value(double v, ElementKind kind) {
    return eng(v, kind == ElementKind.R ? "Ω" : kind.unit());
  }

  /** Four significant digits, trailing zeros removed: 0.707, 12.5, 1.5e+07. */
  public static String plain(double v) {
    return plain(v, 4);
  }

  /** {@code digits} significant digits, trailing zeros removed. */
  public static String plain(double v, int significant) {
    String digits = String.format(Locale.ROOT, "%." + significant + "g", v);
    if (digits.contains(".") && !digits.contains("e")) {
      digits = digits.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
    return digits;
  }

  /** Four significant digits with an SI prefix, trailing zeros removed. */
  public static String eng(double v, String unit) {
    if (!Double.isFinite(v) || v == 0) {
      return v + " " + unit;
    }
    int exp3 = (int) Math.floor(Math.log10(Math.abs(v)) / 3);
    exp3 = Math.max(-5, Math.min(4, exp3));
    double m = v / Math.pow(1000, exp3);
    return plain(m) + " " + PREFIXES[exp3 + 5] + unit;
  }
}
