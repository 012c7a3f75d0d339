package org.zged.fit;

import java.util.ArrayList;
import java.util.List;
import org.zged.circuit.Circuit;
import org.zged.circuit.Element;
import org.zged.circuit.ElementKind;

/**
 * Component values one can buy: R 1 Ω–10 MΩ, C 1 pF–1 mF, L 1 nH–10 H. Also the two exact
 * symmetries of a passive RLC voltage transfer function H(s), used to move a design into these
 * ranges without changing what it does:
 *
 * <ul>
 *   <li>impedance scaling — R·k, L·k, C/k leaves H(s) unchanged;
 *   <li>frequency scaling — L/k, C/k maps H(s) to H(s/k), multiplying every frequency by k.
 * </ul>
 */
public final class PracticalRanges {
  private PracticalRanges() {}

  public static double min(ElementKind kind) {
    return switch (kind) {
      case R -> 1.0;
      case C -> 1e-12;
      case L -> 1e-9;
    };
  }

  public static double max(ElementKind kind) {
    return switch (kind) {
      case R -> 1e7;
      case C -> 1e-3;
      case L -> 10.0;
    };
  }

  public static boolean inRange(Element e) {
    // A hair of slack so that values on a bound after a log-space round trip still count.
    return e.value() >= min(e.kind()) * (1 - 1e-9) && e.value() <= max(e.kind()) * (1 + 1e-9);
  }

  /** One line per element outside its range, e.g. {@code C1 = 0.2 pF is below 1 pF}. */
  public static List<String> violations(Circuit c) {
    List<String> out = new ArrayList<>();
    for (Element e : c.elements()) {
      if (!inRange(e)) {
        boolean low = e.value() < min(e.kind());
        out.add(
            e.name()
                + " = "
                + Units.value(e.value(), e.kind())
                + (low ? " is below " + Units.value(min(e.kind()), e.kind()) : " is above ")
                + (low ? "" : Units.value(max(e.kind()), e.kind())));
      }
    }
    return out;
  }

  /** Multiplies every frequency of the response by {@code k} (divides each L and C by k). */
  public static Circuit scaleFrequency(Circuit c, double k) {
    double[] v = c.values();
    for (int i = 0; i < v.length; i++) {
      if (c.elements().get(i).kind() != ElementKind.R) {
        v[i] /= k;
      }
    }
    return c.withValues(v);
  }

  /** Multiplies every impedance by {@code k}; the transfer function is unchanged. */
  public static Circuit scaleImpedance(Circuit c, double k) {
    double[] v = c.values();
    for (int i = 0; i < v.length; i++) {
      v[i] = c.elements().get(i).kind() == ElementKind.C ? v[i] / k : v[i] * k;
    }
    return c.withValues(v);
  }

  /**
   * The impedance scaling that puts every value as far inside its range as possible (the middle of
   * the feasible log-k interval); when no scaling fits all, the one that minimises the worst
   * violation. The response is unchanged either way.
   */
  public static Circuit centreImpedance(Circuit c) {
    double[] w = impedanceWindow(c);
    // Infeasible (lo > hi): the midpoint still balances the two worst violations.
    double logK = (w[0] + w[1]) / 2;
    return Math.abs(logK) < 1e-12 ? c : scaleImpedance(c, Math.pow(10, logK));
  }

  /**
   * How many decades the values lie beyond what impedance scaling can bring into the ranges: the
   * impedance scalings k with every R·k, L·k and C/k in range form an interval of log10 k; this is
   * minus its width (≤ 0 when some scaling puts every value in range, e.g. -2 when two decades of k
   * do), and the decades the widest-spread values overshoot when none does. Impedance scaling
   * itself leaves it unchanged; NaN for a circuit without elements.
   */
  public static double impedanceSpan(Circuit c) {
    if (c.elements().isEmpty()) {
      return Double.NaN;
    }
    double[] w = impedanceWindow(c);
    return w[0] - w[1];
  }

  /**
   * The interval [lo, hi] of log10 k for which impedance scaling by k keeps every value in range.
   */
  private static double[] impedanceWindow(Circuit c) {
    // Each element allows log10 k in [a, b]: R, L scale by k; C by 1/k.
    double lo = Double.NEGATIVE_INFINITY;
    double hi = Double.POSITIVE_INFINITY;
    for (Element e : c.elements()) {
      double lv = Math.log10(e.value());
      double a = Math.log10(min(e.kind())) - lv;
      double b = Math.log10(max(e.kind())) - lv;
      if (e.kind() == ElementKind.C) {
        double t = -a;
        a = -b;
        b = t;
      }
      lo = Math.max(lo, a);
      hi = Math.min(hi, b);
    }
    return new double[] {lo, hi};
  }

  /** Values clipped into range; the response changes, so verify afterwards. */
  public static Circuit clamp(Circuit c) {
    double[] v = c.values();
    for (int i = 0; i < v.length; i++) {
      ElementKind k = c.elements().get(i).kind();
      v[i] = Math.max(min(k), Math.min(max(k), v[i]));
    }
    return c.withValues(v);
  }
}
