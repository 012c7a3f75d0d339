package org.zged.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.zged.analysis.CircuitAnalyzer;
import org.zged.analysis.FilterSpecs;
import org.zged.circuit.Circuit;
import org.zged.circuit.ElementKind;
import org.zged.dataset.FilterFamily;
import org.zged.dataset.ValueRange;
import org.zged.fit.PracticalRanges;
import org.zged.fit.SpecErrors;
import org.zged.fit.SpecTarget;

/**
 * A realizable generation target for the benchmark: a random circuit of a random family, its values
 * drawn log-uniformly from the family's ranges widened by {@code widen} decades on each side (then
 * kept within the practical ranges), and its exact class, fc (or f0) and Q as the target.
 * Realizable by construction: the source circuit meets it.
 */
public record BenchTarget(FilterFamily family, Circuit source, SpecTarget target) {

  public static List<BenchTarget> draw(int n, long seed, double widen) {
    SplittableRandom rng = new SplittableRandom(seed);
    FilterFamily[] families = FilterFamily.values();
    List<BenchTarget> out = new ArrayList<>();
    while (out.size() < n) {
      FilterFamily f = families[rng.nextInt(families.length)];
      double[] v = new double[f.ranges().size()];
      for (int i = 0; i < v.length; i++) {
        ValueRange r = f.ranges().get(i);
        double lo = Math.max(r.log10Min() - widen, Math.log10(PracticalRanges.min(r.kind())));
        double hi = Math.min(r.log10Max() + widen, Math.log10(practicalMaxForTies(r.kind())));
        v[i] = Math.pow(10, rng.nextDouble(lo, hi));
      }
      Circuit c = f.build(v);
      if (!PracticalRanges.violations(c).isEmpty()) {
        continue; // a tied value (Rp = 2·Rs, Rl = 10·R) left the range; draw again
      }
      FilterSpecs s = CircuitAnalyzer.specs(c);
      if (s.responseClass() != f.expectedClass()) {
        continue;
      }
      Double fc = SpecErrors.frequency(s.responseClass(), s);
      Double q = SpecErrors.q(s.responseClass(), s);
      if (fc == null || fc < SpecTarget.MIN_FREQUENCY_HZ || fc > SpecTarget.MAX_FREQUENCY_HZ) {
        continue;
      }
      boolean finiteQ =
          q != null && Double.isFinite(q) && q > 0 && q <= SpecTarget.MAX_Q && !s.lossless();
      SpecTarget t =
          SpecTarget.builder()
              .optType(s.responseClass())
              .optFc(fc)
              .optQ(finiteQ ? q : null)
              .build();
      out.add(new BenchTarget(f, c, t));
    }
    return out;
  }

  /** Leaves room for the ×10 ties of some families inside the practical maximum. */
  private static double practicalMaxForTies(ElementKind k) {
    return k == ElementKind.R ? PracticalRanges.max(k) / 10 : PracticalRanges.max(k);
  }
}
