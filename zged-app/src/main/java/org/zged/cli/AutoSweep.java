package org.zged.cli;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.complex.Complex;
import org.zged.analysis.Analysis;
import org.zged.analysis.FilterSpecs;
import org.zged.netlist.AcSweep;

/**
 * The grid {@code zged simulate} plots when neither the file ({@code .ac}) nor the flags give one:
 * whole decades from two below the lowest to two above the highest critical frequency (nonzero
 * poles and zeros, fc, f0, band edges), so that the plot shows what the circuit does wherever it
 * does it. A circuit without any (a resistive divider) gets the default 10 Hz – 100 MHz.
 */
final class AutoSweep {
  private static final int MARGIN_DECADES = 2;

  private AutoSweep() {}

  static AcSweep of(Analysis analysis, int pointsPerDecade) {
    List<Double> freqs = new ArrayList<>();
    for (List<Complex> roots : List.of(analysis.poles(), analysis.zeros())) {
      for (Complex r : roots) {
        add(freqs, r.norm() / (2 * Math.PI));
      }
    }
    FilterSpecs s = analysis.specs();
    for (Double f : new Double[] {s.fcHz(), s.f0Hz(), s.fLowHz(), s.fHighHz(), s.poleF0Hz()}) {
      if (f != null) {
        add(freqs, f);
      }
    }
    if (freqs.isEmpty()) {
      return new AcSweep(pointsPerDecade, AcSweep.DEFAULT.fStartHz(), AcSweep.DEFAULT.fStopHz());
    }
    double lo = freqs.stream().mapToDouble(Double::doubleValue).min().getAsDouble();
    double hi = freqs.stream().mapToDouble(Double::doubleValue).max().getAsDouble();
    double start = Math.pow(10, Math.floor(Math.log10(lo)) - MARGIN_DECADES);
    double stop = Math.pow(10, Math.ceil(Math.log10(hi)) + MARGIN_DECADES);
    return new AcSweep(pointsPerDecade, start, stop);
  }

  private static void add(List<Double> freqs, double f) {
    if (f > 0 && Double.isFinite(f)) {
      freqs.add(f);
    }
  }
}
