package org.zged.analysis.reference;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.complex.Complex;
import org.zged.circuit.Circuit;
import org.zged.circuit.Element;

/**
 * The independent reference that the analysis is checked against (by the tests and by the accuracy
 * benchmark): H(s) = V(vout) at one complex s from the nodal equations of the circuit's own
 * elements — no scaling, no graph merging, no polynomials, nothing shared with org.zged.analysis —
 * solved by Gaussian elimination with partial pivoting in decimal arithmetic of the given
 * precision. Slow, but its rounding error is far below double precision's and ngspice's. Nodes not
 * connected to VIN or GND make the matrix singular (ArithmeticException).
 */
public final class DecimalNodalSolve {
  private final MathContext mc;

  private DecimalNodalSolve(MathContext mc) {
    this.mc = mc;
  }

  /** H(s) at s given exactly as sigma + j·omega (rad/s), in arithmetic of precision mc. */
  public static Complex at(Circuit circuit, BigDecimal sigma, BigDecimal omega, MathContext mc) {
    return new DecimalNodalSolve(mc).solve(circuit, sigma, omega);
  }

  /** H(s) at a double-precision s, in arithmetic of precision mc. */
  public static Complex at(Circuit circuit, Complex s, MathContext mc) {
    return at(circuit, new BigDecimal(s.getReal()), new BigDecimal(s.getImaginary()), mc);
  }

  private Complex solve(Circuit circuit, BigDecimal sr, BigDecimal si) {
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
      BigDecimal[] y =
          switch (e.kind()) {
            case R -> new BigDecimal[] {BigDecimal.ONE.divide(v, mc), BigDecimal.ZERO};
            case C -> new BigDecimal[] {sr.multiply(v, mc), si.multiply(v, mc)};
            case L ->
                divide(BigDecimal.ONE, BigDecimal.ZERO, sr.multiply(v, mc), si.multiply(v, mc));
          };
      int a = unknown.indexOf(e.nodeA());
      int b = unknown.indexOf(e.nodeB());
      if (a >= 0) {
        add(re, im, a, a, y, 1);
      }
      if (b >= 0) {
        add(re, im, b, b, y, 1);
      }
      if (a >= 0 && b >= 0) {
        add(re, im, a, b, y, -1);
        add(re, im, b, a, y, -1);
      }
      if (a >= 0 && e.nodeB().equals(Circuit.VIN)) {
        add(re, im, a, n, y, 1);
      }
      if (b >= 0 && e.nodeA().equals(Circuit.VIN)) {
        add(re, im, b, n, y, 1);
      }
    }
    for (int col = 0; col < n; col++) {
      int piv = col;
      BigDecimal best = BigDecimal.valueOf(-1);
      for (int r = col; r < n; r++) {
        BigDecimal m = re[r][col].abs().add(im[r][col].abs());
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
        if (re[r][col].signum() == 0 && im[r][col].signum() == 0) {
          continue;
        }
        BigDecimal[] f = divide(re[r][col], im[r][col], re[col][col], im[col][col]);
        for (int c = col; c <= n; c++) {
          BigDecimal pr = f[0].multiply(re[col][c], mc).subtract(f[1].multiply(im[col][c], mc), mc);
          BigDecimal pi = f[0].multiply(im[col][c], mc).add(f[1].multiply(re[col][c], mc), mc);
          re[r][c] = re[r][c].subtract(pr, mc);
          im[r][c] = im[r][c].subtract(pi, mc);
        }
      }
    }
    BigDecimal[] xr = new BigDecimal[n];
    BigDecimal[] xi = new BigDecimal[n];
    for (int r = n - 1; r >= 0; r--) {
      BigDecimal vr = re[r][n];
      BigDecimal vi = im[r][n];
      for (int c = r + 1; c < n; c++) {
        vr =
            vr.subtract(
                re[r][c].multiply(xr[c], mc).subtract(im[r][c].multiply(xi[c], mc), mc), mc);
        vi = vi.subtract(re[r][c].multiply(xi[c], mc).add(im[r][c].multiply(xr[c], mc), mc), mc);
      }
      BigDecimal[] x = divide(vr, vi, re[r][r], im[r][r]);
      xr[r] = x[0];
      xi[r] = x[1];
    }
    int out = unknown.indexOf(Circuit.VOUT);
    return new Complex(xr[out].doubleValue(), xi[out].doubleValue());
  }

  private void add(BigDecimal[][] re, BigDecimal[][] im, int i, int j, BigDecimal[] y, int sign) {
    if (sign > 0) {
      re[i][j] = re[i][j].add(y[0], mc);
      im[i][j] = im[i][j].add(y[1], mc);
    } else {
      re[i][j] = re[i][j].subtract(y[0], mc);
      im[i][j] = im[i][j].subtract(y[1], mc);
    }
  }

  private BigDecimal[] divide(BigDecimal ar, BigDecimal ai, BigDecimal br, BigDecimal bi) {
    BigDecimal den = br.multiply(br, mc).add(bi.multiply(bi, mc), mc);
    BigDecimal r = ar.multiply(br, mc).add(ai.multiply(bi, mc), mc).divide(den, mc);
    BigDecimal i = ai.multiply(br, mc).subtract(ar.multiply(bi, mc), mc).divide(den, mc);
    return new BigDecimal[] {r, i};
  }
}
