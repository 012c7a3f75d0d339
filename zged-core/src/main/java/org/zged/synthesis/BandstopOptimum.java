package org.zged.synthesis;

import org.zged.analysis.ResponseClass;

/**
 * The band-stop low-pass equivalent as scipy's buttord/cheb1ord/ellipord compute it: the passband
 * edges may move towards the stopband (a stricter filter that still meets the mask) so that the
 * geometric centre suits the stopband; first the lower edge in [p₁, s₁), then the upper in (s₂,
 * p₂], each maximising the selectivity min |B·ωs/(ωs² − ω0²)| (every order formula falls as it
 * grows). Golden-section search on a unimodal 1-D function; the end points are compared too.
 */
final class BandstopOptimum {
  private BandstopOptimum() {}

  static LadderDesigner.LowpassEquivalent of(
      double p1, double p2, double s1, double s2, double rippleDb, double attenuationDb) {
    double lo = maximise(x -> sel(x, p2, s1, s2), p1, s1 * (1 - 1e-12));
    double hi = maximise(x -> sel(lo, x, s1, s2), s2 * (1 + 1e-12), p2);
    return new LadderDesigner.LowpassEquivalent(
        ResponseClass.BANDSTOP, lo, hi, sel(lo, hi, s1, s2));
  }

  private static double sel(double p1, double p2, double s1, double s2) {
    return LadderDesigner.LowpassEquivalent.bandstopSelectivity(p1, p2, s1, s2);
  }

  private static double maximise(java.util.function.DoubleUnaryOperator f, double a, double b) {
    double g = (Math.sqrt(5) - 1) / 2;
    double x1 = b - g * (b - a);
    double x2 = a + g * (b - a);
    double f1 = f.applyAsDouble(x1);
    double f2 = f.applyAsDouble(x2);
    for (int i = 0; i < 200 && b - a > 1e-15 * Math.abs(b); i++) {
      if (f1 < f2) {
        a = x1;
        x1 = x2;
        f1 = f2;
        x2 = a + g * (b - a);
        f2 = f.applyAsDouble(x2);
      } else {
        b = x2;
        x2 = x1;
        f2 = f1;
        x1 = b - g * (b - a);
        f1 = f.applyAsDouble(x1);
      }
    }
    double best = (a + b) / 2;
    for (double end : new double[] {a, b}) {
      if (f.applyAsDouble(end) > f.applyAsDouble(best)) {
        best = end;
      }
    }
    return best;
  }
}
