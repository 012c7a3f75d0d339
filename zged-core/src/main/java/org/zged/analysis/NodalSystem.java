package org.zged.analysis;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import org.zged.circuit.Circuit;
import org.zged.circuit.CircuitException;
import org.zged.circuit.CircuitGraph;
import org.zged.circuit.Edge;
import org.zged.circuit.Element;

/**
 * The nodal equations of a filter with VIN driven at 1 V, as a matrix of polynomials in a scaled
 * frequency variable.
 *
 * <p>Unknowns are the nodes that share a connected piece with VOUT once VIN and GND (both at fixed
 * voltages) are cut out of the graph; every other node cannot influence V(vout) and is left out, so
 * a branch hanging off the source or an island elsewhere neither crashes the analysis nor adds a
 * common factor. Row i reads Σ_j y_ij(s)(V_i − V_j) = 0 with y = G + sC + Γ/s; multiplying every
 * row by s makes each entry the quadratic Γ + sG + s²C.
 *
 * <p>Scaling: s = ω0·s̃ and every admittance is divided by Y0, with ω0 and Y0 the geometric means
 * of the element time constants and admittance magnitudes. H(s) is a voltage ratio, so the
 * impedance scale drops out, and element values from 1 Ω to 10 MΩ, 1 pF to 1 mF and 1 nH to 10 H
 * give entries near 1 instead of spanning 30 decades.
 */
final class NodalSystem {
  /**
   * Largest number of unknown node voltages analysed: the eigenvalue path costs about n³ per root
   * and root polish, so 40 unknowns (80 poles) take a fraction of a second.
   */
  static final int MAX_UNKNOWNS = 40;

  /** a[i][j] = coefficients {s̃⁰, s̃¹, s̃²} of the row-i, column-j entry; node 0 is VOUT. */
  final double[][][] a;

  /**
   * The low halves of a as double-double numbers: a diagonal entry is a sum of admittances, kept
   * exactly so that the determinant's cancellations (diagonal sums against off-diagonal products)
   * do not amplify its rounding error. Off-diagonal entries are single admittances and exact.
   */
  final double[][][] aLo;

  /** b[i] = coefficients of the admittance from unknown i to VIN (the right-hand side). */
  final double[][] b;

  /** The frequency scale ω0 in rad/s: the polynomials are in s̃ = s/ω0. */
  final double omega0;

  /**
   * The branches as the structure sees them: ends (unknown index, {@link #GROUND} or {@link
   * #INPUT}) and which of the scaled terms {Γ, G, C} are present; used to count poles and zeros
   * exactly.
   */
  final int[] edgeA;

  final int[] edgeB;
  final boolean[][] edgeKinds;

  /** The scaled admittance terms {Γ, G, C} of each branch (y = G + s̃C + Γ/s̃). */
  final double[][] edgeY;

  static final int GROUND = -1;
  static final int INPUT = -2;

  private NodalSystem(
      double[][][] a,
      double[][][] aLo,
      double[][] b,
      double omega0,
      int[] edgeA,
      int[] edgeB,
      boolean[][] edgeKinds,
      double[][] edgeY) {
    this.a = a;
    this.aLo = aLo;
    this.b = b;
    this.omega0 = omega0;
    this.edgeA = edgeA;
    this.edgeB = edgeB;
    this.edgeKinds = edgeKinds;
    this.edgeY = edgeY;
  }

  /** No resistor in the analysed piece: every pole lies on the jω axis by structure. */
  boolean lossless() {
    for (boolean[] k : edgeKinds) {
      if (k[1]) {
        return false;
      }
    }
    return true;
  }

  /** How far off the jω axis a root may be computed and still be put on it. */
  double axisTolerance() {
    return lossless() ? PoleZeroSet.AXIS_TOLERANCE : PoleZeroSet.AXIS_TOLERANCE_LOSSY;
  }

  int size() {
    return b.length;
  }

  static NodalSystem of(Circuit circuit) {
    checkElements(circuit);
    CircuitGraph graph = CircuitGraph.of(circuit);
    int nodes = graph.nodeCount();
    int vin = graph.indexOf(Circuit.VIN);
    int vout = graph.indexOf(Circuit.VOUT);
    int gnd = graph.indexOf(Circuit.GND);
    List<List<Edge>> incident = new ArrayList<>();
    for (int i = 0; i < nodes; i++) {
      incident.add(new ArrayList<>());
    }
    for (Edge e : graph.edges()) {
      incident.get(e.a()).add(e);
      incident.get(e.b()).add(e);
    }
    // the unknowns: VOUT's piece of the graph with VIN and GND cut out, VOUT first
    int[] unknownIndex = new int[nodes];
    Arrays.fill(unknownIndex, -1);
    List<Integer> unknowns = new ArrayList<>();
    Deque<Integer> todo = new ArrayDeque<>();
    unknownIndex[vout] = 0;
    unknowns.add(vout);
    todo.add(vout);
    boolean touchesVin = false;
    boolean touchesGround = false;
    List<Edge> used = new ArrayList<>();
    while (!todo.isEmpty()) {
      int node = todo.poll();
      for (Edge e : incident.get(node)) {
        int other = e.other(node);
        if (other == vin || other == gnd) {
          touchesVin |= other == vin;
          touchesGround |= other == gnd;
          used.add(e);
        } else if (unknownIndex[other] < 0) {
          unknownIndex[other] = unknowns.size();
          unknowns.add(other);
          todo.add(other);
        }
        if (other != vin && other != gnd && node < other) {
          used.add(e);
        }
      }
    }
    if (!touchesVin && !touchesGround) {
      throw new CircuitException(
          "VOUT floats: no path of elements leads from it to VIN or to ground");
    }
    if (!touchesVin) {
      throw new CircuitException(
          "H(s) is identically 0: every path from VIN to VOUT passes through ground");
    }
    int n = unknowns.size();
    if (n > MAX_UNKNOWNS) {
      throw new CircuitException(
          "too many nodes for exact analysis: "
              + n
              + " unknown node voltages (at most "
              + MAX_UNKNOWNS
              + ")");
    }
    double[] scales = scales(used);
    double omega0 = scales[0];
    double y0 = scales[1];
    double[][][] a = new double[n][n][3];
    double[][][] aLo = new double[n][n][3];
    double[][] b = new double[n][3];
    int[] edgeA = new int[used.size()];
    int[] edgeB = new int[used.size()];
    boolean[][] edgeKinds = new boolean[used.size()][];
    double[][] edgeY = new double[used.size()][];
    int edgeIndex = 0;
    for (Edge e : used) {
      double[] y = {e.gamma() / omega0 / y0, e.g() / y0, e.c() * omega0 / y0};
      for (double term : y) {
        if (!AnalysableRange.scaledTermOk(term)) {
          throw new CircuitException(
              "the element values span more than the range zged can analyse (an admittance"
                  + " lies more than 1e"
                  + AnalysableRange.MAX_SCALED_DECADES
                  + " from the circuit's typical one at its typical frequency)");
        }
      }
      int ia = e.a() == vin || e.a() == gnd ? -1 : unknownIndex[e.a()];
      int ib = e.b() == vin || e.b() == gnd ? -1 : unknownIndex[e.b()];
      edgeA[edgeIndex] = e.a() == vin ? INPUT : ia;
      edgeB[edgeIndex] = e.b() == vin ? INPUT : ib;
      edgeY[edgeIndex] = y;
      edgeKinds[edgeIndex++] = new boolean[] {y[0] > 0, y[1] > 0, y[2] > 0};
      for (int k = 0; k < 3; k++) {
        if (ia >= 0) {
          addExactly(a[ia][ia], aLo[ia][ia], k, y[k]);
        }
        if (ib >= 0) {
          addExactly(a[ib][ib], aLo[ib][ib], k, y[k]);
        }
        if (ia >= 0 && ib >= 0) {
          a[ia][ib][k] -= y[k];
          a[ib][ia][k] -= y[k];
        }
      }
      if (e.a() == vin && ib >= 0) {
        addTo(b[ib], y);
      } else if (e.b() == vin && ia >= 0) {
        addTo(b[ia], y);
      }
    }
    return new NodalSystem(a, aLo, b, omega0, edgeA, edgeB, edgeKinds, edgeY);
  }

  /** (hi, lo)[k] += y as a double-double sum (Knuth's TwoSum). */
  private static void addExactly(double[] hi, double[] lo, int k, double y) {
    double s = hi[k] + y;
    double bb = s - hi[k];
    double err = (hi[k] - (s - bb)) + (y - bb);
    double l = lo[k] + err;
    hi[k] = s + l;
    lo[k] = l - (hi[k] - s);
  }

  private static void addTo(double[] acc, double[] y) {
    for (int k = 0; k < 3; k++) {
      acc[k] += y[k];
    }
  }

  /**
   * {ω0, Y0}: ω0 from the geometric means of C, L and R (√(1/LC), 1/RC or R/L, whichever kinds are
   * present), Y0 the geometric mean of all admittance terms at s = jω0.
   */
  private static double[] scales(List<Edge> edges) {
    double logC = 0;
    double logL = 0;
    double logR = 0;
    int nc = 0;
    int nl = 0;
    int nr = 0;
    for (Edge e : edges) {
      if (e.c() > 0) {
        logC += Math.log(e.c());
        nc++;
      }
      if (e.gamma() > 0) {
        logL -= Math.log(e.gamma());
        nl++;
      }
      if (e.g() > 0) {
        logR -= Math.log(e.g());
        nr++;
      }
    }
    double lc = nc > 0 ? logC / nc : 0;
    double ll = nl > 0 ? logL / nl : 0;
    double lr = nr > 0 ? logR / nr : 0;
    double logOmega;
    if (nc > 0 && nl > 0) {
      logOmega = -0.5 * (lc + ll);
    } else if (nc > 0 && nr > 0) {
      logOmega = -(lr + lc);
    } else if (nl > 0 && nr > 0) {
      logOmega = lr - ll;
    } else {
      logOmega = 0;
    }
    double omega = Math.exp(logOmega);
    double logY = 0;
    int ny = 0;
    for (Edge e : edges) {
      for (double term : new double[] {e.g(), e.c() * omega, e.gamma() / omega}) {
        if (term > 0) {
          logY += Math.log(term);
          ny++;
        }
      }
    }
    return new double[] {omega, ny > 0 ? Math.exp(logY / ny) : 1};
  }

  private static void checkElements(Circuit circuit) {
    if (circuit.elements().isEmpty()) {
      throw new CircuitException("the circuit has no elements");
    }
    for (Element e : circuit.elements()) {
      if (!Double.isFinite(e.value()) || e.value() <= 0) {
        throw new CircuitException(
            "element " + e.name() + " has value " + e.value() + "; values must be finite and > 0");
      }
      String range = AnalysableRange.problem(e.value());
      if (range != null) {
        throw new CircuitException("element " + e.name() + ": value " + e.value() + " " + range);
      }
      if (e.nodeA().equals(e.nodeB())) {
        throw new CircuitException(
            "element " + e.name() + " connects node " + e.nodeA() + " to itself");
      }
    }
    if (!circuit.nodes().contains(Circuit.VIN)) {
      throw new CircuitException("no element touches the input node VIN");
    }
    if (!circuit.nodes().contains(Circuit.VOUT)) {
      throw new CircuitException("no element touches the output node VOUT");
    }
  }
}
