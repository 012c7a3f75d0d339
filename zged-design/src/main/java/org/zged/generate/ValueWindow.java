package org.zged.generate;

import org.zged.InputException;
import org.zged.netlist.SpiceNumber;

/**
 * A closed range of component values a user allows for one kind, e.g. {@code --r-range 10:1meg}.
 *
 * @param min smallest allowed value (SI units, &gt; 0)
 * @param max largest allowed value (&gt; min)
 */
public record ValueWindow(double min, double max) {
  public ValueWindow {
    if (!(min > 0) || !(max > min) || !Double.isFinite(max)) {
      throw new IllegalArgumentException("bad value window " + min + ":" + max);
    }
  }

  /** Parses {@code LO:HI} with SPICE suffixes; null text gives null. */
  public static ValueWindow parse(String text, String flag) {
    if (text == null) {
      return null;
    }
    String[] parts = text.strip().split(":", -1);
    if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
      throw new InputException(flag, "expected LO:HI (e.g. 10:1meg), got '" + text + "'");
    }
    double lo = SpiceNumber.parsePositive(parts[0].strip(), flag);
    double hi = SpiceNumber.parsePositive(parts[1].strip(), flag);
    if (!(hi > lo)) {
      throw new InputException(
          flag, "inverted or empty range '" + text + "' (the low end must be below the high end)");
    }
    return new ValueWindow(lo, hi);
  }

  public boolean contains(double v) {
    // The same hair of slack as the practical ranges: a log-space round trip may land on a bound.
    return v >= min * (1 - 1e-9) && v <= max * (1 + 1e-9);
  }
}
