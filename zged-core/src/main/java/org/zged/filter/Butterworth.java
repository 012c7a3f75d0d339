package org.zged.filter;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.complex.Complex;

/** Maximally flat: |H(jω)|² = 1/(1 + ω^{2N}), -3 dB at 1 rad/s. */
public final class Butterworth {
  private Butterworth() {}

  public static Prototype prototype(int n) {
    return new Prototype(
        Response.BUTTERWORTH,
        n,
        poles(n, 1),
        List.of(),
        1,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        1,
        Prototype.Variant.A);
  }

  /** pₖ = r·exp(jπ(2k + N − 1)/(2N)), k = 1..N, in conjugate order; the real one exactly real. */
  public static List<Complex> poles(int n, double r) {
    List<Complex> out = new ArrayList<>(n);
    for (int k = 1; k <= n / 2; k++) {
      double theta = Math.PI * (2 * k - 1) / (2.0 * n);
      Complex p = new Complex(-r * Math.sin(theta), r * Math.cos(theta));
      out.add(p);
      out.add(p.conjugate());
    }
    if (n % 2 == 1) {
      out.add(new Complex(-r, 0));
    }
    return out;
  }

  /**
   * The buttord minimum order: ⌈log₁₀((10^{As/10} − 1)/(10^{Ap/10} − 1)) / (2·log₁₀ Ω)⌉ with Ω the
   * stopband-to-passband edge ratio of the low-pass equivalent.
   */
  public static int minimumOrder(double rippleDb, double attenuationDb, double selectivity) {
    return (int) Math.ceil(continuousOrder(rippleDb, attenuationDb, selectivity));
  }

  static double continuousOrder(double rippleDb, double attenuationDb, double selectivity) {
    double gs = Math.expm1(attenuationDb * Math.log(10) / 10);
    double gp = Math.expm1(rippleDb * Math.log(10) / 10);
    return Math.log10(gs / gp) / (2 * Math.log10(selectivity));
  }
}
