package org.zged.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.hipparchus.complex.Complex;
import org.junit.jupiter.api.BeforeAll;
import org.zged.circuit.Circuit;
import org.zged.netlist.AcSweep;
import org.zged.spice.Ngspice;
import org.zged.spice.NgspiceAc;

/**
 * The ngspice harness must pass the same general checks: ngspice run through {@link Ngspice#ac}
 * agrees with the closed forms and the 60-digit solve to ngspice's own accuracy (1e-6), which shows
 * that netlist writing, the control block and the wrdata parsing lose nothing.
 */
class NgspicePathTest extends AnalysisPathContract {
  @BeforeAll
  static void needsNgspice() {
    assumeTrue(Ngspice.available(), "ngspice is not installed");
  }

  @Override
  Complex[] h(Circuit circuit, double[] freqHz) {
    NgspiceAc ac = Ngspice.ac(circuit, new AcSweep(10, freqHz[0], freqHz[freqHz.length - 1]));
    assertEquals(freqHz.length, ac.size(), "ngspice sweep points");
    for (int i = 0; i < freqHz.length; i++) {
      assertEquals(freqHz[i], ac.frequencyHz()[i], 1e-12 * freqHz[i], "ngspice frequency");
    }
    return ac.h();
  }

  @Override
  double tolerance() {
    return 1e-6;
  }
}
