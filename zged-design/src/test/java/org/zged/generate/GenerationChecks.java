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
      if (!t.isPoleZero()) {
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
      agreesWithNgspice(g.best().circuit(), ResponseAssembler.centreFrequency(null, t));
    }
    if (!g.met()) {
      assertTrue(g.diagnosis() != null && g.diagnosis().matches(".*\\d.*"), g.diagnosis());
    }
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
