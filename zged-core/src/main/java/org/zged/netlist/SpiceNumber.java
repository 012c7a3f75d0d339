package org.zged.netlist;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.zged.InputException;

/**
 * Reads numbers the way SPICE writes them: a decimal number, an optional scale suffix and an
 * optional unit, e.g. {@code 10uF}, {@code 1.5k}, {@code 2e-9}, {@code 1MEG}, {@code 4.7nH}.
 *
 * <p>Scale suffixes are case-insensitive, as in SPICE: {@code f}=1e-15, {@code p}=1e-12, {@code
 * n}=1e-9, {@code u}=1e-6, {@code m}=1e-3 (milli!), {@code k}=1e3, {@code meg}=1e6, {@code g}=1e9,
 * {@code t}=1e12. A unit may follow the suffix: {@code F}, {@code H}, {@code Hz}, {@code ohm(s)},
 * {@code Ω}. Because the suffix is read first, {@code 1F} is one femtofarad, exactly as ngspice
 * reads it. Anything else after the number ({@code 10x}), {@code nan} and {@code inf} are errors:
 * SPICE would silently ignore the junk, and a typo should not become a different circuit.
 *
 * <p>The value is the correctly rounded double of the decimal written, so {@code 10u} and {@code
 * 1e-5} give the identical double and what {@link NetlistWriter} writes reads back bit for bit.
 */
public final class SpiceNumber {
  private static final Pattern NUMBER =
      Pattern.compile("([+-]?(?:\\d+\\.?\\d*|\\.\\d+))(?:[eE]([+-]?\\d+))?(.*)");

  /** Unit words accepted after the scale suffix, lower-cased ("Ω" lower-cases to "ω"). */
  private static final Set<String> UNITS = Set.of("", "f", "h", "hz", "ohm", "ohms", "ω");

  private SpiceNumber() {}

  /** Text that is not a SPICE number; {@link #reason()} says why without repeating the text. */
  public static final class BadNumberException extends IllegalArgumentException {
    private final String reason;

    BadNumberException(String text, String reason) {
      super("bad value '" + text + "': " + reason);
      this.reason = reason;
    }

    public String reason() {
      return reason;
    }
  }

  /**
   * Parses a SPICE number.
   *
   * @throws BadNumberException with a one-line message (e.g. {@code bad value '10x': unknown suffix
   *     'x' ...}) when the text is not a SPICE number
   */
  public static double parse(String text) {
    if (text == null || text.isBlank()) {
      throw new BadNumberException("", "missing value");
    }
    String t = text.strip();
    Matcher m = NUMBER.matcher(t);
    if (!m.matches()) {
      throw new BadNumberException(t, "not a number");
    }
    String mantissa = m.group(1);
    long exponent = 0;
    if (m.group(2) != null) {
      try {
        exponent =
            Integer.parseInt(m.group(2).startsWith("+") ? m.group(2).substring(1) : m.group(2));
      } catch (NumberFormatException e) {
        throw new BadNumberException(t, "exponent out of range");
      }
    }
    String rest = m.group(3).toLowerCase(Locale.ROOT);
    if (rest.startsWith("μ")) {
      // U+03BC GREEK SMALL LETTER MU looks like µ, but ngspice does not read it as micro (it takes
      // "1μF" for a model name), so accepting it would make zged and ngspice disagree silently.
      throw new BadNumberException(
          t, "'μ' is the Greek letter mu (U+03BC), which ngspice does not read as micro: write u");
    }
    int scale = 0;
    if (rest.startsWith("meg")) {
      scale = 6;
      rest = rest.substring(3);
    } else if (!rest.isEmpty()) {
      Integer s = scaleOf(rest.charAt(0));
      // "1hz" and "1ohm" have no scale; only strip a suffix letter that is one.
      if (s != null) {
        scale = s;
        rest = rest.substring(1);
      }
    }
    if (!UNITS.contains(rest)) {
      throw new BadNumberException(
          t,
          "unknown suffix '"
              + m.group(3)
              + "' (use f p n u m k meg g t, optionally followed by F, H, Hz or ohm)");
    }
    double v = Double.parseDouble(mantissa + "e" + (exponent + scale));
    if (Double.isInfinite(v)) {
      throw new BadNumberException(t, "out of range");
    }
    return v;
  }

  /**
   * Parses a SPICE number that must be finite and {@code > 0}; errors are {@link InputException}s
   * located at {@code where} (e.g. {@code filter.cir:12} or {@code --fstart}).
   */
  public static double parsePositive(String text, String where) {
    double v;
    try {
      v = parse(text);
    } catch (IllegalArgumentException e) {
      throw new InputException(where, e.getMessage());
    }
    if (!(v > 0)) {
      throw new InputException(where, "bad value '" + text.strip() + "': must be > 0");
    }
    return v;
  }

  private static Integer scaleOf(char c) {
    return switch (c) {
      case 'f' -> -15;
      case 'p' -> -12;
      case 'n' -> -9;
      case 'u', 'µ' -> -6; // µ is U+00B5 MICRO SIGN, which ngspice reads as micro too
      case 'm' -> -3;
      case 'k' -> 3;
      case 'g' -> 9;
      case 't' -> 12;
      default -> null;
    };
  }
}
