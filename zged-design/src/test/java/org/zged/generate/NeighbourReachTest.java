package org.zged.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.zged.analysis.ResponseClass;
import org.zged.circuit.Circuit;
import org.zged.fit.RangeReach;
import org.zged.fit.SpecTarget;

/**
 * The neighbour search against the value ranges: a decode that cannot reach the target ranks lower.
 */
class NeighbourReachTest {

  /** A 159 Hz high-pass whose decode resonates one 1 H inductor with 1 µF: no lower than 1.6 Hz. */
  private static final Circuit ONE_LC =
      Circuit.builder()
          .c("C1", "vin", "vout", 1e-6)
          .l("L1", "vout", "0", 1)
          .r("R1", "vout", "0", 1e3)
          .build();

  /** The same resonance from two 0.5 H inductors: within 0.1 decade of reaching 1 Hz. */
  private static final Circuit TWO_L =
      Circuit.builder()
          .c("C1", "vin", "vout", 1e-6)
          .l("L1", "vout", "n1", 0.5)
          .l("L2", "n1", "0", 0.5)
          .r("R1", "vout", "0", 1e3)
          .build();

  private static ReferenceSet.Entry entry(String id, Circuit decode, double logQ) {
    Proposal p = ReferenceSet.neighbourProposal(decode);
    return new ReferenceSet.Entry(
        id,
        () -> null,
        new float[] {0f},
        ResponseClass.HIGHPASS,
        Math.log10(159.15),
        logQ,
        0,
        decode.elements().size(),
        () -> p,
        RangeReach.of(decode));
  }

  @Test
  void prefersTheDecodeThatReachesALowTarget() {
    double q = 2.0;
    // ONE_LC has the target's very Q; TWO_L is a tenth of a decade off in Q.
    ReferenceSet ref =
        new ReferenceSet(
            List.of(
                entry("one-lc", ONE_LC, Math.log10(q)),
                entry("two-l", TWO_L, Math.log10(q) + 0.1)));
    SpecTarget low = SpecTarget.builder().optType("highpass").optFc(1.0).optQ(q).build();
    SpecTarget high = SpecTarget.builder().optType("highpass").optFc(159.15).optQ(q).build();
    // At 159 Hz both reach: the exact Q and fewer parts win.
    assertEquals("one-lc", NeighbourSearch.nearest(ref, high, 1, 0).get(0).entry().id());
    // At 1 Hz one LC pair lies 2·log10(1.59) = 0.40 decades beyond 10 H · 1 mF, the two
    // inductors 0.10: the penalty outweighs the tenth of a decade of Q and the extra part.
    assertEquals(
        2 * Math.log10(1 / (2 * Math.PI * 0.1)),
        NeighbourSearch.reachPenalty(RangeReach.of(ONE_LC), Math.log10(159.15), low)
            / NeighbourSearch.REACH_WEIGHT,
        0.01);
    assertEquals("two-l", NeighbourSearch.nearest(ref, low, 1, 0).get(0).entry().id());
  }

  /** A second-order RC high-pass (C–R–C–R ladder) with real poles only. */
  private static final Circuit RC_LADDER =
      Circuit.builder()
          .c("C1", "vin", "n1", 1e-6)
          .r("R1", "n1", "0", 1e3)
          .c("C2", "n1", "vout", 1e-6)
          .r("R2", "vout", "0", 1e4)
          .build();

  @Test
  void aTargetWithRealPolesPrefersADecodeOfOneReactiveKind() {
    // The RLC decode is a tenth of a decade nearer in Q and has one part fewer; at Q 0.2 (two real
    // poles) the decode with capacitors only comes first, at Q 0.7 (a complex pair) the RLC one.
    SpecTarget real = SpecTarget.builder().optType("highpass").optFc(159.15).optQ(0.2).build();
    assertEquals("rc", nearestOfRlcAndRc(real));
    SpecTarget pair = SpecTarget.builder().optType("highpass").optFc(159.15).optQ(0.7).build();
    assertEquals("rlc", nearestOfRlcAndRc(pair));
    // No Q asked: no penalty.
    SpecTarget any = SpecTarget.builder().optType("highpass").optFc(159.15).build();
    assertEquals(0, NeighbourSearch.realPolePenalty(RangeReach.of(ONE_LC), any));
    assertEquals(0, NeighbourSearch.realPolePenalty(RangeReach.of(RC_LADDER), real));
    assertEquals(
        NeighbourSearch.REAL_POLE_WEIGHT,
        NeighbourSearch.realPolePenalty(RangeReach.of(ONE_LC), real));
  }

  /** The nearer of the RLC decode at the target's Q and the RC ladder a tenth of a decade off. */
  private static String nearestOfRlcAndRc(SpecTarget t) {
    double logQ = Math.log10(t.q());
    ReferenceSet ref =
        new ReferenceSet(List.of(entry("rlc", ONE_LC, logQ), entry("rc", RC_LADDER, logQ + 0.1)));
    return NeighbourSearch.nearest(ref, t, 1, 0).get(0).entry().id();
  }
}
