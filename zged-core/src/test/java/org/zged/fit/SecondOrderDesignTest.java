package org.zged.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.zged.analysis.CircuitAnalyzer;
import org.zged.analysis.FilterSpecs;
import org.zged.analysis.ResponseClass;
import org.zged.circuit.Circuit;

/**
 * The closed-form designs the dataset families lack (high-pass with a Q, low/high-pass with a gain
 * below 1) hit random realisable targets exactly: the exact analysis of the circuit gives back fc,
 * Q and gain to 1e-9, and at least one design or family covers every such target.
 */
class SecondOrderDesignTest {
  @Test
  void randomTargetsAreMetExactly() {
    SplittableRandom rnd = new SplittableRandom(12);
    for (int i = 0; i < 600; i++) {
      SecondOrderDesign d = SecondOrderDesign.values()[i % SecondOrderDesign.values().length];
      double fc = Math.pow(10, 1 + 5 * rnd.nextDouble());
      Double q = d.order() == 2 ? Math.pow(10, -0.5 + 1.8 * rnd.nextDouble()) : null;
      Double g = d.id().startsWith("divider") ? 0.02 + 0.97 * rnd.nextDouble() : null;
      SpecTarget t =
          SpecTarget.builder().optType(d.responseClass()).optFc(fc).optQ(q).optGain(g).build();
      assertTrue(d.canMeet(t), d + " " + t.describe());
      Circuit c = d.design(t);
      assertTrue(c.isValid(), c.problems().toString());
      assertTrue(PracticalRanges.violations(c).isEmpty(), d + " " + PracticalRanges.violations(c));
      FilterSpecs s = CircuitAnalyzer.specs(c);
      SpecErrors e = SpecErrors.of(t, s);
      assertTrue(e.classMatches(), d + " " + t.describe() + " class " + s.responseClass());
      assertTrue(e.within(1e-9), d + " " + t.describe() + " " + e.asMap());
    }
  }

  /** The failures: high-pass with a Q, low-pass with a gain below 1. */
  @Test
  void theTwoFailingKindsNowHaveADesign() {
    SpecTarget hp = SpecTarget.builder().optType("highpass").optFc(2e3).optQ(3.0).build();
    SpecTarget lp =
        SpecTarget.builder().optType("lowpass").optFc(5e3).optQ(0.9).optGain(0.4).build();
    for (SpecTarget t : new SpecTarget[] {hp, lp}) {
      boolean family = false;
      for (FamilyDesign f : FamilyDesign.values()) {
        family |= f.canMeet(t);
      }
      assertTrue(!family, "a dataset family claims " + t.describe());
      long designs =
          java.util.Arrays.stream(SecondOrderDesign.values()).filter(x -> x.canMeet(t)).count();
      assertEquals(1, designs, t.describe());
    }
    assertEquals(ResponseClass.HIGHPASS, SecondOrderDesign.RLC_HIGHPASS.responseClass());
  }
}
