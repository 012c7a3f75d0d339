package org.zged.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zged.analysis.ResponseClass;
import org.zged.circuit.Circuit;
import org.zged.spice.Ngspice;

/** Fitted circuits, simulated by ngspice from their netlists, meet the target within 0.1 %. */
class FitterNgspiceTest {

  @BeforeAll
  static void needNgspice() {
    assumeTrue(Ngspice.available(), "ngspice is not installed (scripts/test.sh installs it)");
  }

  @Test
  void everyFamilyMeetsItsTargetInNgspice() {
    ValueFitter fitter = ValueFitter.defaults();
    for (FamilyDesign d : FamilyDesign.values()) {
      List<SpecTarget> targets = ValueFitterTest.targetsFor(d);
      // One target per family from the middle of its list: a Q (and gain) when the family has them.
      SpecTarget t = targets.get(targets.size() / 2);
      Circuit start = d.design(t);
      double[] v = start.values();
      for (int i = 0; i < v.length; i++) {
        v[i] *= i % 2 == 0 ? 1.7 : 0.6;
      }
      FitResult fit = fitter.fit(start.withValues(v), t);
      NgspiceSpecs measured = new NgspiceSpecs(fit.circuit(), fit.specs());
      String what = d + " " + t.describe() + " " + fit.circuit();
      if (d.responseClass() == ResponseClass.BANDPASS
          || d.responseClass() == ResponseClass.BANDSTOP) {
        assertEquals(t.fcHz(), measured.f0, t.fcHz() * 1e-3, what);
        if (t.q() != null) {
          assertEquals(t.q(), measured.q, t.q() * 1e-3, what);
        }
      } else {
        assertEquals(t.fcHz(), measured.fc, t.fcHz() * 1e-3, what);
        if (t.q() != null) {
          assertEquals(t.q(), NgspiceSpecs.poleQ(fit.circuit()), t.q() * 1e-3, what);
        }
      }
    }
  }
}
