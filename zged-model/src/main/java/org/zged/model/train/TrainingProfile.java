package org.zged.model.train;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Where a training run's time goes: wall-clock and CPU nanoseconds of the calling thread per phase
 * of the loop (batch building, forward, loss, backward, optimiser, metrics, validation, checkpoint
 * and history files). PyTorch runs on the calling thread with one intra-op thread, so the thread's
 * CPU time is the phase's cost even on a shared machine, where wall time is noisy. Filled by {@link
 * ModelTrainer.Builder#optProfile}; {@code zged bench model} prints it.
 */
public final class TrainingProfile {
  /** The phases, in the order of a step and then of an epoch. */
  public static final String[] PHASES = {
    "batch",
    "forward",
    "loss",
    "backward",
    "optimizer",
    "metrics",
    "validation",
    "checkpoint",
    "history"
  };

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private final long[] wall = new long[PHASES.length];
  private final long[] cpu = new long[PHASES.length];
  private long steps;
  private long epochs;
  private long lastWall;
  private long lastCpu;

  /** Starts timing from now (the first {@link #lap} measures from here). */
  void start() {
    lastWall = System.nanoTime();
    lastCpu = cpuNow();
  }

  /** Charges the time since the previous lap (or {@link #start}) to {@code phase}. */
  void lap(int phase) {
    long w = System.nanoTime();
    long c = cpuNow();
    wall[phase] += w - lastWall;
    cpu[phase] += c - lastCpu;
    lastWall = w;
    lastCpu = c;
  }

  void stepDone() {
    steps++;
  }

  void epochDone() {
    epochs++;
  }

  public long steps() {
    return steps;
  }

  public long epochs() {
    return epochs;
  }

  /** Wall-clock seconds of a phase (index into {@link #PHASES}). */
  public double wallSeconds(int phase) {
    return wall[phase] / 1e9;
  }

  /** CPU seconds of the training thread in a phase. */
  public double cpuSeconds(int phase) {
    return cpu[phase] / 1e9;
  }

  /** CPU milliseconds per optimiser step, by phase (the per-epoch phases spread over the steps). */
  public Map<String, Double> cpuMsPerStep() {
    Map<String, Double> out = new LinkedHashMap<>();
    double total = 0;
    for (int i = 0; i < PHASES.length; i++) {
      double ms = steps == 0 ? Double.NaN : cpu[i] / 1e6 / steps;
      out.put(PHASES[i], ms);
      total += ms;
    }
    out.put("total", total);
    return out;
  }

  /** One line: total CPU ms per step and each phase's share. */
  public String summary() {
    StringBuilder s = new StringBuilder();
    Map<String, Double> ms = cpuMsPerStep();
    s.append(String.format(Locale.ROOT, "%.1f ms CPU per step:", ms.get("total")));
    for (int i = 0; i < PHASES.length; i++) {
      s.append(String.format(Locale.ROOT, " %s %.2f", PHASES[i], ms.get(PHASES[i])));
    }
    return s.toString();
  }

  private static long cpuNow() {
    return THREADS.getCurrentThreadCpuTime();
  }
}
