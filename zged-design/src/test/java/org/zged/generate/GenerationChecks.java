package org.zged.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hipparchus.complex.Complex;
import org.zged.analysis.CircuitAnalyzer;
import org.zged.analysis.FilterSpecs;
import org.zged.analysis.TransferFunction;
import org.zged.circuit.Circuit;
import org.zged.fit.SpecErrors;
import org.zged.fit.SpecTarget;
import org.zged.mask.Band;
import org.zged.mask.Mask;
import org.zged.mask.MaskMargins;
import org.zged.mask.MaskVerifier;
import org.zged.netlist.AcSweep;
import org.zged.spice.Ngspice;
import org.zged.spice.NgspiceAc;

/**
 * The checks every generation mode must pass, whatever produced the candidates: each returned
 * circuit is valid and re-analysed from scratch (its reported errors are those of the new
 * analysis), a candidate marked as meeting the target is within 1 % and keeps every constraint, and
 * the best circuit's response agrees with ngspice (when installed).
 */
final class GenerationChecks {
  private GenerationChecks() {}

  static void check(Generation g, Constraints limits) {
    SpecTarget t = g.target();
    for (Generation.Ranked r : g.ranked()) {
      Circuit c = r.fit().circuit();
      assertTrue(c.isValid(), c.problems().toString());
      assertTrue(r.source() != null && !r.source().isBlank());
      FilterSpecs s = CircuitAnalyzer.specs(c);
      if (g.goal() != null) {
        checkOnMask(g.goal().mask(), r);
      } else if (!t.isPoleZero()) {
        double again = SpecErrors.of(t, s).worst();
        double reported = r.fit().errors().worst();
        assertTrue(
            again == reported || Math.abs(again - reported) < 1e-9,
            "reported " + reported + ", re-analysed " + again);
        if (r.meets()) {
          assertTrue(again <= SpecGenerator.ACCEPTANCE, t.describe() + " " + again);
        }
      } else if (r.meets()) {
        assertRootsNear(t.poles(), CircuitAnalyzer.transferFunction(c).poles());
      }
      if (r.meets()) {
        assertEquals(List.of(), limits.violations(c), "constraints of " + c);
        assertTrue(limits.admits(c));
      }
    }
    if (!g.ranked().isEmpty() && Ngspice.available()) {
      agreesWithNgspice(
          g.best().circuit(),
          g.goal() != null
              ? maskCentre(g.goal().mask())
              : ResponseAssembler.centreFrequency(null, t));
    }
    if (!g.met()) {
      assertTrue(g.diagnosis() != null && g.diagnosis().matches(".*\\d.*"), g.diagnosis());
    }
  }

  /**
   * A mask candidate: its reported margins are those of a fresh exact verification, and a second,
   * independent method — |H| sampled on a dense grid in every band from the transfer function —
   * never finds a band worse than the exact worst point (a grid can only miss the extremum, never
   * overshoot it), so a candidate marked as meeting the mask meets it on the grid too.
   */
  static void checkOnMask(Mask mask, Generation.Ranked r) {
    Circuit c = r.fit().circuit();
    MaskMargins again = MaskVerifier.verify(mask, c);
    assertEquals(r.margins().bands().size(), again.bands().size());
    for (int i = 0; i < again.bands().size(); i++) {
      assertEquals(
          again.bands().get(i).marginDb(),
          r.margins().bands().get(i).marginDb(),
          1e-9,
          "band " + i);
    }
    assertEquals(again.meets(), r.margins().meets());
    if (r.meets()) {
      assertTrue(again.meets(), "marked as meeting: " + again);
    }
    TransferFunction tf = CircuitAnalyzer.transferFunction(c);
    double peak = Double.NEGATIVE_INFINITY;
    for (Band b : mask.passbands()) {
      for (double f : grid(b)) {
        peak = Math.max(peak, 20 * Math.log10(tf.evaluate(2 * Math.PI * f).norm()));
      }
    }
    double exactPeak =
        Double.isFinite(again.peakHz())
            ? 20 * Math.log10(tf.evaluate(2 * Math.PI * again.peakHz()).norm())
            : peak;
    assertTrue(peak <= exactPeak + 1e-9, "grid peak " + peak + " above the exact " + exactPeak);
    for (int i = 0; i < mask.bands().size(); i++) {
      Band b = mask.bands().get(i);
      for (double f : grid(b)) {
        double att = exactPeak - 20 * Math.log10(tf.evaluate(2 * Math.PI * f).norm());
        double worst = again.bands().get(i).worstDb();
        assertTrue(
            b.pass() ? att <= worst + 1e-6 : att >= worst - 1e-6,
            "band " + i + " at " + f + " Hz: " + att + " dB beyond the exact worst " + worst);
      }
    }
  }

  /** 400 log-spaced points across a band (a band from 0 Hz starts a few decades below its top). */
  private static double[] grid(Band b) {
    double lo = b.lowHz() > 0 ? b.lowHz() : b.highHz() / 1e4;
    double hi = Double.isInfinite(b.highHz()) ? b.lowHz() * 1e4 : b.highHz();
    double[] f = new double[400];
    for (int i = 0; i < f.length; i++) {
      f[i] = lo * Math.pow(hi / lo, i / (f.length - 1.0));
    }
    return f;
  }

  /** The geometric mean of a mask's finite edges. */
  static double maskCentre(Mask mask) {
    double s = 0;
    int n = 0;
    for (Band b : mask.bands()) {
      for (double f : new double[] {b.lowHz(), b.highHz()}) {
        if (f > 0 && Double.isFinite(f)) {
          s += Math.log(f);
          n++;
        }
      }
    }
    return Math.exp(s / n);
  }

  /** Every target pole has an achieved pole within 1 % of its magnitude (an independent check). */
  static void assertRootsNear(List<Complex> target, List<Complex> achieved) {
    assertEquals(target.size(), achieved.size(), "pole count " + achieved);
    for (Complex p : target) {
      double best = Double.POSITIVE_INFINITY;
      for (Complex a : achieved) {
        best = Math.min(best, a.subtract(p).norm() / p.norm());
      }
      assertTrue(best < 0.01, "pole " + p + " missing in " + achieved);
    }
  }

  static void agreesWithNgspice(Circuit c, double centreHz) {
    NgspiceAc ac = Ngspice.ac(c, new AcSweep(20, centreHz / 100, centreHz * 100));
    TransferFunction tf = CircuitAnalyzer.transferFunction(c);
    double peak = 0;
    for (Complex h : ac.h()) {
      peak = Math.max(peak, h.norm());
    }
    for (int i = 0; i < ac.size(); i++) {
      Complex exact = tf.evaluate(2 * Math.PI * ac.frequencyHz()[i]);
      double dev = ac.h()[i].subtract(exact).norm() / Math.max(exact.norm(), 1e-9 * peak);
      assertTrue(dev < 1e-6, "ngspice differs by " + dev + " at " + ac.frequencyHz()[i] + " Hz");
    }
  }
}
