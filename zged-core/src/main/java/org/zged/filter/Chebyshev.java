package org.zged.filter;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.complex.Complex;
import org.hipparchus.util.FastMath;

/**
 * Chebyshev type I: |H(jω)|² = 1/(1 + ε²T_N²(ω)), equiripple between 1 and 1/√(1 + ε²) up to the
 * ripple edge 1 rad/s, ε² = 10^{Ap/10} − 1.
 */
public final class Chebyshev {
  private Chebyshev() {}

  public static Prototype prototype(int n, double rippleDb) {
    return prototype(n, rippleDb, false);
  }

  /**
   * With {@code matched} an even order is the type-C variant ({@link EvenOrderMap}: the lowest
   * reflection zero cos((N − 1)π/(2N)) moved to DC, so |H(0)| = 1 and Rs = RL works).
   */
  public static Prototype prototype(int n, double rippleDb, boolean matched) {
    double eps = epsilon(rippleDb);
    boolean typeC = matched && n % 2 == 0;
    List<Complex> poles = poles(n, eps);
    if (typeC) {
      poles = typeC(n).mapRoots(poles);
    }
    double gain = 1;
    for (Complex p : poles) {
      gain *= p.norm();
    }
    if (n % 2 == 0 && !typeC) {
      gain /= Math.sqrt(1 + eps * eps); // the maximum 1 is at the ripple peaks, not at DC
    }
    return new Prototype(
        Response.CHEBYSHEV,
        n,
        poles,
        List.of(),
        gain,
        rippleDb,
        Double.NaN,
        Double.NaN,
        eps,
        typeC ? Prototype.Variant.C : Prototype.Variant.A);
  }

  static EvenOrderMap typeC(int n) {
    return EvenOrderMap.typeC(Double.POSITIVE_INFINITY, Math.cos((n - 1) * Math.PI / (2.0 * n)));
  }

  static double epsilon(double rippleDb) {
    return Math.sqrt(Math.expm1(rippleDb * Math.log(10) / 10));
  }

  /**
   * The roots in the left half plane of 1 + ε²T_N²(s/j) = 0: −sinh(a)·sin θₖ + j·cosh(a)·cos θₖ, a
   * = asinh(1/ε)/N, θₖ = (2k − 1)π/(2N).
   */
  public static List<Complex> poles(int n, double eps) {
    double a = FastMath.asinh(1 / eps) / n;
    double sh = Math.sinh(a);
    double ch = Math.cosh(a);
    List<Complex> out = new ArrayList<>(n);
    for (int k = 1; k <= n / 2; k++) {
      double theta = Math.PI * (2 * k - 1) / (2.0 * n);
      Complex p = new Complex(-sh * Math.sin(theta), ch * Math.cos(theta));
      out.add(p);
      out.add(p.conjugate());
    }
    if (n % 2 == 1) {
      out.add(new Complex(-sh, 0));
    }
    return out;
  }

  /** The cheb1ord minimum order: ⌈acosh(√((10^{As/10} − 1)/(10^{Ap/10} − 1))) / acosh Ω⌉. */
  public static int minimumOrder(double rippleDb, double attenuationDb, double selectivity) {
    return (int) Math.ceil(continuousOrder(rippleDb, attenuationDb, selectivity));
  }

  static double continuousOrder(double rippleDb, double attenuationDb, double selectivity) {
    double gs = Math.expm1(attenuationDb * Math.log(10) / 10);
    double gp = Math.expm1(rippleDb * Math.log(10) / 10);
    return FastMath.acosh(Math.sqrt(gs / gp)) / FastMath.acosh(selectivity);
  }
}
