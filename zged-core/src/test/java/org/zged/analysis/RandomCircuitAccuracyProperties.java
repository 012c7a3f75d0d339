package org.zged.analysis;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.hipparchus.complex.Complex;
import org.zged.circuit.Circuit;

/**
 * Random valid circuits of 3 to 20 nodes, any topology, values over 12 decades ({@link
 * RandomCircuits}): H from the analysis' poles, zeros and gain agrees with the 60-digit nodal solve
 * to 1e-8 at random complex s spread over the response, or the analysis refuses with its one-line
 * failure; it is never wrong. (The benchmark {@code zged bench analysis --accuracy} runs the same
 * check on 100,000 circuits.)
 */
class RandomCircuitAccuracyProperties {
  @Property(tries = 60)
  void neverWrong(@ForAll long seed, @ForAll @IntRange(min = 3, max = 20) int nodes) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Circuit c = RandomCircuits.of(rnd, nodes);
    Analysis a;
    try {
      a = CircuitAnalyzer.analyze(c);
    } catch (AnalysisFailedException e) {
      assertTrue(!e.getMessage().contains("\n") && e.getMessage().contains("self-check"));
      return;
    }
    double lo = Double.POSITIVE_INFINITY;
    double hi = 0;
    for (Complex p : a.poles()) {
      if (p.norm() > 0) {
        lo = Math.min(lo, p.norm());
        hi = Math.max(hi, p.norm());
      }
    }
    if (hi == 0) {
      lo = 1;
      hi = 1;
    }
    for (int k = 0; k < 2; k++) {
      double w = Math.exp(Math.log(lo / 10) + rnd.nextDouble() * Math.log(hi * 100 / lo));
      double th = rnd.nextDouble() * Math.PI / 2;
      Complex s = new Complex(w * Math.cos(th), w * Math.sin(th));
      Complex exact = HighPrecisionNodalSolver.solveAt(c, s);
      Complex h = LadderExactnessTest.factored(a, s);
      assertTrue(
          h.subtract(exact).norm() <= 1e-8 * exact.norm(),
          "at " + s + ": " + h + " vs " + exact + "\n" + c);
    }
  }
}
