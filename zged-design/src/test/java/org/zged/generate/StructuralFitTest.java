package org.zged.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.zged.analysis.CircuitAnalyzer;
import org.zged.analysis.TransferFunction;
import org.zged.circuit.Circuit;
import org.zged.fit.SpecTarget;
import org.zged.fit.ValueFitter;

/**
 * The graph's prediction against the exact transfer function: the limits at DC and at infinite
 * frequency, and the order, on thousands of random circuits; and no topology it rules out meets its
 * target when fitted in full.
 */
class StructuralFitTest {
  static final SpecTarget ANY = SpecTarget.builder().optType("lowpass").optFc(1e3).build();

  @Test
  void theLimitsAndTheOrderAgreeWithTheExactTransferFunction() {
    TopologyMoves moves = new TopologyMoves(ANY, Constraints.NONE, 17);
    int[] seen = new int[StructuralFit.Limit.values().length];
    int checked = 0;
    for (int i = 0; i < 3000; i++) {
      Proposal p = moves.random("test");
      if (p == null) {
        continue;
      }
      Circuit c = p.circuit();
      TransferFunction tf;
      try {
        tf = CircuitAnalyzer.transferFunction(c);
      } catch (RuntimeException e) {
        continue;
      }
      checked++;
      assertTrue(
          tf.order() <= StructuralFit.order(c),
          c + ": order " + tf.order() + " > " + StructuralFit.order(c));
      double[] n = tf.numerator();
      double[] d = tf.denominator();
      int dn = n.length - 1;
      int dd = d.length - 1;
      double atInfinity = dn < dd ? 0 : Math.abs(n[dn] / d[dd]);
      check(c, StructuralFit.limit(c, true), atInfinity, "at infinity");
      seen[StructuralFit.limit(c, true).ordinal()]++;
      if (d[0] != 0) {
        check(c, StructuralFit.limit(c, false), Math.abs(n[0] / d[0]), "at DC");
        seen[StructuralFit.limit(c, false).ordinal()]++;
      }
    }
    assertTrue(checked > 2000, checked + " circuits analysed");
    for (StructuralFit.Limit l : StructuralFit.Limit.values()) {
      assertTrue(seen[l.ordinal()] > 50, l + " seen " + seen[l.ordinal()] + " times");
    }
  }

  private static void check(Circuit c, StructuralFit.Limit l, double h, String where) {
    switch (l) {
      case ZERO -> assertEquals(0, h, 1e-9, c + " " + where);
      case UNITY -> assertEquals(1, h, 1e-9, c + " " + where);
      case NONZERO -> assertTrue(h > 1e-12 && h < 1 - 1e-12, c + " " + where + ": " + h);
      case UNKNOWN -> {}
    }
  }

  @Test
  void textbookCircuits() {
    Circuit rc = Circuit.builder().r("R1", "vin", "vout", 1e3).c("C1", "vout", "0", 1e-7).build();
    SpecTarget lp = SpecTarget.builder().optType("lowpass").optFc(1e3).build();
    SpecTarget hp = SpecTarget.builder().optType("highpass").optFc(1e3).build();
    assertTrue(StructuralFit.canMeet(rc, lp));
    assertFalse(StructuralFit.canMeet(rc, hp), "an RC low-pass is no high-pass");
    assertFalse(
        StructuralFit.canMeet(
            rc, SpecTarget.builder().optType("lowpass").optFc(1e3).optQ(0.3).build()),
        "first order: no Q");
    assertFalse(
        StructuralFit.canMeet(
            rc, SpecTarget.builder().optType("lowpass").optFc(1e3).optGain(0.5).build()),
        "its DC gain is 1");
    Circuit rcDivider =
        Circuit.builder()
            .r("R1", "vin", "vout", 1e3)
            .c("C1", "vout", "0", 1e-7)
            .r("R2", "vout", "0", 1e3)
            .build();
    assertTrue(
        StructuralFit.canMeet(
            rcDivider, SpecTarget.builder().optType("lowpass").optFc(1e3).optGain(0.5).build()));
    Circuit rcc =
        Circuit.builder()
            .r("R1", "vin", "n1", 1e3)
            .c("C1", "n1", "0", 1e-7)
            .r("R2", "n1", "vout", 1e3)
            .c("C2", "vout", "0", 1e-7)
            .build();
    assertEquals(2, StructuralFit.order(rcc));
    assertTrue(
        StructuralFit.canMeet(
            rcc, SpecTarget.builder().optType("lowpass").optFc(1e3).optQ(0.4).build()));
    assertFalse(
        StructuralFit.canMeet(
            rcc, SpecTarget.builder().optType("lowpass").optFc(1e3).optQ(0.7).build()),
        "RC only: real poles");
    // a capacitive divider: two capacitors, one natural frequency
    Circuit cDivider =
        Circuit.builder()
            .c("C1", "vin", "vout", 1e-7)
            .c("C2", "vout", "0", 1e-7)
            .r("R1", "vout", "0", 1e3)
            .build();
    assertEquals(1, StructuralFit.order(cDivider));
    assertEquals(StructuralFit.Limit.UNKNOWN, StructuralFit.limit(cDivider, true));
    Circuit lc = Circuit.builder().l("L1", "vin", "vout", 1e-3).c("C1", "vout", "0", 1e-7).build();
    assertFalse(StructuralFit.canMeet(lc, lp), "lossless");
  }

  @Test
  void noTopologyItRulesOutMeetsItsTargetWhenFittedInFull() {
    SpecTarget[] targets = {
      SpecTarget.builder().optType("highpass").optFc(2e3).optQ(0.9).build(),
      SpecTarget.builder().optType("lowpass").optFc(500.0).optQ(2.0).optGain(0.3).build(),
      SpecTarget.builder().optType("highpass").optFc(50.0).optQ(0.2).optGain(0.05).build(),
      SpecTarget.builder().optType("bandpass").optFc(1e4).optQ(3.0).build(),
    };
    ValueFitter fitter = ValueFitter.defaults();
    int ruledOut = 0;
    for (SpecTarget t : targets) {
      TopologyMoves moves = new TopologyMoves(t, Constraints.NONE, 5);
      for (int i = 0; i < 60; i++) {
        Proposal p = moves.random("test");
        if (p == null || StructuralFit.canMeet(p.circuit(), t)) {
          continue;
        }
        ruledOut++;
        assertFalse(
            SpecGenerator.meets(fitter.fit(p.circuit(), t)),
            p.topology().key() + " met " + t.describe());
      }
    }
    assertTrue(ruledOut > 60, ruledOut + " ruled out");
  }
}
