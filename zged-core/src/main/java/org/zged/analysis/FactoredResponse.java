package org.zged.analysis;

import java.util.Arrays;

/**
 * Evaluates H(jω) from its factors, the hot path of the frequency response.
 *
 * <p>Each real root r gives the factor (jω − r) and each conjugate pair z, z̄ the real quadratic
 * (|z|² − ω²) − j·2Re(z)·ω, stored as value = (c0 + c2·ω²) + j·c1·ω. Everything is in units of the
 * set's frequency scale, so that factors stay near 1 and the products N and D of numerator and
 * denominator factors cannot overflow; the scale and the gain K go into a constant dB offset. Per
 * frequency that leaves products, one logarithm ({@link FastLog}) and one arctangent ({@link
 * FastAtan2}): the factored form is also accurate at every frequency, where expanded coefficients
 * lose digits far from the roots.
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
   * Points per block. The work is split into passes over a block (factor products, then logarithms,
   * then arctangents) because short loops with independent iterations let the JIT vectorise the
   * products and the CPU overlap the long latency chains of consecutive points; one loop doing all
   * of it per point was about a third slower. 64 points keep the six scratch arrays (3 KB) in L1.
   */
  private static final int BLOCK = 64;

  /**
   * Writes 20·log10|H| (dB) and arg H (degrees, in (−180, 180]) for each frequency in Hz. Only six
   * small scratch arrays are allocated, whatever the grid size.
   */
  void evaluate(double[] freqHz, double[] magnitudeDb, double[] phaseDeg) {
    final double toRadScaled = 2 * Math.PI / scale;
    final double toDeg = 180 / Math.PI;
    // FastLog gives ln, and 10·log10 r = ln r · 10/ln 10 costs one multiplication more
    final double dbPerNeper = 10 / Math.log(10);
    final double sign = negativeGain ? -1 : 1;
    double[] w = new double[BLOCK];
    double[] w2 = new double[BLOCK];
    double[] nr = new double[BLOCK];
    double[] ni = new double[BLOCK];
    double[] dr = new double[BLOCK];
    double[] di = new double[BLOCK];
    double[] expN = new double[BLOCK];
    double[] expD = new double[BLOCK];
    final double dbPerBinade = 20 * Math.log10(2);
    for (int start = 0; start < freqHz.length; start += BLOCK) {
      int n = Math.min(BLOCK, freqHz.length - start);
      for (int i = 0; i < n; i++) {
        double v = toRadScaled * freqHz[start + i];
        w[i] = v;
        w2[i] = v * v;
      }
      multiplyFactors(num, w, w2, nr, ni, expN, n);
      multiplyFactors(den, w, w2, dr, di, expD, n);
      // H ∝ N/D = N·conj(D)/|D|²: the phase needs no division; w and w2 are free again and take
      // Re and Im of N·conj(D)
      for (int i = 0; i < n; i++) {
        double a = nr[i];
        double b = ni[i];
        double c = dr[i];
        double d = di[i];
        magnitudeDb[start + i] = (a * a + b * b) / (c * c + d * d);
        w[i] = sign * (a * c + b * d);
        w2[i] = sign * (b * c - a * d);
      }
      for (int i = 0; i < n; i++) {
        magnitudeDb[start + i] =
            gainDb
                + dbPerNeper * FastLog.ln(magnitudeDb[start + i])
                + dbPerBinade * (expN[i] - expD[i]);
      }
      for (int i = 0; i < n; i++) {
        phaseDeg[start + i] = FastAtan2.atan2(w2[i], w[i]) * toDeg;
      }
    }
  }

  /** Factors between two range checks: 4 factors of up to 1e40 each cannot overflow from 1e100. */
  private static final int RESCALE_EVERY = 4;

  /**
   * (re + j·im)·2^exp = Π factor(jω) over the first n points, factor by factor. Many factors far
   * above or below the scale (a 20th-order filter a few decades out) would overflow a double, so
   * every {@link #RESCALE_EVERY} factors (and at the end) a product outside 1e±100 is scaled by a
   * power of two (exact) and the power kept in exp; small filters never get there.
   */
  private static void multiplyFactors(
      double[] factors, double[] w, double[] w2, double[] re, double[] im, double[] exp, int n) {
    Arrays.fill(re, 0, n, 1.0);
    Arrays.fill(im, 0, n, 0.0);
    Arrays.fill(exp, 0, n, 0.0);
    for (int b = 0; b < factors.length; b += 3) {
      if (b > 0 && (b / 3) % RESCALE_EVERY == 0) {
        rescale(re, im, exp, n);
      }
      double c0 = factors[b];
      double c1 = factors[b + 1];
      double c2 = factors[b + 2];
      for (int i = 0; i < n; i++) {
        double fr = c0 + c2 * w2[i];
        double fi = c1 * w[i];
        double r = re[i];
        double m = im[i];
        re[i] = r * fr - m * fi;
        im[i] = r * fi + m * fr;
      }
    }
    if (factors.length > 3 * RESCALE_EVERY) {
      rescale(re, im, exp, n);
    }
  }

  private static void rescale(double[] re, double[] im, double[] exp, int n) {
    for (int i = 0; i < n; i++) {
      double m = Math.abs(re[i]) + Math.abs(im[i]);
      if (m > 1e100 || (m < 1e-100 && m > 0)) {
        int e = Math.getExponent(m);
        re[i] = Math.scalb(re[i], -e);
        im[i] = Math.scalb(im[i], -e);
        exp[i] += e;
      }
    }
  }
}
