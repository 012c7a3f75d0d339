package org.zged.generate;

import java.util.ArrayList;
import java.util.List;
import org.zged.InputException;
import org.zged.circuit.Circuit;
import org.zged.circuit.Element;
import org.zged.circuit.ElementKind;
import org.zged.fit.Units;

/**
 * What the user allows a design to use: at most N parts, at most K inductors ({@code 0} = RC only)
 * and a value window per kind. Every search arm filters its proposals with {@link #admits} before
 * spending analyses on them, and a candidate only meets the target when {@link #violations} of its
 * final values is empty. {@link #NONE} allows everything.
 */
public final class Constraints {
  public static final Constraints NONE = builder().build();

  private final Integer maxParts;
  private final Integer maxInductors;
  private final ValueWindow r;
  private final ValueWindow c;
  private final ValueWindow l;

  private Constraints(Builder b) {
    this.maxParts = b.maxParts;
    this.maxInductors = b.maxInductors;
    this.r = b.r;
    this.c = b.c;
    this.l = b.l;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The parts limit, or null for none. */
  public Integer maxParts() {
    return maxParts;
  }

  /** The inductor limit (0 = RC only), or null for none. */
  public Integer maxInductors() {
    return maxInductors;
  }

  public ValueWindow window(ElementKind kind) {
    return switch (kind) {
      case R -> r;
      case C -> c;
      case L -> l;
    };
  }

  public boolean hasValueWindows() {
    return r != null || c != null || l != null;
  }

  public boolean isNone() {
    return maxParts == null && maxInductors == null && !hasValueWindows();
  }

  /** Whether a topology may be tried at all: parts and inductor counts (values can still move). */
  public boolean admits(Circuit circuit) {
    if (maxParts != null && circuit.elements().size() > maxParts) {
      return false;
    }
    return maxInductors == null || inductors(circuit) <= maxInductors;
  }

  /** Whether inductors may be used at all. */
  public boolean allowsInductors() {
    return maxInductors == null || maxInductors > 0;
  }

  /** One line per broken constraint of the final values; empty when all hold. */
  public List<String> violations(Circuit circuit) {
    List<String> out = new ArrayList<>();
    if (maxParts != null && circuit.elements().size() > maxParts) {
      out.add(circuit.elements().size() + " parts, the limit is " + maxParts);
    }
    int ind = inductors(circuit);
    if (maxInductors != null && ind > maxInductors) {
      out.add(ind + " inductors, the limit is " + maxInductors);
    }
    for (Element e : circuit.elements()) {
      ValueWindow w = window(e.kind());
      if (w != null && !w.contains(e.value())) {
        out.add(
            e.name()
                + " = "
                + Units.value(e.value(), e.kind())
                + " is outside "
                + Units.value(w.min(), e.kind())
                + " to "
                + Units.value(w.max(), e.kind()));
      }
    }
    return out;
  }

  static int inductors(Circuit circuit) {
    int n = 0;
    for (Element e : circuit.elements()) {
      if (e.kind() == ElementKind.L) {
        n++;
      }
    }
    return n;
  }

  /**
   * The impedance scaling (R, L × k, C ÷ k — it leaves H(s) unchanged) that puts every value in its
   * window, centred in log space, or the input when no k does. Exact and free: no analysis needed.
   */
  public Circuit intoWindows(Circuit circuit) {
    if (!hasValueWindows()) {
      return circuit;
    }
    double lo = Double.NEGATIVE_INFINITY;
    double hi = Double.POSITIVE_INFINITY;
    for (Element e : circuit.elements()) {
      ValueWindow w = window(e.kind());
      if (w == null) {
        w =
            new ValueWindow(
                org.zged.fit.PracticalRanges.min(e.kind()),
                org.zged.fit.PracticalRanges.max(e.kind()));
      }
      double a = Math.log(w.min() / e.value());
      double b = Math.log(w.max() / e.value());
      if (e.kind() == ElementKind.C) { // C ÷ k: ln k must lie in [-b, -a]
        double t = a;
        a = -b;
        b = -t;
      }
      lo = Math.max(lo, a);
      hi = Math.min(hi, b);
    }
    if (!(lo <= hi)) {
      return circuit;
    }
    return org.zged.fit.PracticalRanges.scaleImpedance(circuit, Math.exp((lo + hi) / 2));
  }

  /** e.g. {@code at most 4 parts, RC only, R 10 Ω to 1 MΩ}; empty when none. */
  public String describe() {
    List<String> parts = new ArrayList<>();
    if (maxParts != null) {
      parts.add("at most " + maxParts + " parts");
    }
    if (maxInductors != null) {
      parts.add(maxInductors == 0 ? "RC only" : "at most " + maxInductors + " inductors");
    }
    for (ElementKind k : ElementKind.values()) {
      ValueWindow w = window(k);
      if (w != null) {
        parts.add(k + " " + Units.value(w.min(), k) + " to " + Units.value(w.max(), k));
      }
    }
    return String.join(", ", parts);
  }

  /** DJL-style builder: every limit optional; {@link #build()} checks each. */
  public static final class Builder {
    private Integer maxParts;
    private Integer maxInductors;
    private ValueWindow r;
    private ValueWindow c;
    private ValueWindow l;

    public Builder optMaxParts(Integer n) {
      this.maxParts = n;
      return this;
    }

    public Builder optMaxInductors(Integer k) {
      this.maxInductors = k;
      return this;
    }

    public Builder optWindow(ElementKind kind, ValueWindow w) {
      switch (kind) {
        case R -> r = w;
        case C -> c = w;
        case L -> l = w;
      }
      return this;
    }

    public Constraints build() {
      if (maxParts != null && (maxParts < 1 || maxParts > 16)) {
        throw new InputException("--max-parts", "must be between 1 and 16, got " + maxParts);
      }
      if (maxInductors != null && (maxInductors < 0 || maxInductors > 16)) {
        throw new InputException(
            "--max-inductors", "must be between 0 and 16 (0 = RC only), got " + maxInductors);
      }
      if (maxInductors != null && maxInductors == 0 && l != null) {
        throw new InputException("--l-range", "contradicts --max-inductors 0 (RC only)");
      }
      return new Constraints(this);
    }
  }
}
