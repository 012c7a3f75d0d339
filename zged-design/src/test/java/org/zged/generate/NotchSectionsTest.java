package org.zged.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.complex.Complex;
import org.junit.jupiter.api.Test;
import org.zged.analysis.reference.DecimalNodalSolve;
import org.zged.mask.MaskVerifier;

/** Notch sections as templates: the transmission zero where the notch is, and notched masks met. */
class NotchSectionsTest extends ShippedModelTest {
  @Test
  void everySectionPutsATransmissionZeroAtTheNotchCentre() {
    MaskGoal goal = MaskGoal.of(MaskGenerationTest.NOTCHED_LOWPASS);
    List<Proposal> ps = NotchSections.proposals(goal);
    assertFalse(ps.isEmpty());
    double w0 = 2 * Math.PI * Math.sqrt(59.0 * 61.0);
    MathContext mc = new MathContext(40);
    for (Proposal p : ps) {
      assertEquals(NotchSections.SOURCE, p.source());
      // 40-digit nodal solve, independent of the engine: |H| at the notch against the passband
      double atNotch = DecimalNodalSolve.at(p.circuit(), new Complex(0, w0), mc).norm();
      double inPass = DecimalNodalSolve.at(p.circuit(), new Complex(0, 2 * Math.PI), mc).norm();
      assertTrue(atNotch < 1e-6 * inPass, p.circuit() + ": " + atNotch + " vs " + inPass);
    }
  }

  @Test
  void noSectionsWithoutANotch() {
    assertTrue(NotchSections.proposals(MaskGoal.of(MaskGenerationTest.LOWPASS)).isEmpty());
  }

  @Test
  void templateLookupMeetsEveryRealizableNotchedMaskOfTheSuite() {
    List<SuiteTargets.Target> notched = new ArrayList<>();
    for (SuiteTargets.Target t : SuiteTargets.draw("masks", 40, 11)) {
      if (!t.goal().classicalApplies()) {
        notched.add(t);
      }
    }
    assertTrue(notched.size() >= 5, "notched targets: " + notched.size());
    for (SuiteTargets.Target t : notched) {
      assertTrue(MaskVerifier.verify(t.goal().mask(), t.source()).meets(), "realizable");
      Generation g =
          generator.run(t.goal(), Constraints.NONE, 1, 1, 2000, SpecGenerator.Arm.TEMPLATES);
      GenerationChecks.check(g, Constraints.NONE);
      assertTrue(g.met(), t.goal().describe() + ": " + g.diagnosis());
    }
  }
}
