package org.zged.mask;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.zged.circuit.Circuit;
import org.zged.circuit.ElementKind;
import org.zged.filter.Response;
import org.zged.synthesis.LadderDesigner;
import org.zged.synthesis.LadderForm;

/** The minimax mask fitter: it repairs detuned designs and stays within its evaluation limit. */
class MaskFitterTest {
  private static final Mask MASK = Mask.lowpass(1e3, 0.5, 2.5e3, 30);

  private static Circuit ladder() {
    return LadderDesigner.forMask(
            MASK, Response.BUTTERWORTH, Terminations.DEFAULT, LadderForm.MIN_INDUCTOR)
        .circuit();
  }

  /** Every L and C scaled by k: the response moves down in frequency by k. */
  private static Circuit detuned(Circuit c, double k) {
    double[] v = c.values();
    for (int i = 0; i < v.length; i++) {
      if (c.elements().get(i).kind() != ElementKind.R) {
        v[i] *= k;
      }
    }
    return c.withValues(v);
  }

  @Test
  void aDetunedLadderIsBroughtBackInsideTheMask() {
    Circuit off = detuned(ladder(), 1.6);
    assertFalse(MaskVerifier.verify(MASK, off).meets(), "the detuned ladder misses the passband");
    MaskFitter.Result r = MaskFitter.fit(off, MASK, 400);
    assertTrue(r.meets(), "worst violation " + r.worstViolationDb());
    assertTrue(r.evaluations() <= 401, "spent " + r.evaluations());
    assertTrue(MaskVerifier.verify(MASK, r.circuit()).meets(), "an independent re-verification");
  }

  @Test
  void aDistortedLadderIsRepairedByTheSimplexNotJustTheFrequencyScale() {
    Circuit c = ladder();
    double[] v = c.values();
    for (int i = 0; i < v.length; i++) {
      if (c.elements().get(i).kind() != ElementKind.R) {
        v[i] *= i % 2 == 0 ? 1.25 : 0.75; // a change of shape no frequency scale undoes
      }
    }
    Circuit off = c.withValues(v);
    assertFalse(MaskVerifier.verify(MASK, off).meets());
    MaskFitter.Result r = MaskFitter.fit(off, MASK, 1500);
    assertTrue(r.meets(), "worst violation " + r.worstViolationDb());
  }

  @Test
  void aTopologyThatCannotRollOffStaysAViolationAndTheLimitHolds() {
    // a resistive divider is flat: 30 dB of stopband attenuation is out of reach
    Circuit flat = Circuit.builder().r("R1", "vin", "vout", 1e3).r("R2", "vout", "0", 1e3).build();
    MaskFitter.Result r = MaskFitter.fit(flat, MASK, 50);
    assertFalse(r.meets());
    assertTrue(r.worstViolationDb() >= 30 - 1e-9, "violation " + r.worstViolationDb());
    assertTrue(r.evaluations() <= 51, "spent " + r.evaluations());
  }
}
