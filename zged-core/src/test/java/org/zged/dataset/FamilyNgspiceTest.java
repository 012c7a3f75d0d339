package org.zged.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import org.hipparchus.complex.Complex;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zged.netlist.AcSweep;
import org.zged.spice.Ngspice;
import org.zged.spice.NgspiceAc;

/**
 * The stored labels, as read back from a dataset file, against the real ngspice: for three circuits
 * of every family, H(jω) = K·Π(jω − zᵢ)/Π(jω − pᵢ) from the file's poles, zeros and gain must equal
 * ngspice's V(vout) at every point of 10 Hz – 100 MHz (100 points per decade).
 */
class FamilyNgspiceTest {
  private static final int PER_FAMILY = 3;
  private static final double REL = 1e-6;
  private static final double FLOOR = 1e-9;

  @TempDir static Path dir;
  private static Dataset dataset;

  @BeforeAll
  static void writeAndRead() {
    Path file = dir.resolve("sample.jsonl");
    DatasetGenerator.builder().optPerFamily(PER_FAMILY).build().write(file);
    dataset = DatasetReader.read(file);
  }

  @Test
  void labelsReproduceNgspiceForEveryFamily() {
    assumeTrue(Ngspice.available(), "ngspice is not installed");
    assertEquals(12 * PER_FAMILY, dataset.size());
    dataset.records().parallelStream().forEach(FamilyNgspiceTest::check);
  }

  private static void check(CircuitRecord r) {
    NgspiceAc spice = Ngspice.ac(r.circuit(), AcSweep.DEFAULT);
    assertEquals(701, spice.size());
    double max = 0;
    for (Complex h : spice.h()) {
      max = Math.max(max, h.norm());
    }
    for (int i = 0; i < spice.size(); i++) {
      double w = 2 * Math.PI * spice.frequencyHz()[i];
      Complex label = evaluate(r.gain(), r.zeros(), r.poles(), w);
      Complex h = spice.h()[i];
      double err = label.subtract(h).norm();
      assertTrue(
          err <= REL * h.norm() + FLOOR * max,
          r.id()
              + " at "
              + spice.frequencyHz()[i]
              + " Hz: labels give "
              + label
              + ", ngspice "
              + h);
    }
  }

  private static Complex evaluate(double k, List<Complex> zeros, List<Complex> poles, double w) {
    Complex s = new Complex(0, w);
    Complex h = new Complex(k, 0);
    for (Complex z : zeros) {
      h = h.multiply(s.subtract(z));
    }
    for (Complex p : poles) {
      h = h.divide(s.subtract(p));
    }
    return h;
  }
}
