package org.zged.synthesis;

import org.hipparchus.util.FastMath;

/**
 * Closed-form element values (g-values) of doubly terminated Butterworth and Chebyshev low-pass
 * ladders, source g₀ = 1, passband edge 1 rad/s, for any load ratio the response allows — the
 * formulas of Takahasi (1951) as given by Matthaei, Young and Jones and by Zverev:
 *
 * <pre>
 *   aₖ = sin((2k − 1)π/(2N))
 *   g₁ = 2a₁/(x − y),   gₖ·gₖ₊₁ = 4aₖaₖ₊₁ / bₖ
 *   Butterworth: x = 1,  y = (1 − K)^{1/(2N)},            bₖ = 1 + y² − 2y·cos(kπ/N)
 *   Chebyshev:   x = sinh(asinh(1/ε)/N), y = sinh(asinh(√(1 − K)/ε)/N),
 *                bₖ = x² + y² + sin²(kπ/N) − 2xy·cos(kπ/N)
 * </pre>
 *
 * K is the transducer gain at the passband maximum: 4r/(1 + r)² for odd N (and Butterworth), (1 +
 * ε²)·4r/(1 + r)² for even-order Chebyshev, r the load-to-source resistance ratio. The sign of y
 * picks the load side: for the shunt-first form y > 0 gives r < 1 and y < 0 gives r > 1 (odd N);
 * even-order Chebyshev has y > 0 only, so its shunt-first form always has r < 1.
 */
public final class GValues {
  private GValues() {}

  /** g₁..g_N for a Butterworth ladder with y ≥ 0 (r ≤ 1) or y ≤ 0 (r ≥ 1). */
  public static double[] butterworth(int n, double k, boolean loadBelowSource) {
    double y = Math.pow(Math.max(0, 1 - k), 1.0 / (2 * n));
    if (!loadBelowSource) {
      y = -y;
    }
    double[] b = new double[n];
    for (int i = 1; i < n; i++) {
      b[i] = 1 + y * y - 2 * y * Math.cos(i * Math.PI / n);
    }
    return recurse(n, 1, y, b);
  }

  public static double[] chebyshev(int n, double eps, double k, boolean loadBelowSource) {
    double x = Math.sinh(FastMath.asinh(1 / eps) / n);
    double y = Math.sinh(FastMath.asinh(Math.sqrt(Math.max(0, 1 - k)) / eps) / n);
    if (!loadBelowSource) {
      y = -y;
    }
    double[] b = new double[n];
    for (int i = 1; i < n; i++) {
      double s = Math.sin(i * Math.PI / n);
      b[i] = x * x + y * y + s * s - 2 * x * y * Math.cos(i * Math.PI / n);
    }
    return recurse(n, x, y, b);
  }

  private static double[] recurse(int n, double x, double y, double[] b) {
    double[] g = new double[n];
    g[0] = 2 * a(1, n) / (x - y);
    for (int k = 1; k < n; k++) {
      g[k] = 4 * a(k, n) * a(k + 1, n) / (b[k] * g[k - 1]);
    }
    return g;
  }

  private static double a(int k, int n) {
    return Math.sin((2 * k - 1) * Math.PI / (2.0 * n));
  }
}
