package org.zged.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.zged.analysis.CircuitAnalyzer;
import org.zged.analysis.FilterSpecs;
import org.zged.analysis.ResponseClass;
import org.zged.circuit.Circuit;
import org.zged.circuit.Element;
import org.zged.circuit.ElementKind;
import org.zged.dataset.CircuitFamily;
import org.zged.dataset.CircuitRecord;
import org.zged.dataset.DatasetGenerator;
import org.zged.dataset.Preset;
import org.zged.dataset.Split;
import org.zged.fit.FamilyDesign;
import org.zged.fit.PracticalRanges;
import org.zged.fit.SpecErrors;
import org.zged.fit.SpecTarget;

/**
 * The targets of {@code zged bench generate --suite}: each one realizable by construction (a source
 * circuit meets it), drawn from a seed.
 *
 * <ul>
 *   <li>{@code in-template}: today's benchmark targets ({@link BenchTarget}), a random circuit of
 *       one of the twelve families;
 *   <li>{@code out-of-template}: a circuit of the open preset's {@code test_unseen} topologies
 *       (reduced) whose topology is none of the twelve families and whose target (class, fc/f0, Q,
 *       passband gain) no family's closed form can meet, even refined by the fitter;
 *   <li>{@code masks}: realizable masks ({@link MaskTargets}), multi-band ones among them;
 *   <li>{@code constrained}: in-template targets with limits the source circuit keeps — its parts
 *       count, its inductor count (0 for the RC families) and value windows a decade either side of
 *       its own values (every third target gets each kind, the rest all of them).
 * </ul>
 */
public final class SuiteTargets {
  /**
   * One target, the circuit that proves it realizable, and the limits to keep; a mask target has
   * its {@code goal} ({@code target} is then the goal's prototype).
   */
  public record Target(SpecTarget target, MaskGoal goal, Circuit source, Constraints constraints) {}

  private SuiteTargets() {}

  public static List<Target> draw(String suite, int n, long seed) {
    return switch (suite) {
      case "in-template" -> inTemplate(n, seed);
      case "out-of-template" -> outOfTemplate(n, seed);
      case "constrained" -> constrained(n, seed);
      case "masks" -> MaskTargets.draw(n, seed);
      default -> throw new IllegalArgumentException("unknown suite " + suite);
    };
  }

  static List<Target> inTemplate(int n, long seed) {
    List<Target> out = new ArrayList<>();
    for (BenchTarget t : BenchTarget.draw(n, seed, 1)) {
      out.add(new Target(t.target(), null, t.source(), Constraints.NONE));
    }
    return out;
  }

  static List<Target> constrained(int n, long seed) {
    List<Target> out = new ArrayList<>();
    int i = 0;
    for (BenchTarget t : BenchTarget.draw(n, seed, 1)) {
      Circuit c = t.source();
      Constraints.Builder b = Constraints.builder();
      int kind = i++ % 4;
      if (kind == 0 || kind == 3) {
        b.optMaxParts(c.elements().size()).optMaxInductors(Constraints.inductors(c));
      }
      if (kind == 1 || kind == 3) {
        for (ElementKind k : ElementKind.values()) {
          double lo = Double.POSITIVE_INFINITY;
          double hi = 0;
          for (Element e : c.elements()) {
            if (e.kind() == k) {
              lo = Math.min(lo, e.value());
              hi = Math.max(hi, e.value());
            }
          }
          if (hi > 0) {
            b.optWindow(k, new ValueWindow(lo / 10, hi * 10));
          }
        }
      }
      if (kind == 2) {
        b.optMaxInductors(Constraints.inductors(c));
      }
      out.add(new Target(t.target(), null, c, b.build()));
    }
    return out;
  }

  /**
   * How far beyond the open preset's random family the out-of-template draw reaches, in multiples
   * of its size. Of the preset's 40,000 random circuits only 9 give a target that no template meets
   * (the exact second-order designs meet nearly every other), so drawing from the preset alone gave
   * the same 9 targets for every seed, repeated (49 targets of seed 1 were 9 distinct ones). The
   * same generator at further indices gives further circuits of the same held-out topologies.
   */
  static final int INDEX_SPAN = 100;

  /**
   * Targets from the open preset's held-out topologies: circuits of the random open-space family
   * whose canonical topology is {@code test_unseen} (never in train or val, so meeting them takes
   * generalisation, not recall), drawn at seeded indices of the preset's generator (within {@link
   * #INDEX_SPAN} times the preset's size), reduced, kept when their own target is one no template
   * meets; every target distinct.
   */
  static List<Target> outOfTemplate(int n, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    DatasetGenerator open = DatasetGenerator.builder().optPreset(Preset.OPEN).build();
    CircuitFamily random = Preset.OPEN.families().get(0);
    long span = (long) Preset.OPEN.counts().get(random) * INDEX_SPAN;
    List<Target> out = new ArrayList<>();
    java.util.Set<Long> tried = new java.util.HashSet<>();
    java.util.Set<String> targets = new java.util.HashSet<>();
    long attempts = 0;
    long maxAttempts = 20_000L * n + 200_000;
    while (out.size() < n && attempts++ < maxAttempts) {
      long index = rng.nextLong(span);
      if (!tried.add(index)) {
        continue;
      }
      CircuitRecord rec = open.record(random, index);
      if (rec.split() != Split.TEST_UNSEEN) {
        continue;
      }
      Proposal p = Proposal.of(rec.circuit(), "source");
      if (p == null || KnownTopologies.familyOf(p.topology().key()) != null) {
        continue;
      }
      Circuit c = p.circuit();
      if (!PracticalRanges.violations(c).isEmpty()) {
        continue;
      }
      SpecTarget t = targetOf(c);
      if (t != null
          && !targets.contains(t.describe())
          && !anyTemplate(t)
          && !templatesMeet(t)
          && targets.add(t.describe())) {
        out.add(new Target(t, null, c, Constraints.NONE));
      }
    }
    return out;
  }

  /** Whether a template's closed form, refined by the fitter, meets the target after all. */
  private static boolean templatesMeet(SpecTarget t) {
    SearchRun run =
        new SearchRun(t, Constraints.NONE, FITTER, new AnalysisBudget(Integer.MAX_VALUE), 1, 0);
    new TemplateArm().search(run);
    return run.meeting() > 0;
  }

  private static final org.zged.fit.ValueFitter FITTER = org.zged.fit.ValueFitter.defaults();

  /** The circuit's own class, fc/f0, Q (where finite) and gain as a target, or null. */
  static SpecTarget targetOf(Circuit c) {
    FilterSpecs s;
    try {
      s = CircuitAnalyzer.specs(c);
    } catch (RuntimeException e) {
      return null;
    }
    ResponseClass cls = s.responseClass();
    if (cls != ResponseClass.LOWPASS
        && cls != ResponseClass.HIGHPASS
        && cls != ResponseClass.BANDPASS
        && cls != ResponseClass.BANDSTOP) {
      return null;
    }
    Double fc = SpecErrors.frequency(cls, s);
    Double q = SpecErrors.q(cls, s);
    Double g = s.passbandGain();
    if (fc == null || fc < 1 || fc > 1e8 || s.lossless() || g == null || !(g > 1e-3 && g <= 1)) {
      return null;
    }
    boolean finiteQ = q != null && Double.isFinite(q) && q > 0.05 && q <= 50;
    return SpecTarget.builder()
        .optType(cls)
        .optFc(fc)
        .optQ(finiteQ ? q : null)
        .optGain(Math.min(1.0, g))
        .build();
  }

  private static boolean anyTemplate(SpecTarget t) {
    for (FamilyDesign d : FamilyDesign.values()) {
      if (d.canMeet(t)) {
        return true;
      }
    }
    return false;
  }
}
