package org.zged.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hipparchus.complex.Complex;
import org.junit.jupiter.api.Test;
import org.zged.circuit.Circuit;
import org.zged.netlist.NetlistReader;

/**
 * Open-preset circuits whose stored labels changed when the crossings and extremes got more
 * breakpoints (records 30428 and 7898 of `zged dataset --preset open`): each label is checked
 * against the 60-digit nodal solve ({@link HighPrecisionNodalSolver}) at the frequency it names.
 */
class SpecsLabelReproducersTest {
  private static Circuit netlist(String text) {
    return NetlistReader.parse("* reproducer\n" + text, "reproducer", "vin", "vout");
  }

  private static double exact(Circuit c, double hz) {
    return HighPrecisionNodalSolver.solveAt(c, new Complex(0, 2 * Math.PI * hz)).norm();
  }

  /**
   * A 9th-order low-pass whose −3 dB point is at 1.758 MHz (the first real pole without a zero
   * beside it), with lossless-looking resonances above: the cutoff was reported at 7.18 MHz, where
   * |H| is −12.5 dB.
   */
  @Test
  void lowPassCutoffIsTheFirstHalfPowerCrossing() {
    Circuit c =
        netlist(
            """
            C1 0 n6 2.53681e-10
            L1 vin n5 0.00313186
            R1 vin n6 360.538
            L2 vout n2 0.08491
            C2 vout n3 2.83038e-09
            L3 vout n5 1.12101e-06
            R2 n1 n2 326.035
            L4 n1 n5 3.36145e-06
            L5 n1 n6 6.85781e-06
            L6 n2 n5 0.0801789
            L7 n3 n4 1.09197e-06
            C3 n3 n5 7.88592e-09
            L8 n3 n5 5.78318e-05
            C4 n4 n5 4.79459e-10
            L9 n4 n5 0.0014622
            L10 n5 n6 4.07036e-06
            """);
    FilterSpecs s = CircuitAnalyzer.specs(c);
    assertEquals(ResponseClass.LOWPASS, s.responseClass());
    double h0 = exact(c, 1e-3);
    assertEquals(h0 / Math.sqrt(2), exact(c, s.fcHz()), 1e-9 * h0);
    // and nothing below it crosses: |H| stays above the level on a grid up to fc
    for (double f = 1e3; f < s.fcHz() * 0.999; f *= 1.05) {
      assertTrue(exact(c, f) > h0 / Math.sqrt(2), "at " + f + " Hz");
    }
  }

  /**
   * A band-pass whose peak is a spike of Q ≈ 1e10 (a pole–zero doublet) at 46 kHz on the flank of a
   * broad band: the spike's half-power edges are 3e-6 Hz apart, and the upper one was missed, so
   * f_high was put at 352 kHz, the far edge of the broad band.
   */
  @Test
  void spikeBandEdgesAreBothBesideTheSpike() {
    Circuit c =
        netlist(
            """
            R1 0 vout 366.379
            C1 0 vout 8.22532e-12
            L1 0 n1 0.000478573
            C2 0 n4 2.89921e-10
            C3 vin n4 1.82213e-09
            L2 vout n5 0.0245513
            L3 n1 n2 2.54865e-06
            R2 n1 n3 1146.35
            R3 n1 n5 23.0948
            C4 n1 n6 2.22886e-12
            L4 n1 n6 2.21854e-05
            L5 n1 n7 1.78054e-06
            C5 n2 n4 1.19774e-12
            C6 n2 n7 2.76438e-06
            C7 n3 n6 4.71185e-12
            L6 n3 n6 0.000744741
            R4 n4 n5 1080.2
            """);
    FilterSpecs s = CircuitAnalyzer.specs(c);
    assertEquals(ResponseClass.BANDPASS, s.responseClass());
    // one ulp of the spike's frequency (6e-11 rad/s) is 1e-5 of its damping (5e-6 rad/s), so
    // the shape of the spike is known to about 1e-5 from double-precision roots, not better
    double peak = exact(c, s.f0Hz());
    assertEquals(peak, s.passbandGain(), 2e-5 * peak);
    double level = s.passbandGain() / Math.sqrt(2);
    assertEquals(level, exact(c, s.fLowHz()), 1e-4 * level);
    assertEquals(level, exact(c, s.fHighHz()), 1e-4 * level);
    assertTrue(s.fHighHz() - s.fLowHz() < 1e-4, "both edges beside the spike: " + s);
  }
}
