package org.zged.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hipparchus.complex.Complex;
import org.zged.InputException;

/**
 * Reads and checks pole/zero lists such as {@code "-1000+2000j, -1000-2000j"} (rad/s). Each item is
 * a real number, an imaginary number ending in {@code j} or {@code i}, or {@code a+bj}. The checks
 * encode what a passive RLC transfer function can have: real coefficients (every complex root with
 * its conjugate), poles strictly in the left half-plane, no more zeros than poles.
 */
public final class ComplexListParser {
  private static final double CONJUGATE_TOLERANCE = 1e-9;

  private ComplexListParser() {}

  public static List<Complex> parse(String text, String flag) {
    List<Complex> out = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return out;
    }
    String[] items = text.split("[,;]", -1); // -1: ",,," is four empty items, not none
    for (String raw : items) {
      String item = raw.strip().toLowerCase(Locale.ROOT).replace(" ", "");
      if (item.isEmpty()) {
        throw new InputException(flag, "empty item in '" + text + "'");
      }
      out.add(parseOne(item, flag));
    }
    return out;
  }

  private static Complex parseOne(String item, String flag) {
    try {
      if (!(item.endsWith("j") || item.endsWith("i"))) {
        return new Complex(number(item), 0);
      }
      String body = item.substring(0, item.length() - 1);
      // The split point is the last sign that is neither leading nor an exponent sign.
      int split = -1;
      for (int k = body.length() - 1; k > 0; k--) {
        char c = body.charAt(k);
        if ((c == '+' || c == '-') && body.charAt(k - 1) != 'e') {
          split = k;
          break;
        }
      }
      if (split < 0) {
        return new Complex(0, imaginary(body));
      }
      return new Complex(number(body.substring(0, split)), imaginary(body.substring(split)));
    } catch (NumberFormatException e) {
      throw new InputException(
          flag, "cannot read '" + item + "' as a complex number (write e.g. -1000+2000j)");
    }
  }

  private static double imaginary(String s) {
    if (s.isEmpty() || s.equals("+")) {
      return 1;
    }
    if (s.equals("-")) {
      return -1;
    }
    return number(s);
  }

  private static double number(String s) {
    double v = Double.parseDouble(s);
    if (!Double.isFinite(v) || s.contains("n") || s.contains("x")) {
      // Double.parseDouble accepts "NaN", "Infinity" and hex floats; none is a root location.
      throw new NumberFormatException(s);
    }
    return v;
  }

  /** Poles: 1..MAX_POLES, all with Re &lt; 0, complex ones in conjugate pairs. */
  public static void checkPoles(List<Complex> poles, String flag) {
    if (poles.isEmpty()) {
      throw new InputException(flag, "at least one pole is needed");
    }
    if (poles.size() > SpecTarget.MAX_POLES) {
      throw new InputException(
          flag, poles.size() + " poles; at most " + SpecTarget.MAX_POLES + " are supported");
    }
    for (Complex p : poles) {
      checkMagnitude(p, flag, "pole");
      if (!(p.getReal() < 0)) {
        throw new InputException(
            flag,
            "pole "
                + format(p)
                + " is not in the left half-plane; a passive filter's poles have Re < 0");
      }
    }
    checkConjugates(poles, flag, "pole");
  }

  /** Zeros: anywhere, conjugate pairs, no more than the poles (H stays finite at infinity). */
  public static void checkZeros(List<Complex> zeros, int poleCount, String flag) {
    if (zeros.size() > poleCount) {
      throw new InputException(
          flag,
          zeros.size()
              + " zeros but "
              + poleCount
              + " poles; a passive filter cannot have more zeros than poles");
    }
    for (Complex z : zeros) {
      if (z.getReal() != 0 || z.getImaginary() != 0) {
        checkMagnitude(z, flag, "zero");
      }
    }
    checkConjugates(zeros, flag, "zero");
  }

  /**
   * A root's frequency |r|/2π must lie in the range generation designs for (the same as --fc's):
   * beyond it, component values leave every physical range and the arithmetic overflows.
   */
  private static void checkMagnitude(Complex r, String flag, String what) {
    double hz = r.norm() / (2 * Math.PI);
    if (!(hz >= SpecTarget.MIN_FREQUENCY_HZ && hz <= SpecTarget.MAX_FREQUENCY_HZ)) {
      throw new InputException(
          flag,
          what
              + " "
              + format(r)
              + " rad/s is at "
              + Units.hz(hz)
              + "; |"
              + what
              + "|/2π must be between "
              + Units.hz(SpecTarget.MIN_FREQUENCY_HZ)
              + " and "
              + Units.hz(SpecTarget.MAX_FREQUENCY_HZ));
    }
  }

  private static void checkConjugates(List<Complex> roots, String flag, String what) {
    boolean[] used = new boolean[roots.size()];
    for (int i = 0; i < roots.size(); i++) {
      Complex r = roots.get(i);
      if (used[i] || r.getImaginary() == 0) {
        continue;
      }
      int partner = -1;
      for (int j = 0; j < roots.size(); j++) {
        if (j != i && !used[j] && close(roots.get(j), r.conjugate())) {
          partner = j;
          break;
        }
      }
      if (partner < 0) {
        throw new InputException(
            flag,
            what
                + " "
                + format(r)
                + " has no conjugate "
                + format(r.conjugate())
                + "; a real circuit's "
                + what
                + "s come in conjugate pairs");
      }
      used[i] = true;
      used[partner] = true;
    }
  }

  private static boolean close(Complex a, Complex b) {
    return a.subtract(b).norm() <= CONJUGATE_TOLERANCE * Math.max(1, Math.max(a.norm(), b.norm()));
  }

  public static String format(Complex c) {
    if (c.getImaginary() == 0) {
      return Units.plain(c.getReal(), 6);
    }
    return Units.plain(c.getReal(), 6)
        + (c.getImaginary() < 0 ? "-" : "+")
        + Units.plain(Math.abs(c.getImaginary()), 6)
        + "j";
  }

  public static String format(List<Complex> roots) {
    if (roots.isEmpty()) {
      return "(none)";
    }
    StringBuilder sb = new StringBuilder();
    for (Complex c : roots) {
      sb.append(sb.length() == 0 ? "" : ", ").append(format(c));
    }
    return sb.toString();
  }
}
