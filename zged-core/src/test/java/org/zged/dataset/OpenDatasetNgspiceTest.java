package org.zged.dataset;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import org.hipparchus.complex.Complex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zged.graph.NodalAtS;
import org.zged.netlist.AcSweep;
import org.zged.spice.Ngspice;
import org.zged.spice.NgspiceAc;

/**
 * The open preset's labels, as read back from a file, against ngspice: for 60 random graphs and two
 * circuits of every template, H(jω) from the stored poles, zeros and gain must equal ngspice's
 * V(vout) over two decades either side of the poles (in deep stopbands, a 40-digit solve's).
 */
class OpenDatasetNgspiceTest {
  private static final double REL = 1e-6;

  /**
   * Where |H| is below this fraction of its peak, ngspice (double precision, GMIN = 1e-12 S on
   * every node) drifts by up to ~1e-4 relative on these wide-ranging circuits; there a 40-digit
   * nodal solve ({@link NodalAtS}) is the reference instead, to the same 1e-6.
   */
  private static final double STOPBAND = 1e-3;

  @TempDir Path dir;

  @Test
  void labelsReproduceNgspice() {
    assumeTrue(Ngspice.available(), "ngspice is not installed");
    Path file = dir.resolve("open.jsonl");
    DatasetGenerator.builder().optPreset(Preset.OPEN).optPerFamily(2).build().write(file);
    Path random = dir.resolve("random.jsonl");
    DatasetGenerator.builder()
        .optFamilies(List.of(RandomFamily.openSpace()))
        .optPerFamily(60)
        .optSeed(5)
        .build()
        .write(random);
    DatasetReader.read(file).records().parallelStream().forEach(OpenDatasetNgspiceTest::check);
    DatasetReader.read(random).records().parallelStream().forEach(OpenDatasetNgspiceTest::check);
  }

  private static void check(CircuitRecord r) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = 0;
    for (Complex p : r.poles()) {
      lo = Math.min(lo, p.norm());
      hi = Math.max(hi, p.norm());
    }
    // 1.0731: no grid point falls exactly on a pole, where a lossless response is infinite
    AcSweep sweep = new AcSweep(20, lo / (2 * Math.PI) / 107.31, hi / (2 * Math.PI) * 100);
    NgspiceAc spice = Ngspice.ac(r.circuit(), sweep);
    double max = 0;
    for (Complex h : spice.h()) {
      max = Math.max(max, h.norm());
    }
    for (int i = 0; i < spice.size(); i++) {
      double w = 2 * Math.PI * spice.frequencyHz()[i];
      Complex label = evaluate(r.gain(), r.zeros(), r.poles(), w);
      Complex spiceH = spice.h()[i];
      Complex h =
          spiceH.norm() >= STOPBAND * max ? spiceH : NodalAtS.h(r.circuit(), new Complex(0, w));
      double err = label.subtract(h).norm();
      assertTrue(
          err <= REL * h.norm() + 1e-12 * max,
          r.id()
              + " at "
              + spice.frequencyHz()[i]
              + " Hz: labels give "
              + label
              + ", ngspice "
              + h
              + " for "
              + r.circuit());
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
