package org.zged.analysis;

import java.util.ArrayList;
import java.util.List;
import org.zged.circuit.Circuit;

/**
 * For {@code zged bench analysis}: what the self-check alone costs, per analysis, on a set of
 * circuits — the nodal system and the checked poles and zeros are prepared first, then only {@link
 * SelfCheck#verify} is timed.
 */
public final class SelfCheckCost {
  private SelfCheckCost() {}

  /** Mean seconds of one self-check over the set, measured for about {@code seconds}. */
  public static double secondsPerCheck(List<Circuit> set, double seconds) {
    List<NodalSystem> systems = new ArrayList<>();
    List<PoleZeroSet> results = new ArrayList<>();
    for (Circuit c : set) {
      systems.add(NodalSystem.of(c));
      results.add(CircuitAnalyzer.poleZero(c));
    }
    long count = 0;
    int failures = 0;
    long start = System.nanoTime();
    long end = start + (long) (seconds * 1e9);
    while (System.nanoTime() < end) {
      for (int i = 0; i < systems.size(); i++) {
        failures += SelfCheck.verify(systems.get(i), results.get(i)) == null ? 0 : 1;
        count++;
      }
    }
    if (failures > 0) {
      throw new IllegalStateException("a checked result failed its own check again");
    }
    return (System.nanoTime() - start) / 1e9 / count;
  }
}
