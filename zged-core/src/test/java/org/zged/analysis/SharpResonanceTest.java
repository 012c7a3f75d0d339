package org.zged.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.zged.circuit.Circuit;

/**
 * Very sharp peaks and notches (Q up to 1e9), where the polynomial for the stationary points of
 * |H|² runs out of digits: the class, the centre frequency and the peak value must stay exact.
 */
class SharpResonanceTest {

  /**
   * Rs into a series L-C-r trap to ground, output across the trap: |H|² = (r² + X²)/((Rs + r)² +
   * X²) is smallest exactly where X = ωL − 1/(ωC) = 0, for every impedance scaling.
   */
  @ParameterizedTest
  @ValueSource(doubles = {1e3, 1e4, 1e5, 1e6, 1e7})
  void aNarrowNotchIsABandstopCentredOnTheTrapResonance(double q) {
    for (int i = 0; i < 40; i++) {
      double k = Math.pow(10, -1 + i * 0.05);
      double l = k;
      double c = 1e-10 / k;
      double w0 = 1 / Math.sqrt(l * c);
      double rs = w0 * l / q;
      Circuit trap =
          Circuit.builder()
              .r("R1", "vin", "vout", rs)
              .l("L1", "vout", "n1", l)
              .c("C1", "n1", "n2", c)
              .r("R2", "n2", "0", rs * 1e-3)
              .build();
      FilterSpecs s = CircuitAnalyzer.analyze(trap).specs();
      assertEquals(ResponseClass.BANDSTOP, s.responseClass(), "Q " + q + ", k " + k);
      assertEquals(w0 / (2 * Math.PI), s.f0Hz(), 1e-9 * w0 / (2 * Math.PI), "Q " + q);
    }
  }

  /** Series L-C into a load R: the peak is exactly 1 at 1/(2π√(LC)), however narrow. */
  @ParameterizedTest
  @ValueSource(doubles = {1e2, 1e5, 1e7, 4.5e9})
  void aNarrowPeakKeepsItsExactGainAndCentre(double q) {
    double l = 1e-3;
    double c = 1e-8;
    double w0 = 1 / Math.sqrt(l * c);
    Circuit bandpass =
        Circuit.builder()
            .l("L1", "vin", "n1", l)
            .c("C1", "n1", "vout", c)
            .r("R1", "vout", "0", w0 * l / q)
            .build();
    FilterSpecs s = CircuitAnalyzer.analyze(bandpass).specs();
    assertEquals(ResponseClass.BANDPASS, s.responseClass());
    assertEquals(1.0, s.passbandGain(), 1e-12);
    assertEquals(w0 / (2 * Math.PI), s.f0Hz(), 1e-9 * w0 / (2 * Math.PI));
  }
}
