package org.zged.eval;

import org.zged.circuit.CircuitGraph;
import org.zged.circuit.Edge;
import org.zged.circuit.EdgeClass;
import org.zged.circuit.NodeType;

/**
 * A graph laid out on the model's padded node grid: GND, VIN and VOUT in slots 0, 1, 2 (by role, so
 * a missing terminal leaves its slot empty instead of shifting the others), internal nodes from
 * slot 3 in graph order, the rest empty. Reconstruction is scored slot by slot on this layout, the
 * layout the model is trained on.
 */
public record SlotGraph(int[] nodeClass, EdgeClass[][] edgeClass, double[][][] admittance) {
  /** Node class of an empty slot (after the four {@link NodeType}s). */
  public static final int ABSENT = NodeType.values().length;

  private static final int TERMINALS = 3;

  public static SlotGraph of(CircuitGraph g, int slots) {
    int internal =
        (int) g.nodeNames().stream().filter(n -> NodeType.of(n) == NodeType.INTERNAL).count();
    int n = Math.max(slots, TERMINALS + internal);
    int[] slotOf = new int[g.nodeCount()];
    int[] cls = new int[n];
    java.util.Arrays.fill(cls, ABSENT);
    int next = TERMINALS;
    for (int i = 0; i < g.nodeCount(); i++) {
      NodeType t = g.nodeType(i);
      slotOf[i] = t == NodeType.INTERNAL ? next++ : t.ordinal();
      cls[slotOf[i]] = t.ordinal();
    }
    EdgeClass[][] e = new EdgeClass[n][n];
    double[][][] y = new double[n][n][];
    for (EdgeClass[] row : e) {
      java.util.Arrays.fill(row, EdgeClass.NONE);
    }
    for (Edge edge : g.edges()) {
      int a = slotOf[edge.a()];
      int b = slotOf[edge.b()];
      e[a][b] = edge.edgeClass();
      e[b][a] = edge.edgeClass();
      double[] v = {edge.g(), edge.c(), edge.gamma()};
      y[a][b] = v;
      y[b][a] = v;
    }
    return new SlotGraph(cls, e, y);
  }

  public int slots() {
    return nodeClass.length;
  }

  public int edgeCount() {
    int count = 0;
    for (int i = 0; i < slots(); i++) {
      for (int j = i + 1; j < slots(); j++) {
        if (edgeClass[i][j] != EdgeClass.NONE) {
          count++;
        }
      }
    }
    return count;
  }

  /** True when a path of edges joins the two slots (both must hold a node). */
  public boolean joined(int from, int to) {
    if (node(from) == ABSENT || node(to) == ABSENT) {
      return false;
    }
    boolean[] seen = new boolean[slots()];
    java.util.ArrayDeque<Integer> todo = new java.util.ArrayDeque<>();
    todo.add(from);
    seen[from] = true;
    while (!todo.isEmpty()) {
      int x = todo.poll();
      if (x == to) {
        return true;
      }
      for (int j = 0; j < slots(); j++) {
        if (!seen[j] && edgeClass[x][j] != EdgeClass.NONE) {
          seen[j] = true;
          todo.add(j);
        }
      }
    }
    return false;
  }

  public EdgeClass edge(int i, int j) {
    return i < slots() && j < slots() ? edgeClass[i][j] : EdgeClass.NONE;
  }

  public int node(int i) {
    return i < slots() ? nodeClass[i] : ABSENT;
  }

  /** {G, C, Γ} between two slots, or null. */
  public double[] values(int i, int j) {
    return i < slots() && j < slots() ? admittance[i][j] : null;
  }
}
