package org.zged.fit;

import org.hipparchus.complex.Complex;
import org.zged.analysis.FilterSpecs;
import org.zged.analysis.ResponseClass;
import org.zged.circuit.Circuit;
import org.zged.netlist.AcSweep;
import org.zged.spice.Ngspice;
import org.zged.spice.NgspiceAc;

/**
 * Measures fc, f0 and Q of a circuit from ngspice AC sweeps alone: a wide sweep for the passband
 * gain, dense sweeps (20,000 points per decade) around each −3 dB crossing with interpolation in
 * log frequency, and a dense sweep around the peak/notch with a parabola through the extreme. The
 * exact specs are used only to place the dense windows (±2 %); if ngspice disagreed by more, no
 * crossing would be found and the measure would be NaN.
 */
final class NgspiceSpecs {
  private static final int DENSE = 20_000;

  final double fc;
  final double f0;
  final double q;

  NgspiceSpecs(Circuit c, FilterSpecs exact) {
    ResponseClass cls = exact.responseClass();
    double centre =
        cls == ResponseClass.BANDPASS || cls == ResponseClass.BANDSTOP
            ? exact.f0Hz()
            : exact.fcHz();
    NgspiceAc wide = Ngspice.ac(c, new AcSweep(50, centre / 1e4, centre * 1e4));
    double pass =
        switch (cls) {
          case LOWPASS -> mag(wide, 0);
          case HIGHPASS -> mag(wide, wide.size() - 1);
          case BANDSTOP -> Math.max(mag(wide, 0), mag(wide, wide.size() - 1));
          default -> Double.NaN;
        };
    if (cls == ResponseClass.BANDPASS || cls == ResponseClass.BANDSTOP) {
      double[] ext = extreme(c, exact.f0Hz(), cls == ResponseClass.BANDPASS);
      f0 = ext[0];
      double ref = cls == ResponseClass.BANDPASS ? ext[1] : pass;
      double lo = crossing(c, exact.fLowHz(), ref / Math.sqrt(2));
      double hi = crossing(c, exact.fHighHz(), ref / Math.sqrt(2));
      q = f0 / (hi - lo);
      fc = Double.NaN;
    } else {
      fc = crossing(c, exact.fcHz(), pass / Math.sqrt(2));
      f0 = Double.NaN;
      q = Double.NaN;
    }
  }

  /** Q of the dominant complex pole pair from ngspice's .pz analysis. */
  static double poleQ(Circuit c) {
    Complex best = null;
    for (Complex p : Ngspice.poleZero(c).poles()) {
      if (p.getImaginary() > 0
          && (best == null
              || p.norm() / (2 * -p.getReal()) > best.norm() / (2 * -best.getReal()))) {
        best = p;
      }
    }
    return best == null ? Double.NaN : best.norm() / (2 * -best.getReal());
  }

  private static double mag(NgspiceAc ac, int i) {
    return ac.h()[i].norm();
  }

  private static double crossing(Circuit c, double near, double level) {
    NgspiceAc ac = Ngspice.ac(c, new AcSweep(DENSE, near / 1.02, near * 1.02));
    for (int i = 0; i + 1 < ac.size(); i++) {
      double a = Math.log(mag(ac, i) / level);
      double b = Math.log(mag(ac, i + 1) / level);
      if (a == 0) {
        return ac.frequencyHz()[i];
      }
      if (a * b < 0) {
        double la = Math.log(ac.frequencyHz()[i]);
        double lb = Math.log(ac.frequencyHz()[i + 1]);
        return Math.exp(la + (lb - la) * a / (a - b));
      }
    }
    return Double.NaN;
  }

  /** {frequency, |H|} of the peak (or notch) by a parabola in log f through the extreme sample. */
  private static double[] extreme(Circuit c, double near, boolean max) {
    NgspiceAc ac = Ngspice.ac(c, new AcSweep(DENSE, near / 1.02, near * 1.02));
    int k = 1;
    for (int i = 1; i + 1 < ac.size(); i++) {
      double m = Math.log(mag(ac, i));
      if (max ? m > Math.log(mag(ac, k)) : m < Math.log(mag(ac, k))) {
        k = i;
      }
    }
    double y0 = Math.log(mag(ac, k - 1));
    double y1 = Math.log(mag(ac, k));
    double y2 = Math.log(mag(ac, k + 1));
    double step = Math.log(ac.frequencyHz()[k + 1] / ac.frequencyHz()[k]);
    double denom = y0 - 2 * y1 + y2;
    double shift = denom == 0 ? 0 : 0.5 * (y0 - y2) / denom;
    return new double[] {ac.frequencyHz()[k] * Math.exp(shift * step), Math.exp(y1)};
  }
}
