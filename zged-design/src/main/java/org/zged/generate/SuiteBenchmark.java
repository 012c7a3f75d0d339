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
   * One arm's figures; an arm that has no meaning for a suite has only a {@code note} saying so.
   * {@code misses} gives the reason (with its number) of the first misses; {@code
   * parts_le_classical} (mask suite) is the share of the targets met, among those where classical
   * synthesis applies, whose circuit has no more parts than the classical ladder. {@code
   * success_curve} is the fraction of all the suite's targets met within k analyses, at each k
   * where one more target was first met (misses never count; {@link MatchedSuccess}). {@code spent}
   * splits the analyses the arm spent up to each target's first success (all of them for a miss) by
   * what each fit came to ({@link AnalysesSpent}); {@code spent_tail} the same over the slower half
   * of the targets (those that took the arm the most analyses, misses first).
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ArmStats(
      @JsonInclude(JsonInclude.Include.ALWAYS) Double met,
      @JsonInclude(JsonInclude.Include.ALWAYS) Double analysesToSuccessMedian,
      @JsonInclude(JsonInclude.Include.ALWAYS) Double partsMedian,
      @JsonInclude(JsonInclude.Include.ALWAYS) Double timeMsP50,
      @JsonInclude(JsonInclude.Include.ALWAYS) Double timeMsP95,
      Double partsLeClassical,
      String note,
      List<String> misses,
      List<MatchedSuccess.Point> successCurve,
      AnalysesSpent spent,
      AnalysesSpent spentTail) {
    static ArmStats notApplicable(String note) {
      return new ArmStats(null, null, null, null, null, null, note, null, null, null, null);
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean applies() {
      return met != null;
    }
  }

  /**
   * The report; {@code arms} keeps the order vae, templates, random, evolutionary, classical.
   * {@code vae_vs_random} puts the two readings of the VAE's analyses against random search's side
   * by side ({@link MatchedSuccess.Comparison}: the ratio of the medians, each over the targets the
   * arm met, and the ratio of the analyses each needs to meet random's final share of all targets).
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Report(
      String suite,
      int targets,
      int budget,
      Map<String, ArmStats> arms,
      MatchedSuccess.Comparison vaeVsRandom) {}

  /** How many misses per arm are listed with their reason. */
  static final int LISTED_MISSES = 10;

  private final SpecGenerator generator;

  public SuiteBenchmark(SpecGenerator generator) {
    this.generator = generator;
  }

  public Report run(String suite, int n, int budget, long seed) {
    generator.reference();
    List<SuiteTargets.Target> warm = SuiteTargets.draw(suite, Math.min(4, n), seed + 1_000_003);
    List<SuiteTargets.Target> targets = SuiteTargets.draw(suite, n, seed);
    return run(suite, warm, targets, budget, seed);
  }

  /** The arms on given targets (tests use small hand-picked suites). */
  Report run(
      String suite,
      List<SuiteTargets.Target> warm,
      List<SuiteTargets.Target> targets,
      int budget,
      long seed) {
    Map<String, ArmStats> arms = new LinkedHashMap<>();
    int[] vaeToSuccess = new int[targets.size()];
    int[] randomToSuccess = new int[targets.size()];
    arms.put("vae", arm(SpecGenerator.Arm.VAE, warm, targets, budget, seed, vaeToSuccess));
    arms.put("templates", arm(SpecGenerator.Arm.TEMPLATES, warm, targets, budget, seed));
    arms.put("random", arm(SpecGenerator.Arm.RANDOM, warm, targets, budget, seed, randomToSuccess));
    arms.put("evolutionary", arm(SpecGenerator.Arm.EVOLUTIONARY, warm, targets, budget, seed));
    boolean anyClassical =
        targets.stream().anyMatch(t -> t.goal() != null && t.goal().classicalApplies());
    arms.put(
        "classical",
        anyClassical
            ? arm(SpecGenerator.Arm.CLASSICAL, warm, targets, budget, seed)
            : ArmStats.notApplicable(
                "does not apply: classical ladder synthesis answers masks of the four textbook"
                    + " shapes, not fc/Q/gain targets"));
    MatchedSuccess.Comparison cmp =
        targets.isEmpty() ? null : MatchedSuccess.compare(vaeToSuccess, randomToSuccess);
    return new Report(suite, targets.size(), budget, arms, cmp);
  }

  private Generation run(SuiteTargets.Target t, int budget, long seed, SpecGenerator.Arm arm) {
    return run(t, budget, seed, arm, null);
  }

  /** One target; {@code inspect} gets the finished run (null: nobody). */
  private Generation run(
      SuiteTargets.Target t,
      int budget,
      long seed,
      SpecGenerator.Arm arm,
      java.util.function.Consumer<SearchRun> inspect) {
    return t.goal() != null
        ? generator.run(
            t.goal().prototype(), t.goal(), t.constraints(), 1, seed, budget, arm, inspect)
        : generator.run(t.target(), null, t.constraints(), 1, seed, budget, arm, inspect);
  }

  private ArmStats arm(
      SpecGenerator.Arm arm,
      List<SuiteTargets.Target> warm,
      List<SuiteTargets.Target> targets,
      int budget,
      long seed) {
    return arm(arm, warm, targets, budget, seed, new int[targets.size()]);
  }

  /**
   * One arm on the targets; {@code toSuccess[i]} is set to target i's analyses to its first success
   * ({@link MatchedSuccess#NEVER} for a miss).
   */
  private ArmStats arm(
      SpecGenerator.Arm arm,
      List<SuiteTargets.Target> warm,
      List<SuiteTargets.Target> targets,
      int budget,
      long seed,
      int[] toSuccess) {
    for (SuiteTargets.Target t : warm) {
      run(t, budget, seed, arm);
    }
    List<Double> times = new ArrayList<>();
    List<Double> analyses = new ArrayList<>();
    List<Double> parts = new ArrayList<>();
    List<String> misses = new ArrayList<>();
    int met = 0;
    int i = 0;
    int classicalMet = 0;
    int notAbove = 0;
    AnalysesSpent[] spent = new AnalysesSpent[targets.size()];
    for (SuiteTargets.Target t : targets) {
      long t0 = System.nanoTime();
      int at = i;
      Generation g = run(t, budget, seed, arm, r -> spent[at] = AnalysesSpent.of(r.fits()));
      times.add((System.nanoTime() - t0) / 1e6);
      toSuccess[i++] = g.met() ? g.analysesToSuccess() : MatchedSuccess.NEVER;
      if (g.met()) {
        met++;
        analyses.add((double) g.analysesToSuccess());
        int p = g.ranked().get(0).parts();
        parts.add((double) p);
        if (t.goal() != null && t.goal().classicalApplies()) {
          classicalMet++;
          notAbove += p <= ClassicalArm.parts(t.goal()) ? 1 : 0;
        }
      } else if (misses.size() < LISTED_MISSES) {
        misses.add(
            arm == SpecGenerator.Arm.CLASSICAL && t.goal() != null && !t.goal().classicalApplies()
                ? t.goal().classicalNote()
                : g.diagnosis());
      }
    }
    return new ArmStats(
        targets.isEmpty() ? Double.NaN : met / (double) targets.size(),
        median(analyses),
        median(parts),
        quantile(times, 0.5),
        quantile(times, 0.95),
        classicalMet == 0 ? null : notAbove / (double) classicalMet,
        null,
        misses.isEmpty() ? null : misses,
        MatchedSuccess.curve(toSuccess),
        sum(spent, spent.length, null),
        sum(spent, spent.length / 2, toSuccess));
  }

  /**
   * The sum of {@code spent} over all targets ({@code toSuccess} null), or over the {@code slowest}
   * targets by analyses to success, misses first (ties by index).
   */
  static AnalysesSpent sum(AnalysesSpent[] spent, int slowest, int[] toSuccess) {
    Integer[] order = new Integer[spent.length];
    for (int k = 0; k < order.length; k++) {
      order[k] = k;
    }
    int n = spent.length;
    if (toSuccess != null) {
      java.util.Arrays.sort(
          order,
          java.util.Comparator.<Integer>comparingLong(
                  k -> toSuccess[k] == MatchedSuccess.NEVER ? Long.MAX_VALUE : toSuccess[k])
              .reversed()
              .thenComparingInt(k -> k));
      n = slowest;
    }
    AnalysesSpent s = AnalysesSpent.NONE;
    for (int k = 0; k < n; k++) {
      if (spent[order[k]] != null) {
        s = s.plus(spent[order[k]]);
      }
    }
    return s;
  }

  private static Double median(List<Double> xs) {
    return xs.isEmpty() ? null : quantile(xs, 0.5);
  }

  private static double quantile(List<Double> xs, double p) {
    return org.zged.math.Quantiles.of(xs, p);
  }
}
