package org.zged.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.zged.analysis.ResponseClass;
import org.zged.circuit.Circuit;
import org.zged.fit.PracticalRanges;
import org.zged.mask.Band;
import org.zged.mask.BandResult;
import org.zged.mask.Mask;
import org.zged.mask.MaskMargins;
import org.zged.mask.MaskVerifier;

/**
 * The targets of {@code zged bench generate --suite masks}, each realizable by construction, in
 * turn of five kinds: a low-pass, a high-pass, a band-pass with an asymmetric stopband (different
 * edges and attenuations either side), a band-stop — all four with random edges, ripple and
 * attenuation, kept when the classical ladder of the mask meets it (the proof) and has at most
 * {@link #MAX_POLES} poles — and a low-pass that must also notch a frequency: bands placed around a
 * random series-tank notch circuit, their limits set from that circuit's own exact worst
 * attenuation in each band with some slack (so the circuit meets the mask), and no classical
 * synthesis.
 */
final class MaskTargets {
  /** Ladders above this many poles are beyond what the search's proposals reach; left out. */
  static final int MAX_POLES = 6;

  private MaskTargets() {}

  static List<SuiteTargets.Target> draw(int n, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<SuiteTargets.Target> out = new ArrayList<>();
    int attempts = 0;
    while (out.size() < n && attempts++ < 100 * n + 100) {
      int kind = out.size() % 5;
      SuiteTargets.Target t = kind == 4 ? notched(rng) : classical(kind, rng);
      if (t != null) {
        out.add(t);
      }
    }
    return out;
  }

  private static double logUniform(SplittableRandom rng, double lo, double hi) {
    return Math.exp(rng.nextDouble(Math.log(lo), Math.log(hi)));
  }

  private static SuiteTargets.Target classical(int kind, SplittableRandom rng) {
    double f = logUniform(rng, 100, 1e6);
    double ripple = rng.nextDouble(0.5, 3);
    double a1 = rng.nextDouble(15, 45);
    double a2 = rng.nextDouble(15, 45);
    double r1 = rng.nextDouble(1.8, 5);
    double r2 = rng.nextDouble(1.8, 5);
    double inf = Double.POSITIVE_INFINITY;
    List<Band> b = new ArrayList<>();
    ResponseClass type;
    switch (kind) {
      case 0 -> {
        type = ResponseClass.LOWPASS;
        b.add(new Band(Band.Kind.PASS, 0, f, ripple));
        b.add(new Band(Band.Kind.STOP, f * r1, inf, a1));
      }
      case 1 -> {
        type = ResponseClass.HIGHPASS;
        b.add(new Band(Band.Kind.STOP, 0, f / r1, a1));
        b.add(new Band(Band.Kind.PASS, f, inf, ripple));
      }
      case 2 -> {
        type = ResponseClass.BANDPASS;
        double half = Math.sqrt(rng.nextDouble(1.1, 2)); // passband f/half .. f*half
        b.add(new Band(Band.Kind.STOP, 0, f / half / r1, a1));
        b.add(new Band(Band.Kind.PASS, f / half, f * half, ripple));
        b.add(new Band(Band.Kind.STOP, f * half * r2, inf, a2));
      }
      default -> {
        type = ResponseClass.BANDSTOP;
        double half = Math.sqrt(rng.nextDouble(1.05, 1.5)); // stopband f/half .. f*half
        b.add(new Band(Band.Kind.PASS, 0, f / half / r1, ripple));
        b.add(new Band(Band.Kind.STOP, f / half, f * half, a1));
        b.add(new Band(Band.Kind.PASS, f * half * r2, inf, ripple));
      }
    }
    Mask mask = new Mask(type, b);
    MaskGoal goal = MaskGoal.of(mask);
    if (!goal.classicalApplies()
        || goal.classical().ideal().poles().size() > MAX_POLES
        || !goal.classical().margins().meets()
        || !MaskVerifier.verify(mask, goal.classical().circuit()).meets()) {
      return null;
    }
    return new SuiteTargets.Target(
        goal.prototype(), goal, goal.classical().circuit(), Constraints.NONE);
  }

  /**
   * A series LC tank tuned to fn (it blocks fn) between a source resistor and a shunt C ∥ R load: a
   * low-pass with a notch. The bands: pass up to fn/r, the notch fn·[1/w, w], pass from fn·r' to
   * the corner region, stop from far above it; each limit is the circuit's own worst value plus
   * (passbands) or minus (stopbands) a slack.
   */
  private static SuiteTargets.Target notched(SplittableRandom rng) {
    double fn = logUniform(rng, 20, 2e5);
    double z = logUniform(rng, 30, 3e3);
    double wn = 2 * Math.PI * fn;
    double l = z * rng.nextDouble(0.5, 3) / wn * 6; // tank reactance ≈ 3..18 z at fn
    double c = 1 / (wn * wn * l);
    double corner = fn * rng.nextDouble(30, 200); // the load's RC corner
    double c2 = 1 / (2 * Math.PI * corner * z / 2);
    Circuit src =
        Circuit.builder()
            .r("R1", "vin", "n1", z)
            .l("L1", "n1", "vout", l)
            .c("C1", "n1", "vout", c)
            .c("C2", "vout", "0", c2)
            .r("R2", "vout", "0", z)
            .build();
    if (!PracticalRanges.violations(src).isEmpty()) {
      return null;
    }
    double w = rng.nextDouble(1.005, 1.03);
    double r = rng.nextDouble(4, 8);
    double inf = Double.POSITIVE_INFINITY;
    List<Band> shape =
        List.of(
            new Band(Band.Kind.PASS, 0, fn / r, 1),
            new Band(Band.Kind.STOP, fn / w, fn * w, 1),
            new Band(Band.Kind.PASS, fn * r, corner / 4, 1),
            new Band(Band.Kind.STOP, corner * 10, inf, 1));
    if (!(fn * r < corner / 4)) {
      return null;
    }
    MaskMargins m = MaskVerifier.verify(new Mask(ResponseClass.OTHER, shape), src);
    List<Band> bands = new ArrayList<>();
    for (BandResult br : m.bands()) {
      Band s = br.band();
      double limit =
          s.pass()
              ? Math.max(0.1, br.worstDb() * 1.1 + 0.1)
              : Math.min(br.worstDb() - 1, br.worstDb() * 0.9);
      if (!s.pass() && !(limit >= 3)) {
        return null; // too little attenuation to call it a stopband
      }
      bands.add(new Band(s.kind(), s.lowHz(), s.highHz(), limit));
    }
    Mask mask = new Mask(ResponseClass.OTHER, bands);
    if (!MaskVerifier.verify(mask, src).meets()) {
      return null;
    }
    MaskGoal goal = MaskGoal.of(mask);
    return new SuiteTargets.Target(goal.prototype(), goal, src, Constraints.NONE);
  }
}
