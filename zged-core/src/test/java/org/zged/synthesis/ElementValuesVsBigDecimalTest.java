package org.zged.synthesis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.zged.filter.Butterworth;
import org.zged.filter.Chebyshev;
import org.zged.filter.Prototype;

/**
 * Element values within 1e-9 (relative) of an independent 40-digit computation: the Takahasi
 * g-value recursion evaluated here in BigDecimal with its own series for sin, sinh, asinh (no
 * double anywhere but the inputs), for Butterworth and Chebyshev, equal and unequal terminations,
 * odd and even orders, against both production paths — the closed form in double and the
 * driving-point synthesis (a different method).
 */
class ElementValuesVsBigDecimalTest {
  private static final MathContext MC = new MathContext(40);
  private static final BigDecimal PI = pi();
  private static final BigDecimal TWO = BigDecimal.valueOf(2);

  @Test
  void butterworthAgreesWithTheBigDecimalRecursion() {
    for (int n = 1; n <= 10; n++) {
      for (double r : new double[] {1, 0.5, 0.2, 2, 5}) {
        Prototype p = Butterworth.prototype(n);
        // shunt-first ladder with load r (r <= 1: y >= 0) or its dual (1/r)
        double q = r <= 1 ? r : 1 / r;
        LadderForm form = r <= 1 ? LadderForm.MIN_INDUCTOR : LadderForm.MIN_CAPACITOR;
        BigDecimal k = kOf(q, BigDecimal.ONE);
        BigDecimal[] g = reference(n, BigDecimal.ONE, yButterworth(n, k), false);
        compare(g, ClosedFormLadder.of(p, r, form), "butterworth closed n=" + n + " r=" + r);
        compare(
            g,
            DrivingPointSynthesis.synthesize(p, 1, r, form),
            "butterworth dp n=" + n + " r=" + r,
            dpTolerance(n));
      }
    }
  }

  @Test
  void chebyshevAgreesWithTheBigDecimalRecursion() {
    for (double ripple : new double[] {0.1, 0.5, 1.0}) {
      for (int n = 1; n <= 10; n++) {
        for (double q : new double[] {1, 0.5, 0.2}) {
          if (n % 2 == 0 && q == 1) {
            continue; // not realisable (tested elsewhere)
          }
          Prototype p = Chebyshev.prototype(n, ripple);
          BigDecimal eps2 =
              BigDecimal.TEN.pow(0).multiply(tenPow(ripple / 10)).subtract(BigDecimal.ONE);
          BigDecimal h0sq =
              n % 2 == 0 ? BigDecimal.ONE.divide(BigDecimal.ONE.add(eps2), MC) : BigDecimal.ONE;
          BigDecimal k = kOf(q, h0sq);
          if (k.compareTo(BigDecimal.ONE) > 0) {
            continue; // even order too close to matched
          }
          BigDecimal eps = eps2.sqrt(MC);
          BigDecimal x =
              sinh(asinh(BigDecimal.ONE.divide(eps, MC)).divide(BigDecimal.valueOf(n), MC));
          BigDecimal y =
              sinh(
                  asinh(BigDecimal.ONE.subtract(k).sqrt(MC).divide(eps, MC))
                      .divide(BigDecimal.valueOf(n), MC));
          BigDecimal[] g = reference(n, x, y, true);
          String what = "chebyshev " + ripple + " n=" + n + " q=" + q;
          compare(g, ClosedFormLadder.of(p, q, LadderForm.MIN_INDUCTOR), what + " closed");
          compare(
              g, DrivingPointSynthesis.synthesize(p, 1, q, LadderForm.MIN_INDUCTOR), what + " dp");
        }
      }
    }
  }

  /** K = 4q/(1 + q)² / |H(0)|². */
  private static BigDecimal kOf(double q, BigDecimal h0sq) {
    BigDecimal b = new BigDecimal(q);
    return BigDecimal.valueOf(4)
        .multiply(b)
        .divide(BigDecimal.ONE.add(b).pow(2), MC)
        .divide(h0sq, MC);
  }

  private static BigDecimal yButterworth(int n, BigDecimal k) {
    BigDecimal rest = BigDecimal.ONE.subtract(k);
    if (rest.signum() <= 0) {
      return BigDecimal.ZERO;
    }
    return exp(ln(rest).divide(BigDecimal.valueOf(2L * n), MC));
  }

  /** g₁ = 2a₁/(x − y), gₖgₖ₊₁ = 4aₖaₖ₊₁/bₖ. */
  private static BigDecimal[] reference(int n, BigDecimal x, BigDecimal y, boolean chebyshev) {
    BigDecimal[] g = new BigDecimal[n];
    g[0] = TWO.multiply(a(1, n)).divide(x.subtract(y), MC);
    for (int k = 1; k < n; k++) {
      BigDecimal angle = PI.multiply(BigDecimal.valueOf(k)).divide(BigDecimal.valueOf(n), MC);
      BigDecimal c = sin(PI.divide(TWO, MC).subtract(angle));
      BigDecimal b =
          x.multiply(x).add(y.multiply(y)).subtract(TWO.multiply(x).multiply(y).multiply(c));
      if (chebyshev) {
        BigDecimal s = sin(angle);
        b = b.add(s.multiply(s));
      }
      g[k] =
          BigDecimal.valueOf(4)
              .multiply(a(k, n))
              .multiply(a(k + 1, n))
              .divide(b.multiply(g[k - 1]), MC);
    }
    return g;
  }

  private static BigDecimal a(int k, int n) {
    return sin(PI.multiply(BigDecimal.valueOf(2L * k - 1)).divide(BigDecimal.valueOf(2L * n), MC));
  }

  /**
   * The driving-point synthesis (singly terminated Butterworth/Chebyshev, the cross-check here)
   * builds E and F from exact polynomials in BigDecimal; from double-precision poles it was off by
   * 8e-7 at N = 10, which this check caught.
   */
  private static double dpTolerance(int n) {
    return 1e-9;
  }

  private static void compare(BigDecimal[] g, Ladder l, String what) {
    compare(g, l, what, 1e-9);
  }

  private static void compare(BigDecimal[] g, Ladder l, String what, double tol) {
    List<Double> v = l.values();
    assertEquals(g.length, v.size(), what);
    for (int i = 0; i < g.length; i++) {
      double ref = g[i].doubleValue();
      assertEquals(1, v.get(i) / ref, tol, what + " g" + (i + 1) + ": " + v.get(i) + " vs " + g[i]);
    }
  }

  private static BigDecimal tenPow(double e) {
    return exp(new BigDecimal(e).multiply(ln(BigDecimal.TEN), MC));
  }

  // --- BigDecimal elementary functions (series; argument reduction where needed) ---

  static BigDecimal pi() {
    // Machin: π = 16·atan(1/5) − 4·atan(1/239)
    return atanInv(5)
        .multiply(BigDecimal.valueOf(16))
        .subtract(atanInv(239).multiply(BigDecimal.valueOf(4)), MC);
  }

  private static BigDecimal atanInv(int x) {
    BigDecimal sum = BigDecimal.ZERO;
    BigDecimal xx = BigDecimal.valueOf((long) x * x);
    BigDecimal term = BigDecimal.ONE.divide(BigDecimal.valueOf(x), MC);
    for (int k = 0; k < 200; k++) {
      BigDecimal t = term.divide(BigDecimal.valueOf(2L * k + 1), MC);
      sum = k % 2 == 0 ? sum.add(t, MC) : sum.subtract(t, MC);
      term = term.divide(xx, MC);
    }
    return sum;
  }

  static BigDecimal sin(BigDecimal x) {
    BigDecimal sum = BigDecimal.ZERO;
    BigDecimal term = x;
    BigDecimal x2 = x.multiply(x, MC);
    for (int k = 1; k < 120; k++) {
      sum = sum.add(term, MC);
      term = term.multiply(x2, MC).negate().divide(BigDecimal.valueOf((2L * k) * (2L * k + 1)), MC);
    }
    return sum;
  }

  static BigDecimal exp(BigDecimal x) {
    // exp(x) = exp(x/2^m)^(2^m)
    int m = 0;
    BigDecimal r = x;
    while (r.abs().compareTo(BigDecimal.valueOf(0.01)) > 0) {
      r = r.divide(TWO, MC);
      m++;
    }
    BigDecimal sum = BigDecimal.ONE;
    BigDecimal term = BigDecimal.ONE;
    for (int k = 1; k < 60; k++) {
      term = term.multiply(r, MC).divide(BigDecimal.valueOf(k), MC);
      sum = sum.add(term, MC);
    }
    for (int i = 0; i < m; i++) {
      sum = sum.multiply(sum, MC);
    }
    return sum;
  }

  static BigDecimal ln(BigDecimal x) {
    BigDecimal y = new BigDecimal(Math.log(x.doubleValue()));
    for (int i = 0; i < 8; i++) {
      BigDecimal e = exp(y);
      y = y.add(TWO.multiply(x.subtract(e)).divide(x.add(e), MC), MC); // Halley step
    }
    return y;
  }

  static BigDecimal sinh(BigDecimal x) {
    BigDecimal e = exp(x);
    return e.subtract(BigDecimal.ONE.divide(e, MC)).divide(TWO, MC);
  }

  static BigDecimal asinh(BigDecimal x) {
    return ln(x.add(x.multiply(x).add(BigDecimal.ONE).sqrt(MC)));
  }
}
