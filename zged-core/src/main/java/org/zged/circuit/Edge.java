package org.zged.circuit;

/**
 * All elements between one pair of nodes, as an admittance Y(s) = G + sC + Γ/s. A coefficient of
 * exactly 0 means that kind is absent. Node indices refer to {@link CircuitGraph#nodes()}, with
 * {@code a < b}.
 */
public record Edge(int a, int b, double g, double c, double gamma) {

  public Edge {
    if (a == b) {
      throw new CircuitException("edge from node " + a + " to itself");
    }
    if (a > b) {
      int t = a;
      a = b;
      b = t;
    }
    if (!(g >= 0) || !(c >= 0) || !(gamma >= 0) || Double.isInfinite(g + c + gamma)) {
      throw new CircuitException(
          "edge " + a + "-" + b + " has a negative or non-finite admittance");
    }
  }

  public EdgeClass edgeClass() {
    return EdgeClass.of(g > 0, c > 0, gamma > 0);
  }

  /** The resistance of the parallel R group, or NaN when there is none. */
  public double resistance() {
    return g > 0 ? 1.0 / g : Double.NaN;
  }

  /** The inductance of the parallel L group, or NaN when there is none. */
  public double inductance() {
    return gamma > 0 ? 1.0 / gamma : Double.NaN;
  }

  /** The capacitance of the parallel C group, or NaN when there is none. */
  public double capacitance() {
    return c > 0 ? c : Double.NaN;
  }

  public boolean connects(int node) {
    return a == node || b == node;
  }

  public int other(int node) {
    return node == a ? b : a;
  }
}
