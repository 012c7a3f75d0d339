package org.zged.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.zged.circuit.Circuit;

class ESeriesSnapperTest {

  private static boolean inSeries(double v, ESeries s) {
    return Math.abs(s.nearest(v) / v - 1) < 1e-12;
  }

  @Test
  void snappedValuesAreSeriesValuesAndTheTableIsHonest() {
    SpecTarget t =
        SpecTarget.builder().optType("bandpass").optFc(13_700.0).optQ(3.3).optGain(0.6).build();
    Circuit ideal = FamilyDesign.RLC_SERIES.design(t);
    SnapResult r = ESeriesSnapper.builder().setSeries(ESeries.E24).build().snap(ideal, t);
    Circuit snapped = r.result().circuit();
    for (var e : snapped.elements()) {
      assertTrue(inSeries(e.value(), ESeries.E24), e.toString());
    }
    assertEquals(ideal.elements().size(), r.table().size());
    for (SnappedValue row : r.table()) {
      assertEquals(ideal.element(row.name()).value(), row.ideal());
      assertEquals(snapped.element(row.name()).value(), row.snapped());
      assertEquals(row.snapped() / row.ideal() - 1, row.error(), 1e-15);
    }
    // Three specs from four E24 values (≈ 10 % steps): every spec still within 3 %, where plain
    // nearest-value rounding of the ideal design can miss by up to about 5 % per value.
    assertTrue(r.result().errors().worst() < 0.03, r.result().errors().toString());
  }

  @Test
  void aCircuitThatCannotMeetTheTargetStillSnapsToItsClosestSeriesValues() {
    // An RLC low-pass asked to be a high-pass: every trial misses the class, so every score is
    // infinite; the snapper must still hand back a snapped circuit rather than fail.
    SpecTarget lowpass =
        SpecTarget.builder().optType("lowpass").optFc(10_000.0).optQ(0.707).build();
    Circuit ideal = FamilyDesign.RLC_LOWPASS.design(lowpass);
    SpecTarget highpass =
        SpecTarget.builder().optType("highpass").optFc(10_000.0).optQ(0.707).build();
    SnapResult r = ESeriesSnapper.builder().setSeries(ESeries.E24).build().snap(ideal, highpass);
    assertEquals(ideal.elements().size(), r.result().circuit().elements().size());
    for (var e : r.result().circuit().elements()) {
      assertTrue(inSeries(e.value(), ESeries.E24), e.toString());
    }
  }

  @Test
  void e24SnappingKeepsTheCutoffOfSecondOrderDesignsWithinOnePointFivePercent() {
    SplittableRandom rnd = new SplittableRandom(3);
    double worst = 0;
    for (int k = 0; k < 20; k++) {
      double fc = Math.pow(10, rnd.nextDouble(2, 6));
      SpecTarget t = SpecTarget.builder().optType("lowpass").optFc(fc).build();
      Circuit ideal = FamilyDesign.RLC_LOWPASS.design(t);
      SnapResult r = ESeriesSnapper.builder().setSeries(ESeries.E24).build().snap(ideal, t);
      worst = Math.max(worst, r.result().errors().fc());
    }
    assertTrue(worst <= 0.015, "worst fc error " + worst);
  }

  @Test
  void twoValueRcWithE96ResistorsStaysWithinOnePointFivePercent() {
    SplittableRandom rnd = new SplittableRandom(5);
    for (int k = 0; k < 30; k++) {
      double fc = Math.pow(10, rnd.nextDouble(1, 6));
      SpecTarget t = SpecTarget.builder().optType("lowpass").optFc(fc).build();
      SnapResult r =
          ESeriesSnapper.builder()
              .setSeries(ESeries.E24)
              .optResistorSeries(ESeries.E96)
              .build()
              .snap(FamilyDesign.RC_LOWPASS.design(t), t);
      assertTrue(inSeries(r.result().circuit().element("C1").value(), ESeries.E24));
      assertTrue(inSeries(r.result().circuit().element("R1").value(), ESeries.E96));
      assertTrue(r.result().errors().fc() <= 0.015, fc + " -> " + r.result().errors());
    }
  }

  @Test
  void toleranceMonteCarloSpreadsFollowTheParts() {
    SpecTarget t = SpecTarget.builder().optType("lowpass").optFc(1e4).build();
    Circuit rc = FamilyDesign.RC_LOWPASS.design(t);
    ToleranceReport tight = ToleranceAnalysis.run(rc, t, 1, 400, 0.05, 1);
    ToleranceReport loose = ToleranceAnalysis.run(rc, t, 10, 400, 0.05, 1);
    // fc = 1/(2πRC): with ±1 % parts fc moves at most about ±2 %; all trials meet a 5 % target.
    assertTrue(tight.fc().max() < 0.0203 && tight.fc().min() > -0.0197, tight.toString());
    assertEquals(1.0, tight.shareWithin());
    assertTrue(loose.shareWithin() < 0.9 && loose.shareWithin() > 0.3, loose.toString());
    assertTrue(loose.fc().std() > 5 * tight.fc().std());
    assertEquals(loose, ToleranceAnalysis.run(rc, t, 10, 400, 0.05, 1), "seeded");
  }

  @Test
  void aTrimPartBringsTwoValueE24CircuitsWithinOnePercent() {
    SplittableRandom rnd = new SplittableRandom(11);
    ESeriesSnapper plain = ESeriesSnapper.builder().setSeries(ESeries.E24).build();
    ESeriesSnapper trimmed =
        ESeriesSnapper.builder().setSeries(ESeries.E24).optTrimAbove(0.01).build();
    double worstPlain = 0;
    for (int k = 0; k < 40; k++) {
      double fc = Math.pow(10, rnd.nextDouble(1, 6));
      SpecTarget t = SpecTarget.builder().optType("highpass").optFc(fc).build();
      Circuit ideal = FamilyDesign.RC_HIGHPASS.design(t);
      SnapResult p = plain.snap(ideal, t);
      SnapResult r = trimmed.snap(ideal, t);
      worstPlain = Math.max(worstPlain, p.result().errors().fc());
      assertTrue(r.result().errors().fc() <= Math.max(0.01, p.result().errors().fc()), fc + "");
      assertTrue(r.result().errors().fc() <= 0.01, fc + " -> " + r.table());
      for (var e : r.result().circuit().elements()) {
        assertTrue(inSeries(e.value(), ESeries.E24), e.toString());
      }
      if (r.table().size() > ideal.elements().size()) {
        SnappedValue part = r.table().get(r.table().size() - 1);
        assertTrue(r.table().stream().anyMatch(v -> v.parallelWith() != null));
        assertEquals(
            ideal.elements().size() + 1, r.result().circuit().elements().size(), part.toString());
      }
    }
    // Without a trim part two E24 values cannot resolve fc finer than their products allow.
    assertTrue(worstPlain > 0.01, "plain worst " + worstPlain);
  }

  @Test
  void anUnreachableSpecDoesNotStopSnappingFromKeepingTheReachableOnes() {
    // A first-order highpass cannot have a Q; its cutoff must still survive snapping.
    SpecTarget t = SpecTarget.builder().optType("highpass").optFc(1e3).optQ(3.0).build();
    Circuit ideal = FamilyDesign.RC_HIGHPASS.design(SpecTarget.builder().optFc(1e3).build());
    SnapResult r =
        ESeriesSnapper.builder().setSeries(ESeries.E24).optTrimAbove(0.01).build().snap(ideal, t);
    assertEquals(Double.POSITIVE_INFINITY, r.result().errors().q());
    assertTrue(r.result().errors().fc() <= 0.01, r.result().errors().toString());
  }
}
