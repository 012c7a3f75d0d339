package org.zged.graph;

import java.util.List;
import java.util.stream.IntStream;
import org.zged.circuit.Circuit;
import org.zged.circuit.CircuitGraph;
import org.zged.circuit.EdgeClass;

/**
 * Exact graph edit distance between two filter circuits, with the terminals GND, VIN and VOUT
 * anchored (they are never inserted, deleted or swapped).
 *
 * <p>Costs of the structural edits:
 *
 * <ul>
 *   <li>inserting or deleting an internal node: {@value #NODE_COST};
 *   <li>inserting or deleting an edge: {@value #SINGLE_EDGE_COST} for a single element (class R, C
 *       or L), {@value #GROUP_EDGE_COST} for a parallel group (RC, RL, CL, RCL);
 *   <li>changing an edge's class: deleting the old edge plus inserting the new one.
 * </ul>
 *
 * <p>Value term: an edge kept with the same class costs {@code w · Σ |log10(y₁/y₂)|} over its
 * element kinds, where y is the group's admittance total (G, C or Γ, so one decade of R, C or L off
 * costs w; default w = {@value #DEFAULT_VALUE_WEIGHT} per decade).
 *
 * <p>Why this does not saturate: the node mapping is chosen to minimise the structural cost first
 * and, among the mappings with that minimal structural cost, the value cost; the two are then
 * added. A value difference can therefore never be "repaired" more cheaply by deleting and
 * re-inserting an edge or node, unlike the reference's single minimum, whose value sensitivity
 * stopped at the delete+insert cost. The structural part is a true edit distance (a metric); the
 * total grows without bound with the value mismatch.
 *
 * <p>The search is a depth-first branch and bound over injective maps from one graph's internal
 * nodes to the other's (or to deletion), so it is exact; for filter circuits with a handful of
 * internal nodes it takes microseconds.
 */
public final class GraphEditDistance {
  public static final double NODE_COST = 1.0;
  public static final double SINGLE_EDGE_COST = 0.5;
  public static final double GROUP_EDGE_COST = 1.0;
  public static final double DEFAULT_VALUE_WEIGHT = 0.25;

  private static final GraphEditDistance STANDARD = new GraphEditDistance(DEFAULT_VALUE_WEIGHT);

  private final double valueWeight;

  private GraphEditDistance(double valueWeight) {
    if (!(valueWeight >= 0) || Double.isInfinite(valueWeight)) {
      throw new IllegalArgumentException("value weight must be finite and >= 0: " + valueWeight);
    }
    this.valueWeight = valueWeight;
  }

  /** The distance with the default value weight. */
  public static GraphEditDistance standard() {
    return STANDARD;
  }

  /** A distance whose value term costs {@code weightPerDecade} per decade of mismatch. */
  public static GraphEditDistance withValueWeight(double weightPerDecade) {
    return new GraphEditDistance(weightPerDecade);
  }

  /** Structural plus value cost with the default weights. */
  public static double between(CircuitGraph a, CircuitGraph b) {
    return STANDARD.measure(a, b).total();
  }

  public static double between(Circuit a, Circuit b) {
    return between(CircuitGraph.of(a), CircuitGraph.of(b));
  }

  /** The value weight per decade. */
  public double valueWeight() {
    return valueWeight;
  }

  public Result measure(CircuitGraph a, CircuitGraph b) {
    return new Search(AnchoredGraph.of(a), AnchoredGraph.of(b)).run();
  }

  /** Symmetric matrix of total distances, computed in parallel; the diagonal is 0. */
  public double[][] matrix(List<CircuitGraph> graphs) {
    AnchoredGraph[] g = graphs.stream().map(AnchoredGraph::of).toArray(AnchoredGraph[]::new);
    double[][] d = new double[g.length][g.length];
    IntStream.range(0, g.length)
        .parallel()
        .forEach(
            i -> {
              for (int j = i + 1; j < g.length; j++) {
                d[i][j] = new Search(g[i], g[j]).run().total();
              }
            });
    for (int i = 0; i < g.length; i++) {
      for (int j = i + 1; j < g.length; j++) {
        d[j][i] = d[i][j];
      }
    }
    return d;
  }

  /**
   * The outcome of one comparison.
   *
   * @param structural node and edge insert/delete/relabel cost (multiples of 0.5)
   * @param value the value term on the structurally optimal mapping
   * @param nodeEdits internal nodes inserted plus deleted
   */
  public record Result(double structural, double value, int nodeEdits) {
    public double total() {
      return structural + value;
    }
  }

  /** Insert/delete cost of an edge of this class. */
  static double edgeCost(EdgeClass c) {
    return switch (c.elementCount()) {
      case 0 -> 0.0;
      case 1 -> SINGLE_EDGE_COST;
      default -> GROUP_EDGE_COST;
    };
  }

  /** Branch and bound over internal-node maps, lexicographic in (structural, value). */
  private final class Search {
    private static final int DELETED = -1;
    private final AnchoredGraph a;
    private final AnchoredGraph b;
    private final int[] order;
    private final int[] map;
    private final boolean[] used;
    private double bestStructural = Double.POSITIVE_INFINITY;
    private double bestValue = Double.POSITIVE_INFINITY;
    private int bestNodeEdits;

    Search(AnchoredGraph a, AnchoredGraph b) {
      this.a = a;
      this.b = b;
      // Well-connected nodes first: their choices fix the most cost early, so bounds bite sooner.
      this.order =
          a.internals().stream()
              .sorted((x, y) -> Integer.compare(a.degree(y), a.degree(x)))
              .mapToInt(Integer::intValue)
              .toArray();
      this.map = new int[a.size()];
      this.used = new boolean[b.size()];
    }

    Result run() {
      double s = 0;
      double v = 0;
      for (int t = 0; t < AnchoredGraph.TERMINALS; t++) {
        map[t] = t;
        used[t] = true;
        for (int p = 0; p < t; p++) {
          s += structural(a.edgeClass(t, p), b.edgeClass(t, p));
          v += value(t, p, t, p);
        }
      }
      dfs(0, s, v, 0);
      return new Result(bestStructural, bestValue, bestNodeEdits);
    }

    private void dfs(int k, double s, double v, int nodeEdits) {
      int remaining = order.length - k;
      int free = 0;
      for (int j = AnchoredGraph.TERMINALS; j < b.size(); j++) {
        if (!used[j]) {
          free++;
        }
      }
      double bound = s + NODE_COST * Math.abs(remaining - free);
      if (bound > bestStructural || (bound == bestStructural && v >= bestValue)) {
        return;
      }
      if (k == order.length) {
        finish(s, v, nodeEdits);
        return;
      }
      int u = order[k];
      for (int t = AnchoredGraph.TERMINALS; t < b.size(); t++) {
        if (used[t]) {
          continue;
        }
        map[u] = t;
        used[t] = true;
        double ds = 0;
        double dv = 0;
        for (int q = 0; q < AnchoredGraph.TERMINALS + k; q++) {
          int p = q < AnchoredGraph.TERMINALS ? q : order[q - AnchoredGraph.TERMINALS];
          EdgeClass other = map[p] == DELETED ? EdgeClass.NONE : b.edgeClass(t, map[p]);
          ds += structural(a.edgeClass(u, p), other);
          if (map[p] != DELETED) {
            dv += value(u, p, t, map[p]);
          }
        }
        dfs(k + 1, s + ds, v + dv, nodeEdits);
        used[t] = false;
      }
      map[u] = DELETED;
      double ds = NODE_COST;
      for (int q = 0; q < AnchoredGraph.TERMINALS + k; q++) {
        int p = q < AnchoredGraph.TERMINALS ? q : order[q - AnchoredGraph.TERMINALS];
        ds += edgeCost(a.edgeClass(u, p));
      }
      dfs(k + 1, s + ds, v, nodeEdits + 1);
    }

    /** Inserts b's unmatched internal nodes and every b edge touching them. */
    private void finish(double s, double v, int nodeEdits) {
      for (int j = AnchoredGraph.TERMINALS; j < b.size(); j++) {
        if (used[j]) {
          continue;
        }
        s += NODE_COST;
        nodeEdits++;
        for (int i = 0; i < b.size(); i++) {
          // Count an edge between two unmatched nodes once (from its lower end).
          if (used[i] || i > j) {
            s += edgeCost(b.edgeClass(i, j));
          }
        }
      }
      if (s < bestStructural || (s == bestStructural && v < bestValue)) {
        bestStructural = s;
        bestValue = v;
        bestNodeEdits = nodeEdits;
      }
    }

    private double structural(EdgeClass x, EdgeClass y) {
      return x == y ? 0.0 : edgeCost(x) + edgeCost(y);
    }

    /** The value term between edge (i, j) of a and edge (k, l) of b, when both have one class. */
    private double value(int i, int j, int k, int l) {
      EdgeClass x = a.edgeClass(i, j);
      if (x == EdgeClass.NONE || x != b.edgeClass(k, l) || valueWeight == 0) {
        return 0.0;
      }
      double[] ya = a.admittance(i, j);
      double[] yb = b.admittance(k, l);
      double decades = 0;
      for (int kind = 0; kind < 3; kind++) {
        if (ya[kind] > 0 && yb[kind] > 0) {
          decades += Math.abs(Math.log10(ya[kind] / yb[kind]));
        }
      }
      return valueWeight * decades;
    }
  }
}
