package org.zged.netlist;

/** A SPICE {@code .ac dec} sweep: points per decade from fStart to fStop (Hz). */
public record AcSweep(int pointsPerDecade, double fStartHz, double fStopHz) {
  /** 10 Hz to 100 MHz at 100 points per decade: 701 points, the reference's grid. */
  public static final AcSweep DEFAULT = new AcSweep(100, 10, 1e8);

  public AcSweep {
    if (pointsPerDecade < 1) {
      throw new IllegalArgumentException("points per decade must be >= 1");
    }
    if (!(fStartHz > 0) || !(fStopHz > fStartHz) || Double.isInfinite(fStopHz)) {
      throw new IllegalArgumentException("need 0 < fstart < fstop");
    }
  }
}
