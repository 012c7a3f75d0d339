package org.zged.dataset;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Decimal text for the numbers in a dataset file, identical on every JVM. {@code Double.toString}
 * changed its digits between Java 17 and 19, so it cannot promise byte-identical files; this class
 * uses only IEEE arithmetic (exactly specified in Java) and exact comparisons.
 *
 * <p>{@link #format(double, int)} writes at most {@code digits} significant digits, trailing zeros
 * removed; {@link #round(double, int)} returns the double that text reads back as, so a value
 * rounded first is written and read back exactly.
 */
public final class DecimalText {
  /** Digits written for computed labels: far below any tolerance a consumer uses. */
  public static final int LABEL_DIGITS = 12;

  private static final int MAX_DIGITS = 15;
  private static final double[] POW10 = new double[23];
  private static final long[] LONG_POW10 = new long[19];
  private static final int ALL_POW10_OFFSET = 330;

  /** 10^k for k in [−330, 310), each correctly rounded (parseDouble): the same on every JVM. */
  private static final double[] ALL_POW10 = new double[640];

  static {
    POW10[0] = 1;
    for (int i = 1; i < POW10.length; i++) {
      POW10[i] = POW10[i - 1] * 10; // exact up to 1e22
    }
    for (int i = 0; i < ALL_POW10.length; i++) {
      ALL_POW10[i] = Double.parseDouble("1e" + (i - ALL_POW10_OFFSET));
    }
    LONG_POW10[0] = 1;
    for (int i = 1; i < LONG_POW10.length; i++) {
      LONG_POW10[i] = LONG_POW10[i - 1] * 10;
    }
  }

  private DecimalText() {}

  /** The value of {@code v} rounded to {@code digits} significant decimal digits. */
  public static double round(double v, int digits) {
    if (v == 0 || !Double.isFinite(v)) {
      return v;
    }
    Decimal d = decompose(v, digits);
    return d.toDouble();
  }

  /**
   * {@code v} with at most {@code digits} significant digits, as a JSON number: plain notation for
   * 1e-3 ≤ |v| < 1e7, otherwise {@code 1.5e-7}. Non-finite values are refused (JSON has none).
   */
  public static String format(double v, int digits) {
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException("not a finite number: " + v);
    }
    if (v == 0) {
      return "0"; // also for −0.0: one spelling for one value
    }
    return decompose(v, digits).toString();
  }

  private static Decimal decompose(double v, int digits) {
    if (digits < 1 || digits > MAX_DIGITS) {
      throw new IllegalArgumentException("digits must be 1.." + MAX_DIGITS);
    }
    double a = Math.abs(v);
    int e = decimalExponent(a);
    if (Math.abs(e) > 280) {
      return exactDecompose(v, digits); // far outside circuit magnitudes; exact and slow
    }
    long m = Math.round(scale(a, digits - 1 - e));
    if (m >= LONG_POW10[digits]) {
      e++;
      m = Math.round(scale(a, digits - 1 - e));
    }
    // Move trailing zeros into the exponent so equal values print identically.
    int shift = digits - 1;
    while (m % 10 == 0 && shift > 0) {
      m /= 10;
      shift--;
    }
    return new Decimal(v < 0, m, e - shift, e);
  }

  /** The largest k with 10^k ≤ a (with the table's correctly rounded powers of ten). */
  private static int decimalExponent(double a) {
    // log10(2) ≈ 0.30103: a first guess from the binary exponent, then exact comparisons.
    int k = (int) Math.floor(Math.getExponent(a) * 0.30102999566398120);
    while (a >= pow10(k + 1)) {
      k++;
    }
    while (a < pow10(k)) {
      k--;
    }
    return k;
  }

  private static double pow10(int k) {
    if (k >= 0 && k < POW10.length) {
      return POW10[k];
    }
    if (k >= -ALL_POW10_OFFSET && k < ALL_POW10.length - ALL_POW10_OFFSET) {
      return ALL_POW10[k + ALL_POW10_OFFSET];
    }
    return k < 0 ? 0 : Double.POSITIVE_INFINITY;
  }

  /** a · 10^k with one correctly rounded operation whenever 10^|k| is exact. */
  private static double scale(double a, int k) {
    if (k >= 0) {
      return k < POW10.length ? a * POW10[k] : a * pow10(k);
    }
    return -k < POW10.length ? a / POW10[-k] : a / pow10(-k);
  }

  private static final BigDecimal LARGEST = new BigDecimal(Double.MAX_VALUE);

  private static Decimal exactDecompose(double v, int digits) {
    BigDecimal d = new BigDecimal(v).round(new MathContext(digits, RoundingMode.HALF_EVEN));
    if (d.abs().compareTo(LARGEST) > 0) {
      // rounding up past Double.MAX_VALUE (e.g. 1.8e308 to one digit, 2e308) would be infinite:
      // round toward zero instead, so the result stays a finite number
      d = new BigDecimal(v).round(new MathContext(digits, RoundingMode.DOWN));
    }
    d = d.stripTrailingZeros();
    long m = d.unscaledValue().abs().longValueExact();
    int exponent = -d.scale();
    int leading = exponent + String.valueOf(m).length() - 1;
    return new Decimal(v < 0, m, exponent, leading);
  }

  /** (−1)^negative · mantissa · 10^exponent, where the first digit stands for 10^leading. */
  private record Decimal(boolean negative, long mantissa, int exponent, int leading) {

    double toDouble() {
      double m = mantissa;
      double abs;
      if (exponent >= 0 && exponent < POW10.length) {
        abs = m * POW10[exponent];
      } else if (exponent < 0 && -exponent < POW10.length) {
        abs = m / POW10[-exponent];
      } else {
        abs = Double.parseDouble(mantissa + "e" + exponent);
      }
      return negative ? -abs : abs;
    }

    @Override
    public String toString() {
      String digits = Long.toString(mantissa);
      StringBuilder sb = new StringBuilder(digits.length() + 8);
      if (negative) {
        sb.append('-');
      }
      if (leading >= -3 && leading < 7) {
        if (leading < 0) {
          sb.append("0.");
          sb.append("0".repeat(-leading - 1));
          sb.append(digits);
        } else if (leading + 1 >= digits.length()) {
          sb.append(digits);
          sb.append("0".repeat(leading + 1 - digits.length()));
        } else {
          sb.append(digits, 0, leading + 1)
              .append('.')
              .append(digits, leading + 1, digits.length());
        }
      } else {
        sb.append(digits.charAt(0));
        if (digits.length() > 1) {
          sb.append('.').append(digits, 1, digits.length());
        }
        sb.append('e').append(leading);
      }
      return sb.toString();
    }
  }
}
