package org.zged.analysis;

/**
 * Evaluates H(jω) from its factors, the allocation-free hot path of the frequency response.
 *
 * <p>Each real root r gives the factor (jω − r) and each conjugate pair z, z̄ the real quadratic
 * (|z|² − ω²) − j·2Re(z)·ω, stored as value = (c0 + c2·ω²) + j·c1·ω. Everything is in units of the
 * set's frequency scale, so that factors stay near 1 and the products N and D of numerator and
 * denominator factors cannot overflow; the scale and the gain K go into a constant dB offset. Per
 * frequency that leaves products, one logarithm and one arctangent: the factored form is also
 * accurate at every frequency, where expanded coefficients lose digits far from the roots.
 */
final class FactoredResponse {
  private final double scale;
  private final double gainDb;
  private final boolean negativeGain;
  private final double[] num;
  private final double[] den;

  FactoredResponse(PoleZeroSet pz) {
    this.scale = pz.scale;
    this.num = factors(pz.zeroRe, pz.zeroIm, scale);
    this.den = factors(pz.poleRe, pz.poleIm, scale);
    // |K|·scale^(nz − np), in dB, without forming a possibly overflowing power
    this.gainDb =
        20 * Math.log10(Math.abs(pz.gain))
            + 20.0 * (pz.zeroCount() - pz.poleCount()) * Math.log10(scale);
    this.negativeGain = pz.gain < 0;
  }

  /** Triples {c0, c1, c2} per factor, in units of the scale. */
  private static double[] factors(double[] re, double[] im, double scale) {
    int count = 0;
    for (double v : im) {
      count += v >= 0 ? 1 : 0;
    }
    double[] out = new double[3 * count];
    int o = 0;
    for (int i = 0; i < re.length; i++) {
      double r = re[i] / scale;
      double m = im[i] / scale;
      if (im[i] == 0) {
        out[o++] = -r;
        out[o++] = 1;
        out[o++] = 0;
      } else if (im[i] > 0) {
        out[o++] = r * r + m * m;
        out[o++] = -2 * r;
        out[o++] = -1;
      }
    }
    return out;
  }

  /**
   * Writes 20·log10|H| (dB) and arg H (degrees, in (−180, 180]) for each frequency in Hz. Nothing
   * is allocated.
   */
  void evaluate(double[] freqHz, double[] magnitudeDb, double[] phaseDeg) {
    final double toRadScaled = 2 * Math.PI / scale;
    final double toDeg = 180 / Math.PI;
    final double[] num = this.num;
    final double[] den = this.den;
    for (int f = 0; f < freqHz.length; f++) {
      double w = toRadScaled * freqHz[f];
      double w2 = w * w;
      double nr = 1;
      double ni = 0;
      for (int b = 0; b < num.length; b += 3) {
        double fr = num[b] + num[b + 2] * w2;
        double fi = num[b + 1] * w;
        double t = nr * fr - ni * fi;
        ni = nr * fi + ni * fr;
        nr = t;
      }
      double dr = 1;
      double di = 0;
      for (int b = 0; b < den.length; b += 3) {
        double fr = den[b] + den[b + 2] * w2;
        double fi = den[b + 1] * w;
        double t = dr * fr - di * fi;
        di = dr * fi + di * fr;
        dr = t;
      }
      // H ∝ N/D = N·conj(D)/|D|²: the phase needs no division
      double hr = nr * dr + ni * di;
      double hi = ni * dr - nr * di;
      if (negativeGain) {
        hr = -hr;
        hi = -hi;
      }
      magnitudeDb[f] = gainDb + 10 * Math.log10((nr * nr + ni * ni) / (dr * dr + di * di));
      phaseDeg[f] = FastAtan2.atan2(hi, hr) * toDeg;
    }
  }
}
