package org.zged.plot;

import java.util.Locale;

/**
 * Numbers with SI prefixes for people: {@code 15.9155 kHz}, {@code 100 nF}, {@code 1.6 kΩ}. Six
 * significant digits, trailing zeros dropped; the exact values are in the JSON and CSV outputs.
 */
public final class SiFormat {
  private static final String[] PREFIXES = {"f", "p", "n", "µ", "m", "", "k", "M", "G", "T"};
  private static final int UNIT_INDEX = 5;

  private SiFormat() {}

  /** {@code value} with a prefix chosen so the mantissa is in [1, 1000), then the unit. */
  public static String format(double value, String unit) {
    if (!Double.isFinite(value)) {
      return (Double.isNaN(value) ? "NaN" : value > 0 ? "∞" : "-∞") + spaced(unit);
    }
    if (value == 0) {
      return "0" + spaced(unit);
    }
    int group = (int) Math.floor(Math.log10(Math.abs(value)) / 3);
    group = Math.max(-UNIT_INDEX, Math.min(PREFIXES.length - 1 - UNIT_INDEX, group));
    double mantissa = value / Math.pow(1000, group);
    // Rounding to 6 digits can carry to 1000 (999.9999k -> 1000k); move to the next prefix then.
    String m = significant(mantissa);
    if (Math.abs(Double.parseDouble(m)) >= 1000 && group + UNIT_INDEX + 1 < PREFIXES.length) {
      group++;
      m = significant(value / Math.pow(1000, group));
    }
    String prefix = PREFIXES[group + UNIT_INDEX];
    return m + (unit.isEmpty() && prefix.isEmpty() ? "" : " " + prefix + unit);
  }

  /** Six significant digits, no exponent for moderate values, trailing zeros removed. */
  public static String significant(double v) {
    if (v == 0) {
      return "0";
    }
    String s = String.format(Locale.ROOT, "%.6g", v);
    if (s.contains("e")) {
      String[] parts = s.split("e");
      return trimZeros(parts[0]) + "e" + Integer.parseInt(parts[1]);
    }
    return trimZeros(s);
  }

  private static String trimZeros(String s) {
    if (!s.contains(".")) {
      return s;
    }
    s = s.replaceAll("0+$", "");
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }

  private static String spaced(String unit) {
    return unit.isEmpty() ? "" : " " + unit;
  }
}
