package org.zged.spice;

import org.hipparchus.complex.Complex;

/** An ngspice AC sweep: the frequencies (Hz) and the complex V(vout) for a 1 V AC source at VIN. */
public record NgspiceAc(double[] frequencyHz, Complex[] h) {
  public int size() {
    return frequencyHz.length;
  }
}
