package org.zged.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.hipparchus.complex.Complex;
import org.junit.jupiter.api.Test;
import org.zged.analysis.CircuitAnalyzer;
import org.zged.analysis.FilterSpecs;
import org.zged.analysis.ResponseClass;
import org.zged.circuit.Circuit;

class ValueFitterTest {

  /** Targets each family can meet: its class, three decades of frequency, Q and gain where free. */
  static List<SpecTarget> targetsFor(FamilyDesign d) {
    List<SpecTarget> out = new ArrayList<>();
    for (double fc : new double[] {120, 1.5e4, 2e6}) {
      List<Double> qs = new ArrayList<>();
      qs.add(null);
      if (d.order() == 2 && !d.lossless()) {
        qs.addAll(
            d.responseClass() == ResponseClass.LOWPASS
                ? List.of(0.3, 0.707, 6.0)
                : List.of(0.4, 2.0, 25.0));
      }
      for (Double q : qs) {
        List<Double> gains = new ArrayList<>();
        gains.add(null);
        if (d.gainAdjustable()) {
          gains.addAll(List.of(0.2, 0.7));
        }
        for (Double g : gains) {
          out.add(
              SpecTarget.builder().optType(d.responseClass()).optFc(fc).optQ(q).optGain(g).build());
        }
      }
    }
    return out;
  }

  @Test
  void closedFormDesignsMeetTheirTargetsExactly() {
    for (FamilyDesign d : FamilyDesign.values()) {
      for (SpecTarget t : targetsFor(d)) {
        assertTrue(d.canMeet(t));
        Circuit c = d.design(t);
        FilterSpecs s = CircuitAnalyzer.specs(c);
        SpecErrors e = SpecErrors.of(t, s);
        assertTrue(e.worst() < 1e-6, d + " " + t.describe() + " -> " + e + " " + s);
        assertTrue(PracticalRanges.violations(c).isEmpty(), d + " " + c);
      }
    }
  }

  @Test
  void fitterRecoversEveryFamilyFromADistortedStart() {
    SplittableRandom rnd = new SplittableRandom(7);
    ValueFitter fitter = ValueFitter.defaults();
    for (FamilyDesign d : FamilyDesign.values()) {
      for (SpecTarget t : targetsFor(d)) {
        Circuit exact = d.design(t);
        double[] v = exact.values();
        for (int i = 0; i < v.length; i++) {
          v[i] *= Math.pow(10, rnd.nextDouble(-0.5, 0.5)); // up to ×3 either way
        }
        FitResult fit = fitter.fit(exact.withValues(v), t);
        assertTrue(fit.errors().worst() < 1e-4, d + " " + t.describe() + " -> " + fit.errors());
        assertTrue(fit.inRange(), fit.rangeViolations().toString());
        // The reported errors are those of an independent analysis of the returned circuit.
        SpecErrors independent = SpecErrors.of(t, CircuitAnalyzer.specs(fit.circuit()));
        assertEquals(independent.worst(), fit.errors().worst(), 1e-12);
      }
    }
  }

  @Test
  void aFirstOrderCircuitCannotFakeAQ() {
    SpecTarget t = SpecTarget.builder().optType("lowpass").optFc(1e3).optQ(2.0).build();
    FitResult fit = ValueFitter.defaults().fit(FamilyDesign.RC_LOWPASS.design(t), t);
    assertEquals(Double.POSITIVE_INFINITY, fit.errors().q());
    assertTrue(fit.errors().fc() < 1e-6, "fc is still met: " + fit.errors());
  }

  @Test
  void fitsPolesAndZerosOfASecondOrderSection() {
    // Target: the band-pass 2·ζ·ω0·s/(s² + 2ζω0 s + ω0²), ω0 = 2π·5 kHz, Q = 4.
    double w0 = 2 * Math.PI * 5e3;
    double q = 4;
    double re = -w0 / (2 * q);
    double im = w0 * Math.sqrt(1 - 1 / (4 * q * q));
    SpecTarget t =
        SpecTarget.builder()
            .optPoles(List.of(new Complex(re, im), new Complex(re, -im)))
            .optZeros(List.of(Complex.ZERO))
            .build();
    Circuit start =
        FamilyDesign.RLC_BANDPASS.design(
            SpecTarget.builder().optType("bandpass").optFc(800.0).optQ(0.7).build());
    FitResult fit = ValueFitter.defaults().fit(start, t);
    assertTrue(fit.chamferBefore() > 0.5, "start is far: " + fit.chamferBefore());
    assertTrue(fit.chamferAfter() < 1e-5, "after: " + fit.chamferAfter());
    FilterSpecs s = fit.specs();
    assertEquals(5e3, s.f0Hz(), 5e3 * 1e-5);
    assertEquals(4.0, s.q(), 4e-5);
  }

  /** A series-RL, shunt-C low-pass (vin-R-n1-L-vout, C to ground). */
  static Circuit rlcLowpass() {
    return Circuit.builder()
        .r("R1", "vin", "n1", 100)
        .l("L1", "n1", "vout", 1e-3)
        .c("C1", "vout", "0", 1e-6)
        .build();
  }

  @Test
  void givingUpBeyondTheRangesSkipsTheStepsOnlyWhereTheTargetIsOutOfReach() {
    ValueFitter plain = ValueFitter.builder().optMaxIterations(4).build();
    ValueFitter giving = ValueFitter.builder().optMaxIterations(4).optGiveUpBeyond(1).build();
    // Q 2 at 0.05 Hz needs L·C of about (1 / (2π · 0.034 Hz))² ≈ 22 s², three decades beyond the
    // largest buyable 10 H · 1 mF: after frequency scaling no impedance level fits.
    SpecTarget out = SpecTarget.builder().optType("lowpass").optFc(0.05).optQ(2.0).build();
    FitResult p = plain.fit(rlcLowpass(), out);
    FitResult g = giving.fit(rlcLowpass(), out);
    assertEquals(3, g.evaluations(), "before, after frequency scaling, verified");
    assertTrue(p.evaluations() > 3, p.evaluations() + "");
    assertTrue(!meetsWithinOnePercent(p) && !meetsWithinOnePercent(g));
    assertTrue(!g.inRange(), g.rangeViolations().toString());
    // Within reach (10 kHz), the same fit: same values, same analyses.
    SpecTarget in = SpecTarget.builder().optType("lowpass").optFc(1e4).optQ(2.0).build();
    FitResult pi = plain.fit(rlcLowpass(), in);
    FitResult gi = giving.fit(rlcLowpass(), in);
    assertEquals(pi.evaluations(), gi.evaluations());
    assertTrue(java.util.Arrays.equals(pi.circuit().values(), gi.circuit().values()));
    // Never for a fit with fixed values (no frequency scaling is made).
    boolean[] fixed = {true, false, false};
    assertTrue(giving.fit(rlcLowpass(), out, fixed).evaluations() > 3);
  }

  @Test
  void abandoningStopsTheStepsOnlyOnceTheBestPointIsOutOfReach() {
    ValueFitter plain = ValueFitter.builder().optMaxIterations(4).build();
    ValueFitter abandoning = ValueFitter.builder().optMaxIterations(4).optAbandonBeyond(0).build();
    // R–L–C low-pass: ω0 = 1/√(LC) whatever R, so with L ≤ 10 H and C ≤ 1 mF nothing resonates
    // below 1.59 Hz. At 1.2 Hz the start is a quarter of a decade (in L·C) beyond the ranges —
    // too near for the give-up before the steps — and no step can bring it back.
    SpecTarget out = SpecTarget.builder().optType("lowpass").optFc(1.2).optQ(2.0).build();
    FitResult p = plain.fit(rlcLowpass(), out);
    FitResult a = abandoning.fit(rlcLowpass(), out);
    assertTrue(a.evaluations() < p.evaluations(), a.evaluations() + " vs " + p.evaluations());
    assertTrue(!p.inRange() && !a.inRange(), "both clamped into the ranges");
    assertTrue(!meetsWithinOnePercent(a) && !meetsWithinOnePercent(p));
    assertTrue(!meetsWithinOnePercent(ValueFitter.defaults().fit(rlcLowpass(), out)));
    // What it reports is what its circuit does.
    FilterSpecs s = CircuitAnalyzer.specs(a.circuit());
    assertEquals(SpecErrors.of(out, s).worst(), a.score(), 1e-12);
    assertTrue(a.circuit().values()[2] <= PracticalRanges.max(org.zged.circuit.ElementKind.C));
    // Within reach (10 kHz), the same fit: same values, same analyses.
    SpecTarget in = SpecTarget.builder().optType("lowpass").optFc(1e4).optQ(2.0).build();
    FitResult pi = plain.fit(rlcLowpass(), in);
    FitResult ai = abandoning.fit(rlcLowpass(), in);
    assertEquals(pi.evaluations(), ai.evaluations());
    assertTrue(java.util.Arrays.equals(pi.circuit().values(), ai.circuit().values()));
    // Never for a fit with fixed values (no frequency scaling is made).
    boolean[] fixed = {true, false, false};
    assertEquals(
        plain.fit(rlcLowpass(), out, fixed).evaluations(),
        abandoning.fit(rlcLowpass(), out, fixed).evaluations());
  }

  private static boolean meetsWithinOnePercent(FitResult f) {
    return f.analysed() && f.inRange() && f.errors() != null && f.errors().within(0.01);
  }
}
