package org.zged.generate;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code zged bench generate --suite S --budget B}: the same targets and the same budget of exact
 * analyses for every search arm, single-threaded, after a warm-up. Per arm: the share of targets
 * met (target within 1 %, values buyable, constraints kept), the median analyses to the first
 * success (over the targets met), the median parts count of the best circuit (over the targets met)
 * and the p50/p95 wall time per design. Every figure is measured, none is asserted.
 */
public final class SuiteBenchmark {
  public static final List<String> SUITES =
      List.of("in-template", "out-of-template", "masks", "constrained");

  /**
   * One arm's figures; {@code applies} false (with a {@code note}) where the arm has no meaning.
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ArmStats(
      boolean applies,
      String note,
      Double met,
      Double analysesToSuccessMedian,
      Double partsMedian,
      Double timeMsP50,
      Double timeMsP95,
      List<String> misses) {
    static ArmStats notApplicable(String note) {
      return new ArmStats(false, note, null, null, null, null, null, null);
    }
  }

  /** The report; {@code arms} keeps the order vae, templates, random, evolutionary, classical. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Report(
      String suite, int targets, int budget, long seed, String note, Map<String, ArmStats> arms) {}

  private final SpecGenerator generator;

  public SuiteBenchmark(SpecGenerator generator) {
    this.generator = generator;
  }

  public Report run(String suite, int n, int budget, long seed) {
    if (suite.equals("masks")) {
      Map<String, ArmStats> arms = new LinkedHashMap<>();
      for (String a : List.of("vae", "templates", "random", "evolutionary", "classical")) {
        arms.put(a, ArmStats.notApplicable("mask targets need the mask spec model (masks issue)"));
      }
      return new Report(suite, 0, budget, seed, "mask targets are not available yet", arms);
    }
    generator.reference();
    List<SuiteTargets.Target> warm = SuiteTargets.draw(suite, Math.min(8, n), seed + 1_000_003);
    List<SuiteTargets.Target> targets = SuiteTargets.draw(suite, n, seed);
    Map<String, ArmStats> arms = new LinkedHashMap<>();
    arms.put("vae", arm(SpecGenerator.Arm.VAE, warm, targets, budget, seed));
    arms.put("templates", arm(SpecGenerator.Arm.TEMPLATES, warm, targets, budget, seed));
    arms.put("random", arm(SpecGenerator.Arm.RANDOM, warm, targets, budget, seed));
    arms.put("evolutionary", arm(SpecGenerator.Arm.EVOLUTIONARY, warm, targets, budget, seed));
    arms.put(
        "classical",
        ArmStats.notApplicable(
            "classical ladder synthesis applies to order/approximation and mask targets only"));
    arms.put("pipeline", arm(SpecGenerator.Arm.PIPELINE, warm, targets, budget, seed));
    String note =
        suite.equals("out-of-template")
            ? "targets from random canonical topologies outside the twelve families that no"
                + " family's closed form can meet"
            : null;
    return new Report(suite, targets.size(), budget, seed, note, arms);
  }

  private ArmStats arm(
      SpecGenerator.Arm arm,
      List<SuiteTargets.Target> warm,
      List<SuiteTargets.Target> targets,
      int budget,
      long seed) {
    for (SuiteTargets.Target t : warm) {
      generator.run(t.target(), t.constraints(), 1, seed, budget, arm);
    }
    List<Double> times = new ArrayList<>();
    List<Double> analyses = new ArrayList<>();
    List<Double> parts = new ArrayList<>();
    List<String> misses = new ArrayList<>();
    int met = 0;
    for (SuiteTargets.Target t : targets) {
      long t0 = System.nanoTime();
      Generation g = generator.run(t.target(), t.constraints(), 1, seed, budget, arm);
      times.add((System.nanoTime() - t0) / 1e6);
      if (g.met()) {
        met++;
        analyses.add((double) g.analysesToSuccess());
        parts.add((double) g.ranked().get(0).parts());
      } else if (misses.size() < 5) {
        misses.add(g.diagnosis());
      }
    }
    return new ArmStats(
        true,
        null,
        targets.isEmpty() ? Double.NaN : met / (double) targets.size(),
        median(analyses),
        median(parts),
        quantile(times, 0.5),
        quantile(times, 0.95),
        misses.isEmpty() ? null : misses);
  }

  private static Double median(List<Double> xs) {
    return xs.isEmpty() ? null : quantile(xs, 0.5);
  }

  private static double quantile(List<Double> xs, double p) {
    return org.zged.math.Quantiles.of(xs, p);
  }
}
