package org.zged.analysis;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.complex.Complex;
import org.zged.circuit.Circuit;
import org.zged.circuit.Element;

/**
 * A third opinion for the tests: V(vout) at one frequency by solving the complex nodal equations
 * directly with 60-digit decimal arithmetic (Gaussian elimination with partial pivoting). No
 * polynomials, no scaling, no root finding; slow, but its rounding error is far below both
 * ngspice's and double precision's, so it decides which of the two is right where they disagree.
 */
final class HighPrecisionNodalSolver {
  private static final MathContext MC = new MathContext(60);

  private HighPrecisionNodalSolver() {}

  /** H(j·2πf); nodes not connected to VIN or GND make the matrix singular (ArithmeticException). */
  static Complex solve(Circuit circuit, double freqHz) {
    return solveAt(circuit, BigDecimal.ZERO, PI.multiply(new BigDecimal(2 * freqHz), MC));
  }

  /** H(s) at a complex s = sigma + jω (rad/s), e.g. at a claimed pole or zero. */
  static Complex solveAt(Circuit circuit, Complex s) {
    return solveAt(circuit, new BigDecimal(s.getReal()), new BigDecimal(s.getImaginary()));
  }

  private static Complex solveAt(Circuit circuit, BigDecimal sigma, BigDecimal w) {
    List<String> unknown = new ArrayList<>();
    for (String n : circuit.nodes()) {
      if (!n.equals(Circuit.GND) && !n.equals(Circuit.VIN)) {
        unknown.add(n);
      }
    }
    int n = unknown.size();
    BigDecimal[][] re = new BigDecimal[n][n + 1];
    BigDecimal[][] im = new BigDecimal[n][n + 1];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= n; j++) {
        re[i][j] = BigDecimal.ZERO;
        im[i][j] = BigDecimal.ZERO;
      }
    }
    for (Element e : circuit.elements()) {
      BigDecimal v = new BigDecimal(e.value());
      BigDecimal yr = BigDecimal.ZERO;
      BigDecimal yi = BigDecimal.ZERO;
      switch (e.kind()) {
        case R -> yr = BigDecimal.ONE.divide(v, MC);
        case C -> {
          yr = sigma.multiply(v, MC);
          yi = w.multiply(v, MC);
        }
        case L -> {
          BigDecimal[] y =
              divide(BigDecimal.ONE, BigDecimal.ZERO, sigma.multiply(v, MC), w.multiply(v, MC));
          yr = y[0];
          yi = y[1];
        }
      }
      int a = unknown.indexOf(e.nodeA());
      int b = unknown.indexOf(e.nodeB());
      stamp(re, im, a, b, yr, yi, e.nodeA(), e.nodeB(), n);
    }
    // elimination with partial pivoting on |entry|²
    for (int col = 0; col < n; col++) {
      int piv = col;
      BigDecimal best = BigDecimal.valueOf(-1);
      for (int r = col; r < n; r++) {
        BigDecimal m = re[r][col].pow(2, MC).add(im[r][col].pow(2, MC), MC);
        if (m.compareTo(best) > 0) {
          best = m;
          piv = r;
        }
      }
      if (best.signum() == 0) {
        throw new ArithmeticException("singular nodal matrix");
      }
      BigDecimal[] t = re[col];
      re[col] = re[piv];
      re[piv] = t;
      t = im[col];
      im[col] = im[piv];
      im[piv] = t;
      for (int r = col + 1; r < n; r++) {
        // factor = a[r][col] / a[col][col]
        BigDecimal[] f = divide(re[r][col], im[r][col], re[col][col], im[col][col]);
        for (int c = col; c <= n; c++) {
          BigDecimal pr = f[0].multiply(re[col][c], MC).subtract(f[1].multiply(im[col][c], MC), MC);
          BigDecimal pi = f[0].multiply(im[col][c], MC).add(f[1].multiply(re[col][c], MC), MC);
          re[r][c] = re[r][c].subtract(pr, MC);
          im[r][c] = im[r][c].subtract(pi, MC);
        }
      }
    }
    BigDecimal[] xr = new BigDecimal[n];
    BigDecimal[] xi = new BigDecimal[n];
    for (int r = n - 1; r >= 0; r--) {
      BigDecimal sr = re[r][n];
      BigDecimal si = im[r][n];
      for (int c = r + 1; c < n; c++) {
        sr =
            sr.subtract(
                re[r][c].multiply(xr[c], MC).subtract(im[r][c].multiply(xi[c], MC), MC), MC);
        si = si.subtract(re[r][c].multiply(xi[c], MC).add(im[r][c].multiply(xr[c], MC), MC), MC);
      }
      BigDecimal[] x = divide(sr, si, re[r][r], im[r][r]);
      xr[r] = x[0];
      xi[r] = x[1];
    }
    int out = unknown.indexOf(Circuit.VOUT);
    return new Complex(xr[out].doubleValue(), xi[out].doubleValue());
  }

  private static final BigDecimal PI =
      new BigDecimal("3.14159265358979323846264338327950288419716939937510582097494459");

  private static void stamp(
      BigDecimal[][] re,
      BigDecimal[][] im,
      int a,
      int b,
      BigDecimal yr,
      BigDecimal yi,
      String nodeA,
      String nodeB,
      int n) {
    if (a >= 0) {
      re[a][a] = re[a][a].add(yr, MC);
      im[a][a] = im[a][a].add(yi, MC);
    }
    if (b >= 0) {
      re[b][b] = re[b][b].add(yr, MC);
      im[b][b] = im[b][b].add(yi, MC);
    }
    if (a >= 0 && b >= 0) {
      re[a][b] = re[a][b].subtract(yr, MC);
      im[a][b] = im[a][b].subtract(yi, MC);
      re[b][a] = re[b][a].subtract(yr, MC);
      im[b][a] = im[b][a].subtract(yi, MC);
    }
    // VIN is driven at 1 V: its admittance moves to the right-hand side
    if (a >= 0 && nodeB.equals(Circuit.VIN)) {
      re[a][n] = re[a][n].add(yr, MC);
      im[a][n] = im[a][n].add(yi, MC);
    }
    if (b >= 0 && nodeA.equals(Circuit.VIN)) {
      re[b][n] = re[b][n].add(yr, MC);
      im[b][n] = im[b][n].add(yi, MC);
    }
  }

  private static BigDecimal[] divide(BigDecimal ar, BigDecimal ai, BigDecimal br, BigDecimal bi) {
    BigDecimal den = br.pow(2, MC).add(bi.pow(2, MC), MC);
    BigDecimal r = ar.multiply(br, MC).add(ai.multiply(bi, MC), MC).divide(den, MC);
    BigDecimal i = ai.multiply(br, MC).subtract(ar.multiply(bi, MC), MC).divide(den, MC);
    return new BigDecimal[] {r, i};
  }
}
