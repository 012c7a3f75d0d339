package org.zged.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.zged.circuit.Circuit;
import org.zged.circuit.CircuitGraph;
import org.zged.circuit.EdgeClass;

/**
 * The canonical form of a circuit's topology: which element kinds (the joint {@link EdgeClass})
 * connect which nodes, up to renaming the internal nodes, with GND, VIN and VOUT fixed. Two graphs
 * have equal signatures exactly when they are isomorphic under such a renaming; element values are
 * ignored.
 *
 * <p>The form is exact, not a hash heuristic: internal nodes are first split into cells by an
 * isomorphism-invariant colour (degree and incident classes, refined by the neighbours' colours),
 * the cells are ordered by colour, and every ordering within the cells is tried; the smallest
 * adjacency code wins. Because the colours are invariant, isomorphic graphs try the same set of
 * codes. The work is the product of the cell sizes' factorials, which for filter circuits (a few
 * internal nodes, mostly distinguishable) is a handful of orderings.
 *
 * <p>The {@link #key()} is readable, e.g. {@code R(vin,vout) C(0,vout)} or {@code L(vin,n1)
 * C(n1,vout) R(0,vout)}, with internal nodes renamed n1, n2, ... in canonical order; isolated
 * internal nodes are counted at the end.
 */
public final class TopologySignature implements Comparable<TopologySignature> {
  private static final String[] TERMINAL_NAMES = {Circuit.GND, Circuit.VIN, Circuit.VOUT};

  private final String key;
  private final int internalNodes;
  private final int edges;

  private TopologySignature(String key, int internalNodes, int edges) {
    this.key = key;
    this.internalNodes = internalNodes;
    this.edges = edges;
  }

  public static TopologySignature of(Circuit circuit) {
    return of(CircuitGraph.of(circuit));
  }

  public static TopologySignature of(CircuitGraph graph) {
    AnchoredGraph g = AnchoredGraph.of(graph);
    int[] order = canonicalOrder(g);
    return new TopologySignature(render(g, order), g.internalCount(), g.edgeCount());
  }

  /** The readable canonical form; equal keys mean isomorphic topologies. */
  public String key() {
    return key;
  }

  public int internalNodes() {
    return internalNodes;
  }

  public int edges() {
    return edges;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TopologySignature other && key.equals(other.key);
  }

  @Override
  public int hashCode() {
    return key.hashCode();
  }

  @Override
  public int compareTo(TopologySignature o) {
    return key.compareTo(o.key);
  }

  @Override
  public String toString() {
    return key;
  }

  /**
   * The slots in canonical order: terminals 0, 1, 2 first, then the internal slots in the order
   * that gives the smallest adjacency code.
   */
  static int[] canonicalOrder(AnchoredGraph g) {
    List<List<Integer>> cells = colourCells(g);
    int[] order = new int[g.size()];
    for (int t = 0; t < AnchoredGraph.TERMINALS; t++) {
      order[t] = t;
    }
    int[] best = null;
    String bestCode = null;
    for (int[] candidate : orderingsWithinCells(cells)) {
      System.arraycopy(candidate, 0, order, AnchoredGraph.TERMINALS, candidate.length);
      String code = code(g, order);
      if (bestCode == null || code.compareTo(bestCode) < 0) {
        bestCode = code;
        best = order.clone();
      }
    }
    return best;
  }

  /** Internal slots grouped by an invariant colour, cells sorted by colour. */
  private static List<List<Integer>> colourCells(AnchoredGraph g) {
    int n = g.size();
    String[] colour = new String[n];
    for (int t = 0; t < AnchoredGraph.TERMINALS; t++) {
      colour[t] = "T" + t;
    }
    for (int i = AnchoredGraph.TERMINALS; i < n; i++) {
      // "Z" sorts isolated internal nodes after the connected ones, so the latter are n1, n2, ...
      colour[i] = g.degree(i) == 0 ? "Z" : "I";
    }
    // Colour refinement: a node's new colour is its old colour plus the sorted multiset of
    // (edge class, neighbour colour). n rounds always reach the stable partition.
    for (int round = 0; round < n; round++) {
      String[] next = colour.clone();
      for (int i = AnchoredGraph.TERMINALS; i < n; i++) {
        List<String> around = new ArrayList<>();
        for (int j = 0; j < n; j++) {
          EdgeClass c = g.edgeClass(i, j);
          if (c != EdgeClass.NONE) {
            around.add(c.name() + "/" + colour[j]);
          }
        }
        around.sort(Comparator.naturalOrder());
        next[i] = colour[i] + "[" + String.join(",", around) + "]";
      }
      if (Arrays.equals(next, colour)) {
        break;
      }
      colour = next;
    }
    List<Integer> internals = g.internals();
    final String[] fin = colour;
    internals.sort(Comparator.comparing(i -> fin[i]));
    List<List<Integer>> cells = new ArrayList<>();
    String last = null;
    for (int i : internals) {
      if (!fin[i].equals(last)) {
        cells.add(new ArrayList<>());
        last = fin[i];
      }
      cells.get(cells.size() - 1).add(i);
    }
    return cells;
  }

  /** Every concatenation of one permutation per cell, cells kept in their order. */
  private static List<int[]> orderingsWithinCells(List<List<Integer>> cells) {
    List<int[]> out = new ArrayList<>();
    out.add(new int[0]);
    for (List<Integer> cell : cells) {
      List<int[]> perms = new ArrayList<>();
      permute(cell.stream().mapToInt(Integer::intValue).toArray(), 0, perms);
      List<int[]> grown = new ArrayList<>();
      for (int[] prefix : out) {
        for (int[] p : perms) {
          int[] joined = Arrays.copyOf(prefix, prefix.length + p.length);
          System.arraycopy(p, 0, joined, prefix.length, p.length);
          grown.add(joined);
        }
      }
      out = grown;
    }
    return out;
  }

  private static void permute(int[] a, int k, List<int[]> out) {
    if (k == a.length) {
      out.add(a.clone());
      return;
    }
    for (int i = k; i < a.length; i++) {
      swap(a, k, i);
      permute(a, k + 1, out);
      swap(a, k, i);
    }
  }

  private static void swap(int[] a, int i, int j) {
    int t = a[i];
    a[i] = a[j];
    a[j] = t;
  }

  /** Upper-triangle class ordinals of the graph relabelled by {@code order}. */
  private static String code(AnchoredGraph g, int[] order) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < order.length; i++) {
      for (int j = i + 1; j < order.length; j++) {
        sb.append((char) ('0' + g.edgeClass(order[i], order[j]).ordinal()));
      }
    }
    return sb.toString();
  }

  private static String render(AnchoredGraph g, int[] order) {
    String[] name = new String[order.length];
    for (int p = 0; p < order.length; p++) {
      name[p] = p < AnchoredGraph.TERMINALS ? TERMINAL_NAMES[p] : "n" + (p - 2);
    }
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < order.length; i++) {
      for (int j = i + 1; j < order.length; j++) {
        EdgeClass c = g.edgeClass(order[i], order[j]);
        if (c != EdgeClass.NONE) {
          parts.add(c.name() + "(" + name[i] + "," + name[j] + ")");
        }
      }
    }
    int isolated = 0;
    for (int p = AnchoredGraph.TERMINALS; p < order.length; p++) {
      if (g.degree(order[p]) == 0) {
        isolated++;
      }
    }
    String key = parts.isEmpty() ? "(no elements)" : String.join(" ", parts);
    return isolated == 0 ? key : key + " +" + isolated + " isolated";
  }
}
