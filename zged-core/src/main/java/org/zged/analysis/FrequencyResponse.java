package org.zged.analysis;

/** |H| in dB and arg H in degrees at each frequency (Hz). */
public record FrequencyResponse(double[] frequencyHz, double[] magnitudeDb, double[] phaseDeg) {

  public int size() {
    return frequencyHz.length;
  }

  /** Log-spaced grid with {@code pointsPerDecade} points per decade, both ends included. */
  public static double[] logGrid(double fStartHz, double fStopHz, int pointsPerDecade) {
    double decades = Math.log10(fStopHz / fStartHz);
    int n = (int) Math.round(decades * pointsPerDecade) + 1;
    double[] f = new double[n];
    for (int i = 0; i < n; i++) {
      f[i] = fStartHz * Math.pow(10, (double) i / pointsPerDecade);
    }
    return f;
  }
}
