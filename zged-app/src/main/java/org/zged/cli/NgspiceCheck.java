package org.zged.cli;

import org.hipparchus.complex.Complex;
import org.zged.InputException;
import org.zged.analysis.TransferFunction;
import org.zged.circuit.Circuit;
import org.zged.netlist.AcSweep;
import org.zged.spice.Ngspice;
import org.zged.spice.NgspiceAc;
import org.zged.spice.NgspiceException;

/**
 * {@code zged simulate --check-ngspice}: runs the real ngspice on the circuit over the same grid
 * and reports the largest deviation of its H from the exact one, relative to |H| with a floor of
 * 1e-9·max|H| (ngspice prints about 15 digits here, but a deep notch has almost none to spare).
 *
 * @param points the number of frequencies compared
 * @param maxRelativeError the largest |H_exact − H_ngspice| / max(|H_exact|, 1e-9·max|H|)
 * @param worstFrequencyHz where that largest deviation is
 */
public record NgspiceCheck(int points, double maxRelativeError, double worstFrequencyHz) {

  static NgspiceCheck run(Circuit circuit, TransferFunction tf, AcSweep sweep) {
    if (!Ngspice.available()) {
      throw new InputException(
          "--check-ngspice", "ngspice is not installed (apt-get install ngspice)");
    }
    NgspiceAc ac;
    try {
      ac = Ngspice.ac(circuit, sweep);
    } catch (NgspiceException e) {
      throw new InputException("--check-ngspice", "ngspice failed: " + e.getMessage());
    }
    Complex[] exact = new Complex[ac.size()];
    double max = 0;
    for (int i = 0; i < exact.length; i++) {
      exact[i] = tf.evaluate(2 * Math.PI * ac.frequencyHz()[i]);
      max = Math.max(max, exact[i].norm());
    }
    double worst = 0;
    double worstF = Double.NaN;
    for (int i = 0; i < exact.length; i++) {
      double scale = Math.max(exact[i].norm(), 1e-9 * max);
      double err = exact[i].subtract(ac.h()[i]).norm() / scale;
      if (!(err <= worst)) {
        worst = err;
        worstF = ac.frequencyHz()[i];
      }
    }
    return new NgspiceCheck(ac.size(), worst, worstF);
  }
}
