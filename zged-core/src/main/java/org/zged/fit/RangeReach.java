package org.zged.fit;

import org.zged.circuit.Circuit;
import org.zged.circuit.Element;
import org.zged.circuit.ElementKind;

/**
 * Where a circuit's values can take its response within the practical ranges: moving every
 * frequency by k (L/k, C/k) and then choosing the best impedance scaling, how many decades the
 * values still lie beyond the ranges. Only each kind's smallest and largest value matter, so a
 * circuit is kept as six numbers and a query costs a few additions: the neighbour search asks it of
 * every reference circuit for every target.
 *
 * <p>The value ranges bound what a topology reaches: an LC pair resonates no lower than 1/(2π√(10 H
 * · 1 mF)) ≈ 1.6 Hz, so a 1 Hz target needs a topology whose frequency is set otherwise (series
 * inductors, RC and L/R time constants). Frequency scaling is exact only as long as the scaled
 * values stay buyable.
 */
public final class RangeReach {
  private static final ElementKind[] KINDS = ElementKind.values();
  private static final int R = ElementKind.R.ordinal();
  private static final int C = ElementKind.C.ordinal();
  // log10 of each kind's range, by ordinal: the neighbour search calls beyond() for every
  // reference circuit, so it reads arrays rather than switching on the kind.
  private static final double[] FLOOR = new double[KINDS.length];
  private static final double[] CEILING = new double[KINDS.length];

  static {
    for (ElementKind kind : KINDS) {
      FLOOR[kind.ordinal()] = Math.log10(PracticalRanges.min(kind));
      CEILING[kind.ordinal()] = Math.log10(PracticalRanges.max(kind));
    }
  }

  private final double[] minLog = new double[KINDS.length];
  private final double[] maxLog = new double[KINDS.length];

  private RangeReach() {}

  /** The reach of {@code c}'s values; a circuit without elements reaches everywhere. */
  public static RangeReach of(Circuit c) {
    RangeReach r = new RangeReach();
    java.util.Arrays.fill(r.minLog, Double.POSITIVE_INFINITY);
    java.util.Arrays.fill(r.maxLog, Double.NEGATIVE_INFINITY);
    for (Element e : c.elements()) {
      int k = e.kind().ordinal();
      double lv = Math.log10(e.value());
      r.minLog[k] = Math.min(r.minLog[k], lv);
      r.maxLog[k] = Math.max(r.maxLog[k], lv);
    }
    return r;
  }

  /** Whether the circuit has an element of this kind. */
  public boolean has(ElementKind kind) {
    return minLog[kind.ordinal()] <= maxLog[kind.ordinal()];
  }

  /**
   * The decades the values lie beyond the ranges after every frequency of the response is moved by
   * {@code shiftDecades} (×10^shift) and the impedance scaled as well as it can be: ≤ 0 when some
   * impedance scaling then puts every value in range, as {@link PracticalRanges#impedanceSpan} of
   * the frequency-scaled circuit.
   */
  public double beyond(double shiftDecades) {
    // Impedance scaling by 10^y: R·k and L·k must stay in range, C/k too. Each kind bounds y by
    // its extremes; frequency scaling first shifts the L and C logs by -shift.
    double lo = Double.NEGATIVE_INFINITY;
    double hi = Double.POSITIVE_INFINITY;
    for (int k = 0; k < KINDS.length; k++) {
      if (minLog[k] > maxLog[k]) {
        continue; // no element of this kind
      }
      double shift = k == R ? 0 : shiftDecades;
      double least = minLog[k] - shift;
      double most = maxLog[k] - shift;
      if (k == C) {
        lo = Math.max(lo, most - CEILING[k]);
        hi = Math.min(hi, least - FLOOR[k]);
      } else {
        lo = Math.max(lo, FLOOR[k] - least);
        hi = Math.min(hi, CEILING[k] - most);
      }
    }
    return lo == Double.NEGATIVE_INFINITY ? Double.NEGATIVE_INFINITY : lo - hi;
  }
}
