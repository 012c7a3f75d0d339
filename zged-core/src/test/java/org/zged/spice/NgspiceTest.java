package org.zged.spice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.hipparchus.complex.Complex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zged.circuit.Circuit;
import org.zged.netlist.AcSweep;

class NgspiceTest {
  private static final Circuit RC =
      Circuit.builder().r("R1", "vin", "vout", 1e3).c("C1", "vout", "0", 1e-7).build();

  @Test
  void netlistKeepsTheWritersLinesAndAddsAControlBlockBeforeEnd() {
    String n = Ngspice.netlistWithControl(RC, AcSweep.DEFAULT, "run\n");
    assertTrue(n.contains("V1 vin 0 DC 0 AC 1\n"), n);
    assertTrue(n.contains("R1 vin vout 1000.0\n"), n);
    assertTrue(n.contains(".ac dec 100 10.0 1.0e8\n"), n);
    assertTrue(n.indexOf(".control") < n.indexOf(".endc"), n);
    assertTrue(n.contains("option numdgt=15"), n);
    assertTrue(n.endsWith(".endc\n.end\n"), n);
  }

  @Test
  void readsPoleZeroLinesFromTheLog() {
    String log =
        "Circuit: * pz\n"
            + "pole(1) = -4.99999999999997e+03,3.122498999199199e+04\n"
            + "pole(2) = -4.99999999999997e+03,-3.12249899919920e+04\n"
            + "zero(1) = 0.000000000000000e+00,0.000000000000000e+00\n";
    NgspicePoleZero pz = Ngspice.parsePoleZero(log);
    assertEquals(2, pz.poles().size());
    assertEquals(new Complex(-4.99999999999997e+03, 3.122498999199199e+04), pz.poles().get(0));
    assertEquals(1, pz.zeros().size());
    assertTrue(pz.converged());
    assertFalse(Ngspice.parsePoleZero("Error: PZ analysis failed\n").converged());
  }

  @Test
  void readsWrdataRowsWithOneFrequencyColumn(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("ac.txt");
    Files.writeString(
        f,
        " frequency              vr(vout)               vi(vout)\n"
            + " 1.000000000000000e+01  9.999050396974478e-01 -9.744295002356832e-03\n"
            + " 3.162277660168380e+01  9.990512078527839e-01 -3.078785378485037e-02\n");
    NgspiceAc ac = Ngspice.parseWrdata(f, "");
    assertEquals(2, ac.size());
    assertEquals(31.6227766016838, ac.frequencyHz()[1], 1e-12);
    assertEquals(new Complex(9.990512078527839e-01, -3.078785378485037e-02), ac.h()[1]);
  }

  @Test
  void aMissingExecutableIsAClearError() {
    String old = System.getProperty("zged.ngspice");
    System.setProperty("zged.ngspice", "/nonexistent/ngspice-for-zged-test");
    try {
      NgspiceException e =
          assertThrows(NgspiceException.class, () -> Ngspice.ac(RC, AcSweep.DEFAULT));
      assertTrue(e.getMessage().contains("cannot run"), e.getMessage());
    } finally {
      if (old == null) {
        System.clearProperty("zged.ngspice");
      } else {
        System.setProperty("zged.ngspice", old);
      }
    }
  }

  @Test
  void realNgspiceSweepHasTheRequestedGridAndTheRcValue() {
    assumeTrue(Ngspice.available(), "ngspice is not installed");
    NgspiceAc ac = Ngspice.ac(RC, AcSweep.DEFAULT);
    assertEquals(701, ac.size());
    assertEquals(10, ac.frequencyHz()[0], 1e-12);
    assertEquals(1e8, ac.frequencyHz()[700], 1e-4);
    // 1/(1 + jωRC) at 10 Hz, to the 15 printed digits
    double w = 2 * Math.PI * 10 * 1e3 * 1e-7;
    Complex expected = Complex.ONE.divide(new Complex(1, w));
    assertEquals(0, expected.subtract(ac.h()[0]).norm(), 1e-13);
  }

  @Test
  void aCircuitNgspiceCannotSolveIsAClearError() {
    assumeTrue(Ngspice.available(), "ngspice is not installed");
    // an island of two nodes makes ngspice's matrix singular
    Circuit island =
        Circuit.builder()
            .r("R1", "vin", "vout", 1e3)
            .c("C1", "vout", "0", 1e-7)
            .r("R2", "p", "q", 10)
            .r("R3", "p", "q", 10)
            .build();
    NgspiceException e =
        assertThrows(NgspiceException.class, () -> Ngspice.ac(island, AcSweep.DEFAULT));
    assertTrue(e.getMessage().contains("ngspice"), e.getMessage());
  }
}
