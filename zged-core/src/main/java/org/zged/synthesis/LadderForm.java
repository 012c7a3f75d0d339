package org.zged.synthesis;

/**
 * Which end of the dual pair a ladder takes. For an odd-order low-pass prototype the shunt-first
 * form has the fewer inductors (and the elliptic one has its transmission zeros in parallel-LC
 * series arms); the series-first form has the fewer capacitors (series-LC shunt arms).
 */
public enum LadderForm {
  MIN_INDUCTOR,
  MIN_CAPACITOR;

  public String label() {
    return this == MIN_INDUCTOR ? "min-L" : "min-C";
  }

  /** The prototype's first arm (seen from the source) is a shunt capacitor. */
  public boolean shuntFirst() {
    return this == MIN_INDUCTOR;
  }

  public LadderForm dual() {
    return this == MIN_INDUCTOR ? MIN_CAPACITOR : MIN_INDUCTOR;
  }
}
