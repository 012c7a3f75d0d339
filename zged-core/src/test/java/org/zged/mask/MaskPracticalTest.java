package org.zged.mask;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.zged.analysis.ResponseClass;
import org.zged.circuit.Circuit;
import org.zged.circuit.Element;
import org.zged.circuit.ElementKind;
import org.zged.filter.Response;
import org.zged.fit.ESeries;
import org.zged.synthesis.LadderDesign;
import org.zged.synthesis.LadderDesigner;
import org.zged.synthesis.LadderForm;

/** E-series snapping with re-verification, and the tolerance Monte Carlo against a mask. */
class MaskPracticalTest {
  private static final Mask MASK = Mask.lowpass(1e3, 0.5, 2.5e3, 40);

  private static LadderDesign design() {
    return LadderDesigner.forMask(
        MASK, Response.CHEBYSHEV, Terminations.DEFAULT, LadderForm.MIN_INDUCTOR);
  }

  @Test
  void snappingPutsEveryReactancOnTheSeriesAndVerifiesAgain() {
    LadderDesign d = design();
    MaskSnap.Snapped s = MaskSnap.snap(d.circuit(), ESeries.E24, MASK);
    for (int i = 0; i < s.circuit().elements().size(); i++) {
      Element e = s.circuit().elements().get(i);
      Element before = d.circuit().elements().get(i);
      if (e.kind() == ElementKind.R) {
        assertEquals(before.value(), e.value(), 0, "terminations keep their values");
      } else {
        assertEquals(ESeries.E24.nearest(e.value()), e.value(), 1e-12 * e.value(), e.name());
        assertTrue(Math.abs(Math.log(e.value() / before.value())) < Math.log(1.1), e.name());
      }
    }
    MaskMargins again = MaskVerifier.verify(MASK, s.circuit());
    assertEquals(again.passbandDb(), s.margins().passbandDb(), 1e-12);
    assertEquals(again.stopbandDb(), s.margins().stopbandDb(), 1e-12);
    // snapping an already snapped ladder changes nothing
    assertEquals(s.circuit(), MaskSnap.snap(s.circuit(), ESeries.E24, MASK).circuit());
  }

  @Test
  void yieldIsOneWellInsideTheMarginsAndFallsAtTheEdge() {
    LadderDesign d = design();
    // passband margin is 0 by construction (ripple edge on the mask edge), stopband +12.9 dB
    MaskYield.Report tiny = MaskYield.run(d.circuit(), MASK, 1e-9, 50, 1);
    assertTrue(tiny.yield() > 0.0, "a 1e-9 % spread cannot move the response by 1e-6 dB");
    MaskYield.Report wide = MaskYield.run(d.circuit(), MASK, 5, 400, 7);
    assertTrue(wide.yield() > 0 && wide.yield() < 1, "5 %: yield " + wide.yield());
    assertTrue(wide.worstPassbandDb() < 0, "some trial must exceed the ripple");
    MaskYield.Report same = MaskYield.run(d.circuit(), MASK, 5, 400, 7);
    assertEquals(wide.meeting(), same.meeting(), "seeded: the same trials");
  }

  @Test
  void aDesignWithStopbandSlackKeepsFullYieldForSmallTolerances() {
    // order 7 Butterworth for a mask the formula needs 7 for: scale only the stopband check
    Mask loose = Mask.lowpass(1e3, 3, 5e3, 40);
    LadderDesign d =
        LadderDesigner.forMaskAtOrder(
            loose, Response.BUTTERWORTH, 7, Terminations.DEFAULT, LadderForm.MIN_INDUCTOR);
    assertTrue(d.margins().stopbandDb() > 30, d.margins().toString());
    Mask stopOnly =
        new Mask(
            ResponseClass.LOWPASS,
            java.util.List.of(
                new Band(Band.Kind.PASS, 0, 500, 3),
                new Band(Band.Kind.STOP, 5e3, Double.POSITIVE_INFINITY, 40)));
    Circuit c = d.circuit();
    MaskYield.Report r = MaskYield.run(c, stopOnly, 2, 200, 3);
    assertEquals(1.0, r.yield(), 0, "2 % parts cannot cost 30 dB of stopband margin");
  }
}
