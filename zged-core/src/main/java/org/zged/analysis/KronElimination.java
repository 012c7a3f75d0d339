package org.zged.analysis;

/**
 * det Y(s) and Cramer's numerator of V(vout) at one complex s, with their logarithmic derivatives,
 * by eliminating the internal nodes one at a time as a network (star–mesh, Kron reduction) rather
 * than as a matrix.
 *
 * <p>Why not an LU of Y(s): a branch with a huge admittance next to small ones makes the matrix
 * ill-conditioned although the network is not. Gaussian elimination forms a diagonal entry minus a
 * Schur term, both huge, and the small remainder that decides the determinant is lost. Here every
 * node's total admittance d_k (the pivot) is summed afresh from its current branches, and the
 * elimination of node k adds y_ik·y_kj/d_k to the branch i–j: a node tied to a neighbour by a huge
 * admittance is simply merged into it, with no cancellation (the Grassmann–Taksar–Heyman idea for
 * M-matrices, here for complex admittances). det Y = Π d_k; after all nodes but VOUT are gone, VOUT
 * hangs between VIN (admittance a) and ground (b): the determinant's last factor is a + b and the
 * numerator's a, H = a/(a + b). Derivatives in s are carried along (forward mode) for Newton.
 *
 * <p>Order: at each step the node whose pivot cancels least (|d_k| largest against the sum of its
 * branch magnitudes) goes first.
 */
final class KronElimination {
  private final NodalSystem sys;
  private final int n;
  private final int vin;
  private final int gnd;
  // complex branch admittances and their s-derivatives between nodes 0..n-1, VIN (n), GND (n+1)
  private final double[][] wr;
  private final double[][] wi;
  private final double[][] dr;
  private final double[][] di;
  private final boolean[] alive;

  /** Results of {@link #evaluate}: Σ d'/d over eliminated nodes, and the final a, b with a', b'. */
  double sumLogDerRe;

  double sumLogDerIm;
  double logAbsDet;
  double aRe;
  double aIm;
  double aDerRe;
  double aDerIm;
  double bRe;
  double bIm;
  double bDerRe;
  double bDerIm;

  KronElimination(NodalSystem sys) {
    this.sys = sys;
    this.n = sys.size();
    this.vin = n;
    this.gnd = n + 1;
    this.wr = new double[n + 2][n + 2];
    this.wi = new double[n + 2][n + 2];
    this.dr = new double[n + 2][n + 2];
    this.di = new double[n + 2][n + 2];
    this.alive = new boolean[n + 2];
  }

  private int node(int index) {
    return index == NodalSystem.INPUT ? vin : index == NodalSystem.GROUND ? gnd : index;
  }

  /** Eliminates every node but VOUT at s (scaled units); false if a pivot is exactly 0. */
  boolean evaluate(double sr, double si) {
    int m = n + 2;
    for (int i = 0; i < m; i++) {
      java.util.Arrays.fill(wr[i], 0);
      java.util.Arrays.fill(wi[i], 0);
      java.util.Arrays.fill(dr[i], 0);
      java.util.Arrays.fill(di[i], 0);
      alive[i] = true;
    }
    // 1/s and 1/s²
    double sd = sr * sr + si * si;
    double ir = sr / sd;
    double ii = -si / sd;
    double i2r = ir * ir - ii * ii;
    double i2i = 2 * ir * ii;
    for (int e = 0; e < sys.edgeA.length; e++) {
      double[] y = sys.edgeY[e];
      // y = G + sC + Γ/s, y' = C − Γ/s²
      double yr = y[1] + sr * y[2] + ir * y[0];
      double yi = si * y[2] + ii * y[0];
      double yDr = y[2] - i2r * y[0];
      double yDi = -i2i * y[0];
      int a = node(sys.edgeA[e]);
      int b = node(sys.edgeB[e]);
      wr[a][b] += yr;
      wi[a][b] += yi;
      dr[a][b] += yDr;
      di[a][b] += yDi;
      wr[b][a] = wr[a][b];
      wi[b][a] = wi[a][b];
      dr[b][a] = dr[a][b];
      di[b][a] = di[a][b];
    }
    sumLogDerRe = 0;
    sumLogDerIm = 0;
    logAbsDet = 0;
    for (int step = 1; step < n; step++) {
      int k = pickPivot();
      double pr = 0;
      double pi = 0;
      double qr = 0;
      double qi = 0;
      for (int j = 0; j < m; j++) {
        if (j != k && alive[j]) {
          pr += wr[k][j];
          pi += wi[k][j];
          qr += dr[k][j];
          qi += di[k][j];
        }
      }
      double pm = pr * pr + pi * pi;
      if (!(pm > 0) || !Double.isFinite(pm)) {
        return false;
      }
      // 1/d and d'/d
      double invR = pr / pm;
      double invI = -pi / pm;
      double ldr = qr * invR - qi * invI;
      double ldi = qr * invI + qi * invR;
      sumLogDerRe += ldr;
      sumLogDerIm += ldi;
      logAbsDet += 0.5 * Math.log(pm);
      alive[k] = false;
      for (int i = 0; i < m; i++) {
        if (!alive[i] || (wr[k][i] == 0 && wi[k][i] == 0 && dr[k][i] == 0 && di[k][i] == 0)) {
          continue;
        }
        // t_i = y_ik/d and its derivative (y_ik' − t_i·d')/d
        double tr = wr[k][i] * invR - wi[k][i] * invI;
        double ti = wr[k][i] * invI + wi[k][i] * invR;
        double ur = dr[k][i] - (tr * qr - ti * qi);
        double ui = di[k][i] - (tr * qi + ti * qr);
        double tDr = ur * invR - ui * invI;
        double tDi = ur * invI + ui * invR;
        for (int j = i + 1; j < m; j++) {
          if (!alive[j] || (i == vin && j == gnd)) {
            continue;
          }
          double yr = wr[k][j];
          double yi = wi[k][j];
          double yDr = dr[k][j];
          double yDi = di[k][j];
          if (yr == 0 && yi == 0 && yDr == 0 && yDi == 0) {
            continue;
          }
          // y_ij += t_i·y_kj; y_ij' += t_i'·y_kj + t_i·y_kj'
          double addR = tr * yr - ti * yi;
          double addI = tr * yi + ti * yr;
          double addDr = tDr * yr - tDi * yi + tr * yDr - ti * yDi;
          double addDi = tDr * yi + tDi * yr + tr * yDi + ti * yDr;
          wr[i][j] += addR;
          wi[i][j] += addI;
          dr[i][j] += addDr;
          di[i][j] += addDi;
          wr[j][i] = wr[i][j];
          wi[j][i] = wi[i][j];
          dr[j][i] = dr[i][j];
          di[j][i] = di[i][j];
        }
      }
    }
    aRe = wr[0][vin];
    aIm = wi[0][vin];
    aDerRe = dr[0][vin];
    aDerIm = di[0][vin];
    bRe = wr[0][gnd];
    bIm = wi[0][gnd];
    bDerRe = dr[0][gnd];
    bDerIm = di[0][gnd];
    return true;
  }

  /** The live internal node (not VOUT) whose pivot cancels least. */
  private int pickPivot() {
    int best = -1;
    double bestRatio = -1;
    int m = n + 2;
    for (int k = 1; k < n; k++) {
      if (!alive[k]) {
        continue;
      }
      double sr = 0;
      double si = 0;
      double abs = 0;
      for (int j = 0; j < m; j++) {
        if (j != k && alive[j]) {
          sr += wr[k][j];
          si += wi[k][j];
          abs += Math.abs(wr[k][j]) + Math.abs(wi[k][j]);
        }
      }
      double ratio = abs > 0 ? (Math.abs(sr) + Math.abs(si)) / abs : 0;
      if (ratio > bestRatio) {
        bestRatio = ratio;
        best = k;
      }
    }
    return best;
  }
}
