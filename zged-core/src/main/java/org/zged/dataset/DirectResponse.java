package org.zged.dataset;

import org.zged.circuit.Circuit;
import org.zged.circuit.Element;

/**
 * H(jω) = V(vout)/V(vin) by solving the complex nodal equations at one frequency (Gaussian
 * elimination with partial pivoting), without polynomials or roots: the second opinion that decides
 * whether the exact analysis labelled a large random circuit confidently. Hand-written on primitive
 * arrays because it runs for every generated circuit and a general complex-matrix library would
 * allocate an object per entry.
 */
final class DirectResponse {
  private final int n;
  private final int vout;
  private final int[] a;
  private final int[] b;
  private final int[] kind;
  private final double[] value;

  /** Unknowns are the nodes other than GND and VIN; -1 marks GND, -2 VIN. */
  DirectResponse(Circuit circuit) {
    java.util.List<String> nodes = circuit.nodes();
    java.util.Map<String, Integer> index = new java.util.HashMap<>();
    int next = 0;
    for (String node : nodes) {
      if (node.equals(Circuit.GND)) {
        index.put(node, -1);
      } else if (node.equals(Circuit.VIN)) {
        index.put(node, -2);
      } else {
        index.put(node, next++);
      }
    }
    this.n = next;
    this.vout = index.getOrDefault(Circuit.VOUT, -1);
    int m = circuit.elements().size();
    a = new int[m];
    b = new int[m];
    kind = new int[m];
    value = new double[m];
    for (int i = 0; i < m; i++) {
      Element e = circuit.elements().get(i);
      a[i] = index.get(e.nodeA());
      b[i] = index.get(e.nodeB());
      kind[i] = e.kind().ordinal();
      value[i] = e.value();
    }
  }

  /** {re, im} of H(jω), or null when the equations are singular at ω. */
  double[] at(double omega) {
    if (vout < 0) {
      return null;
    }
    int w = n + 1; // augmented with the right-hand side
    double[] re = new double[n * w];
    double[] im = new double[n * w];
    for (int i = 0; i < a.length; i++) {
      double yr;
      double yi;
      switch (kind[i]) {
        case 0 -> { // R
          yr = 1 / value[i];
          yi = 0;
        }
        case 1 -> { // C: jωC
          yr = 0;
          yi = omega * value[i];
        }
        default -> { // L: 1/(jωL) = −j/(ωL)
          yr = 0;
          yi = -1 / (omega * value[i]);
        }
      }
      stamp(re, im, w, a[i], b[i], yr, yi);
      stamp(re, im, w, b[i], a[i], yr, yi);
    }
    for (int col = 0; col < n; col++) {
      int pivot = col;
      double best = -1;
      for (int r = col; r < n; r++) {
        double mag = Math.hypot(re[r * w + col], im[r * w + col]);
        if (mag > best) {
          best = mag;
          pivot = r;
        }
      }
      if (!(best > 0)) {
        return null;
      }
      if (pivot != col) {
        for (int k = col; k < w; k++) {
          swap(re, pivot * w + k, col * w + k);
          swap(im, pivot * w + k, col * w + k);
        }
      }
      double pr = re[col * w + col];
      double pi = im[col * w + col];
      double d = pr * pr + pi * pi;
      for (int r = col + 1; r < n; r++) {
        double xr = re[r * w + col];
        double xi = im[r * w + col];
        if (xr == 0 && xi == 0) {
          continue;
        }
        double fr = (xr * pr + xi * pi) / d; // factor = x / pivot
        double fi = (xi * pr - xr * pi) / d;
        for (int k = col; k < w; k++) {
          double cr = re[col * w + k];
          double ci = im[col * w + k];
          re[r * w + k] -= fr * cr - fi * ci;
          im[r * w + k] -= fr * ci + fi * cr;
        }
      }
    }
    double[] xr = new double[n];
    double[] xi = new double[n];
    for (int r = n - 1; r >= 0; r--) {
      double sr = re[r * w + n];
      double si = im[r * w + n];
      for (int k = r + 1; k < n; k++) {
        double cr = re[r * w + k];
        double ci = im[r * w + k];
        sr -= cr * xr[k] - ci * xi[k];
        si -= cr * xi[k] + ci * xr[k];
      }
      double pr = re[r * w + r];
      double pi = im[r * w + r];
      double d = pr * pr + pi * pi;
      xr[r] = (sr * pr + si * pi) / d;
      xi[r] = (si * pr - sr * pi) / d;
    }
    return new double[] {xr[vout], xi[vout]};
  }

  /** Row {@code row} gains y·(V(row) − V(other)); V(vin) = 1 goes to the right-hand side. */
  private void stamp(double[] re, double[] im, int w, int row, int other, double yr, double yi) {
    if (row < 0) {
      return;
    }
    re[row * w + row] += yr;
    im[row * w + row] += yi;
    if (other >= 0) {
      re[row * w + other] -= yr;
      im[row * w + other] -= yi;
    } else if (other == -2) {
      re[row * w + n] += yr;
      im[row * w + n] += yi;
    }
  }

  private static void swap(double[] x, int i, int j) {
    double t = x[i];
    x[i] = x[j];
    x[j] = t;
  }
}
