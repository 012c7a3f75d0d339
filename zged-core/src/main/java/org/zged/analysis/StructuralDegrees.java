package org.zged.analysis;

import java.util.SplittableRandom;

/**
 * How many poles and zeros a circuit has, and how many sit at s = 0, decided from its structure
 * alone, never from computed values.
 *
 * <p>Why this is possible: by the (all-minors) matrix-tree theorem, every coefficient of the
 * denominator det(s·Y(s)) and of the numerator (the same determinant with the VOUT column replaced
 * by the source admittances) is a sum, over spanning forests, of products of element values —
 * positive terms only, so a coefficient is non-zero for all positive values exactly when it is
 * non-zero as a polynomial in the values. That is decided by evaluating it at random values modulo
 * the prime 2^61 − 1 (Schwartz–Zippel: a non-zero coefficient vanishes there with probability below
 * 1e-16); the determinant is evaluated exactly in that field at 2n + 1 points and interpolated.
 */
final class StructuralDegrees {
  static final long P = (1L << 61) - 1;

  private StructuralDegrees() {}

  /** {lowest, highest} power of s with a non-zero coefficient, or null for the zero polynomial. */
  static int[] denominator(NodalSystem sys) {
    return range(sys, false);
  }

  static int[] numerator(NodalSystem sys) {
    return range(sys, true);
  }

  private static int[] range(NodalSystem sys, boolean numerator) {
    int n = sys.size();
    // fixed seed: the answer must not depend on the run (and is the same for any seed w.h.p.)
    SplittableRandom rnd = new SplittableRandom(0x5eed_0010L);
    int edges = sys.edgeA.length;
    long[][] w = new long[edges][3];
    for (int e = 0; e < edges; e++) {
      for (int k = 0; k < 3; k++) {
        w[e][k] = sys.edgeKinds[e][k] ? 1 + rnd.nextLong(P - 1) : 0;
      }
    }
    int points = 2 * n + 1;
    long[] xs = new long[points];
    long[] ys = new long[points];
    long[][] m = new long[n][n];
    for (int t = 0; t < points; t++) {
      long s = t + 1;
      long s2 = mul(s, s);
      for (long[] row : m) {
        java.util.Arrays.fill(row, 0);
      }
      for (int e = 0; e < edges; e++) {
        // entry of s·Y: Γ + s·G + s²·C
        long y = add(add(w[e][0], mul(s, w[e][1])), mul(s2, w[e][2]));
        int a = sys.edgeA[e];
        int b = sys.edgeB[e];
        if (a >= 0) {
          m[a][a] = add(m[a][a], y);
        }
        if (b >= 0) {
          m[b][b] = add(m[b][b], y);
        }
        if (a >= 0 && b >= 0) {
          m[a][b] = sub(m[a][b], y);
          m[b][a] = sub(m[b][a], y);
        }
        if (numerator) {
          // column 0 (VOUT) becomes the source vector: admittances to VIN
          if (a == NodalSystem.INPUT && b >= 0) {
            m[b][0] = add(m[b][0], y);
          } else if (b == NodalSystem.INPUT && a >= 0) {
            m[a][0] = add(m[a][0], y);
          }
        }
      }
      if (numerator) {
        // the stamps above also put the node-0 admittances into column 0: remove them
        for (int i = 0; i < n; i++) {
          m[i][0] = sub(m[i][0], stampedColumn0(sys, w, s, s2, i));
        }
      }
      xs[t] = s;
      ys[t] = det(m, n);
    }
    long[] c = interpolate(xs, ys);
    int lo = -1;
    int hi = -1;
    for (int k = 0; k < c.length; k++) {
      if (c[k] != 0) {
        if (lo < 0) {
          lo = k;
        }
        hi = k;
      }
    }
    return lo < 0 ? null : new int[] {lo, hi};
  }

  /** The entry (i, 0) of s·Y alone, to be replaced in the numerator's matrix. */
  private static long stampedColumn0(NodalSystem sys, long[][] w, long s, long s2, int i) {
    long v = 0;
    for (int e = 0; e < sys.edgeA.length; e++) {
      int a = sys.edgeA[e];
      int b = sys.edgeB[e];
      long y = add(add(w[e][0], mul(s, w[e][1])), mul(s2, w[e][2]));
      if (i == 0 && (a == 0 || b == 0)) {
        v = add(v, y);
      }
      if (i != 0 && ((a == i && b == 0) || (a == 0 && b == i))) {
        v = sub(v, y);
      }
    }
    return v;
  }

  /** det of the n×n matrix modulo P by elimination (destroys m). */
  static long det(long[][] m, int n) {
    long d = 1;
    for (int col = 0; col < n; col++) {
      int piv = -1;
      for (int r = col; r < n; r++) {
        if (m[r][col] != 0) {
          piv = r;
          break;
        }
      }
      if (piv < 0) {
        return 0;
      }
      if (piv != col) {
        long[] t = m[piv];
        m[piv] = m[col];
        m[col] = t;
        d = sub(0, d);
      }
      d = mul(d, m[col][col]);
      if (col == n - 1) {
        break; // no row below: the last pivot needs no inverse
      }
      long inv = inverse(m[col][col]);
      for (int r = col + 1; r < n; r++) {
        if (m[r][col] == 0) {
          continue;
        }
        long f = mul(m[r][col], inv);
        for (int c = col; c < n; c++) {
          m[r][c] = sub(m[r][c], mul(f, m[col][c]));
        }
      }
    }
    return d;
  }

  /** Monomial coefficients of the polynomial of degree < xs.length through the points (mod P). */
  static long[] interpolate(long[] xs, long[] ys) {
    int m = xs.length;
    long[] dd = ys.clone();
    // at the points 1, 2, ..., m (as range uses) xs[i] − xs[i−k] = k: one inverse per k, not per
    // (i, k) — the same field elements, so the same coefficients
    boolean consecutive = true;
    for (int i = 0; i < m && consecutive; i++) {
      consecutive = xs[i] == i + 1;
    }
    for (int k = 1; k < m; k++) {
      long invK = consecutive ? inverse(k) : 0;
      for (int i = m - 1; i >= k; i--) {
        long inv = consecutive ? invK : inverse(sub(xs[i], xs[i - k]));
        dd[i] = mul(sub(dd[i], dd[i - 1]), inv);
      }
    }
    // Newton form to monomials, Horner from the top
    long[] c = new long[m];
    for (int k = m - 1; k >= 0; k--) {
      // c = c·(x − xs[k]) + dd[k]
      for (int i = m - 1; i >= 1; i--) {
        c[i] = sub(c[i - 1], mul(xs[k], c[i]));
      }
      c[0] = sub(dd[k], mul(xs[k], c[0]));
    }
    return c;
  }

  static long add(long a, long b) {
    long s = a + b;
    return s >= P ? s - P : s;
  }

  static long sub(long a, long b) {
    long s = a - b;
    return s < 0 ? s + P : s;
  }

  /** a·b mod 2^61 − 1 from the 122-bit product (2^61 ≡ 1). */
  static long mul(long a, long b) {
    long hi = Math.multiplyHigh(a, b);
    long lo = a * b;
    long s = (lo & P) + ((lo >>> 61) | (hi << 3));
    while (s >= P) {
      s -= P;
    }
    return s;
  }

  /**
   * a^(P − 2) = a⁻¹ (Fermat) by an addition chain: P − 2 = 2^61 − 3 = (2^59 − 1)·4 + 1, and x_k =
   * a^(2^k − 1) is built as x_(i+j) = x_i^(2^j)·x_j — 59 + 2 squarings and 10 products instead of
   * the 120 of square-and-multiply. The same field element, so the same degrees.
   */
  static long inverse(long a) {
    long x1 = a;
    long x2 = mul(square(x1, 1), x1);
    long x3 = mul(square(x2, 1), x1);
    long x6 = mul(square(x3, 3), x3);
    long x8 = mul(square(x6, 2), x2);
    long x11 = mul(square(x8, 3), x3);
    long x12 = mul(square(x6, 6), x6);
    long x24 = mul(square(x12, 12), x12);
    long x48 = mul(square(x24, 24), x24);
    long x59 = mul(square(x48, 11), x11);
    return mul(square(x59, 2), x1);
  }

  /** a^(2^k): k squarings. */
  private static long square(long a, int k) {
    for (int i = 0; i < k; i++) {
      a = mul(a, a);
    }
    return a;
  }
}
