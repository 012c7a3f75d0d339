package org.zged.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.zged.analysis.Analysis;
import org.zged.analysis.CircuitAnalyzer;
import org.zged.circuit.Circuit;
import org.zged.circuit.CircuitGraph;
import org.zged.circuit.EdgeClass;
import org.zged.eval.GeneratedCircuitCheck;

/**
 * The filter rule of the constrained decoder: which limits of H are 0 by the graph alone, checked
 * against the exact analysis of circuits with values, and the feasibility of partial graphs.
 */
class FilterCompletionTest {
  private static boolean[] limits(Circuit c) {
    return FilterCompletion.zeroLimits(CircuitGraph.of(c));
  }

  @Test
  void eachConditionOnItsOwnCircuit() {
    // C to ground at the output, R in series: shorted to GND at ∞ (condition A at ∞) only
    Circuit rcLow =
        Circuit.builder().r("R1", "vin", "vout", 1e3).c("C1", "vout", "0", 1e-9).build();
    assertArrayEquals(new boolean[] {true, false}, limits(rcLow));
    // L in series, R to ground: held at GND through R at ∞ (condition B at ∞) only
    Circuit rlLow =
        Circuit.builder().l("L1", "vin", "vout", 1e-3).r("R1", "vout", "0", 1e3).build();
    assertArrayEquals(new boolean[] {true, false}, limits(rlLow));
    // C in series, R to ground: held at GND through R at DC (condition B at 0) only
    Circuit rcHigh =
        Circuit.builder().c("C1", "vin", "vout", 1e-9).r("R1", "vout", "0", 1e3).build();
    assertArrayEquals(new boolean[] {false, true}, limits(rcHigh));
    // R in series, L to ground: shorted to GND at DC (condition A at 0)
    Circuit rlHigh =
        Circuit.builder().r("R1", "vin", "vout", 1e3).l("L1", "vout", "0", 1e-3).build();
    assertArrayEquals(new boolean[] {false, true}, limits(rlHigh));
  }

  /** The tank band-pass: n1 is shorted to GND at both limits, and VOUT hangs off n1 and GND. */
  @Test
  void aTankBehindADividerIsZeroAtBothEnds() {
    Circuit tank =
        Circuit.builder()
            .r("Rs", "vin", "n1", 1e3)
            .l("L1", "n1", "0", 1e-3)
            .c("C1", "n1", "0", 1e-8)
            .r("Rl", "n1", "vout", 1e3)
            .r("Ro", "vout", "0", 1e3)
            .build();
    assertArrayEquals(new boolean[] {true, true}, limits(tank));
  }

  /** A notch, a shelf and a flat divider have non-zero limits: the rule must not claim a zero. */
  @Test
  void nonZeroLimitsAreNotClaimed() {
    Circuit notch =
        Circuit.builder()
            .r("Rs", "vin", "n1", 1e3)
            .l("L1", "n1", "n2", 1e-3)
            .c("C1", "n2", "0", 1e-8)
            .r("Rl", "n1", "vout", 1e3)
            .r("Ro", "vout", "0", 1e3)
            .build();
    Circuit shelf =
        Circuit.builder()
            .r("R1", "vin", "vout", 1e3)
            .c("C1", "vout", "n1", 1e-8)
            .r("R2", "n1", "0", 1e3)
            .build();
    Circuit bypassed =
        Circuit.builder()
            .r("R1", "vin", "vout", 1e3)
            .c("C1", "vin", "vout", 1e-8)
            .r("R2", "vout", "0", 1e3)
            .build();
    for (Circuit c : List.of(notch, shelf, bypassed)) {
      assertArrayEquals(new boolean[] {false, false}, limits(c), c.toString());
    }
  }

  /**
   * Independent check of the rule over 3,000 random graphs of 3-7 nodes with random values (those
   * that pass the decoder's structural rules, {@link ValidDecodes}): every limit the graph rule
   * calls 0 is 0 in the exact analysis (a zero at ∞: fewer finite zeros than poles; at 0: a zero at
   * the origin), and every circuit the rule accepts is a filter by the generative protocol's
   * electrical check.
   */
  @Test
  void everyClaimedZeroIsAZeroOfTheExactAnalysis() {
    SplittableRandom rng = new SplittableRandom(2026);
    int claimed = 0;
    for (int t = 0; t < 3000; t++) {
      int k = 3 + rng.nextInt(5);
      Circuit.Builder b = Circuit.builder();
      int parts = 0;
      for (int i = 0; i < k; i++) {
        for (int j = i + 1; j < k; j++) {
          if (i == 0 && j == 1 || rng.nextDouble() < 0.45) {
            continue;
          }
          EdgeClass c = EdgeClass.ofIndex(1 + rng.nextInt(7));
          String a = node(i);
          String z = node(j);
          if (c.hasR()) {
            b.r("R" + ++parts, a, z, Math.pow(10, 2 + 2 * rng.nextDouble()));
          }
          if (c.hasC()) {
            b.c("C" + ++parts, a, z, Math.pow(10, -9 + 2 * rng.nextDouble()));
          }
          if (c.hasL()) {
            b.l("L" + ++parts, a, z, Math.pow(10, -5 + 2 * rng.nextDouble()));
          }
        }
      }
      Circuit c;
      try {
        c = b.build();
      } catch (RuntimeException e) {
        continue;
      }
      CircuitGraph g = CircuitGraph.of(c);
      // the decoder's structural rules (a VIN → VOUT path avoiding GND, no dangling node, ...)
      if (!ValidDecodes.problem(new DecodeResult(g, c, List.of(), true, true)).isEmpty()) {
        continue;
      }
      boolean[] zero = FilterCompletion.zeroLimits(g);
      if (!zero[0] && !zero[1]) {
        continue;
      }
      claimed++;
      Analysis an = CircuitAnalyzer.analyze(c);
      if (zero[0]) {
        assertTrue(an.zeros().size() < an.poles().size(), "zero at ∞ claimed: " + c);
      }
      if (zero[1]) {
        assertTrue(an.zeros().stream().anyMatch(z -> z.norm() == 0), "at 0: " + c);
      }
      GeneratedCircuitCheck.Electrical e = GeneratedCircuitCheck.electrical(c);
      assertTrue(e.valid(), e.reason() + ": " + c);
    }
    assertTrue(claimed > 500, "only " + claimed + " circuits with a claimed zero");
  }

  private static String node(int i) {
    return switch (i) {
      case 0 -> Circuit.GND;
      case 1 -> Circuit.VIN;
      case 2 -> Circuit.VOUT;
      default -> "n" + (i - 2);
    };
  }

  /** Four nodes, every pair open except VIN–GND: a completion with a zero exists. */
  @Test
  void anOpenGraphIsFeasible() {
    int[] cls = grid(4);
    assertTrue(FilterCompletion.feasible(cls, 4));
  }

  /**
   * An R from VIN to VOUT conducts at both limits, so only a short from VOUT to GND can still give
   * a zero: while VOUT–GND is open it can (a C or an L there), an R there cannot (an R-R divider).
   */
  @Test
  void aResistorAcrossVinVoutLeavesOnlyShortsToGround() {
    int k = 3;
    int[] cls = grid(k);
    put(cls, k, 1, 2, EdgeClass.R);
    // VOUT–GND still open: a C (or an L) there shorts VOUT to ground at one limit
    assertTrue(FilterCompletion.feasible(cls, k));
    put(cls, k, 0, 2, EdgeClass.R);
    assertFalse(FilterCompletion.feasible(cls, k), "R-R divider: both limits 1/2");
    put(cls, k, 0, 2, EdgeClass.RC);
    assertTrue(FilterCompletion.feasible(cls, k), "RC to ground shorts VOUT at ∞");
  }

  /**
   * An open pair next to VIN's side must be able to take the kind that opens at the limit: with an
   * RCL from VIN to n1 and n1's other pairs open, n1 is on VIN's side at both limits, so VOUT must
   * be shorted to GND (VOUT–GND open) — once VOUT–GND is decided as R, nothing is left.
   */
  @Test
  void vinSideBlocksTheHeldCondition() {
    int k = 4;
    int[] cls = grid(k);
    put(cls, k, 1, 3, EdgeClass.RCL);
    put(cls, k, 1, 2, EdgeClass.NONE);
    assertTrue(FilterCompletion.feasible(cls, k));
    put(cls, k, 0, 2, EdgeClass.R);
    // VOUT held at GND by R: n1–VOUT must open at a limit (C-only or L-only), still possible
    assertTrue(FilterCompletion.feasible(cls, k));
    put(cls, k, 2, 3, EdgeClass.RCL);
    assertFalse(FilterCompletion.feasible(cls, k), "VOUT conducts to VIN's side at both ends");
    put(cls, k, 2, 3, EdgeClass.C);
    assertTrue(FilterCompletion.feasible(cls, k), "C from n1 to VOUT opens at DC: zero at 0");
  }

  private static int[] grid(int k) {
    int[] cls = new int[k * k];
    Arrays.fill(cls, FilterCompletion.OPEN);
    put(cls, k, 0, 1, EdgeClass.NONE);
    return cls;
  }

  private static void put(int[] cls, int k, int a, int b, EdgeClass c) {
    cls[a * k + b] = c.ordinal();
    cls[b * k + a] = c.ordinal();
  }
}
