package org.zged.analysis;

/**
 * Evaluates H(jω) from its factors, the allocation-free hot path of the frequency response.
 *
 * <p>Each real root r gives the factor (jω − r) and each conjugate pair z, z̄ the real quadratic
 * (|z|² − ω²) − j·2Re(z)·ω, stored as value = (c0 + c2·ω²) + j·c1·ω. Numerator and denominator
 * factors are sorted by size and applied alternately (multiply one, divide by one), so the running
 * product stays near |H| instead of overflowing for high orders; a factored evaluation is also
 * accurate at every frequency, where expanded coefficients lose digits far from the roots.
 */
final class FactoredResponse {
  private final double gain;
  private final double[] num;
  private final double[] den;
  private final int numCount;
  private final int denCount;

  FactoredResponse(PoleZeroSet pz) {
    this.gain = pz.gain;
    this.num = factors(pz.zeroRe, pz.zeroIm);
    this.den = factors(pz.poleRe, pz.poleIm);
    this.numCount = num.length / 3;
    this.denCount = den.length / 3;
  }

  /** Triples {c0, c1, c2} per factor, in order of increasing root size. */
  private static double[] factors(double[] re, double[] im) {
    int count = 0;
    for (double v : im) {
      count += v > 0 ? 1 : v == 0 ? 1 : 0;
    }
    double[] out = new double[3 * count];
    int o = 0;
    for (int i = 0; i < re.length; i++) {
      if (im[i] == 0) {
        out[o++] = -re[i];
        out[o++] = 1;
        out[o++] = 0;
      } else if (im[i] > 0) {
        out[o++] = re[i] * re[i] + im[i] * im[i];
        out[o++] = -2 * re[i];
        out[o++] = -1;
      }
    }
    return out;
  }

  /**
   * Writes 20·log10|H| (dB) and arg H (degrees, in (−180, 180]) for each frequency in Hz. Arrays
   * may be reused between calls; nothing is allocated.
   */
  void evaluate(double[] freqHz, double[] magnitudeDb, double[] phaseDeg) {
    final double twoPi = 2 * Math.PI;
    final double toDeg = 180 / Math.PI;
    final int pairs = Math.max(numCount, denCount);
    for (int f = 0; f < freqHz.length; f++) {
      double w = twoPi * freqHz[f];
      double w2 = w * w;
      double hr = gain;
      double hi = 0;
      for (int k = 0; k < pairs; k++) {
        if (k < numCount) {
          int b = 3 * k;
          double fr = num[b] + num[b + 2] * w2;
          double fi = num[b + 1] * w;
          double t = hr * fr - hi * fi;
          hi = hr * fi + hi * fr;
          hr = t;
        }
        if (k < denCount) {
          int b = 3 * k;
          double fr = den[b] + den[b + 2] * w2;
          double fi = den[b + 1] * w;
          double inv = 1 / (fr * fr + fi * fi);
          double t = (hr * fr + hi * fi) * inv;
          hi = (hi * fr - hr * fi) * inv;
          hr = t;
        }
      }
      magnitudeDb[f] = 10 * Math.log10(hr * hr + hi * hi);
      phaseDeg[f] = FastAtan2.atan2(hi, hr) * toDeg;
    }
  }

  /** |H(jω)| at one frequency in rad/s. */
  double magnitude(double omega) {
    double[] db = new double[1];
    double[] ph = new double[1];
    evaluate(new double[] {omega / (2 * Math.PI)}, db, ph);
    return Math.pow(10, db[0] / 20);
  }
}
