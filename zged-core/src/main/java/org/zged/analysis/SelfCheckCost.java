package org.zged.analysis;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import org.zged.circuit.Circuit;

/**
 * For {@code zged bench analysis}: what the self-check alone costs, per analysis, on a set of
 * circuits — the nodal system and the checked poles and zeros are prepared first, then only {@link
 * SelfCheck#verify} is timed, in CPU time of the calling thread (independent of other load).
 */
public final class SelfCheckCost {
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  private SelfCheckCost() {}

  /** Mean CPU seconds of one self-check over the set: {@code passes} passes after 5 of warm-up. */
  public static double secondsPerCheck(List<Circuit> set, int passes) {
    List<NodalSystem> systems = new ArrayList<>();
    List<PoleZeroSet> results = new ArrayList<>();
    for (Circuit c : set) {
      systems.add(NodalSystem.of(c));
      results.add(CircuitAnalyzer.poleZero(c));
    }
    pass(systems, results, 5);
    long cpu0 = CPU.getCurrentThreadCpuTime();
    int failures = pass(systems, results, passes);
    long cpu = CPU.getCurrentThreadCpuTime() - cpu0;
    if (failures > 0) {
      throw new IllegalStateException("a checked result failed its own check again");
    }
    return cpu / 1e9 / ((long) passes * systems.size());
  }

  private static int pass(List<NodalSystem> systems, List<PoleZeroSet> results, int passes) {
    int failures = 0;
    for (int p = 0; p < passes; p++) {
      for (int i = 0; i < systems.size(); i++) {
        failures += SelfCheck.verify(systems.get(i), results.get(i)) == null ? 0 : 1;
      }
    }
    return failures;
  }
}
