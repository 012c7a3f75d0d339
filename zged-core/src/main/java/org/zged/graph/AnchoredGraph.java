package org.zged.graph;

import java.util.ArrayList;
import java.util.List;
import org.zged.circuit.CircuitGraph;
import org.zged.circuit.Edge;
import org.zged.circuit.EdgeClass;
import org.zged.circuit.NodeType;

/**
 * A circuit graph re-indexed so that the three terminals always sit in fixed slots ({@link #GND} 0,
 * {@link #VIN} 1, {@link #VOUT} 2) and internal nodes follow from slot 3. A terminal that the
 * source graph lacks is kept as an isolated slot: anchoring by role is then the same for every
 * graph, which is what both the canonical signature and the edit distance need.
 */
final class AnchoredGraph {
  static final int GND = 0;
  static final int VIN = 1;
  static final int VOUT = 2;
  static final int TERMINALS = 3;

  private final int size;
  private final EdgeClass[][] classes;

  /** Per node pair the admittance totals {G, C, Γ}; null where there is no edge. */
  private final double[][][] admittance;

  private AnchoredGraph(int size) {
    this.size = size;
    this.classes = new EdgeClass[size][size];
    this.admittance = new double[size][size][];
    for (EdgeClass[] row : classes) {
      java.util.Arrays.fill(row, EdgeClass.NONE);
    }
  }

  static AnchoredGraph of(CircuitGraph graph) {
    int[] slot = new int[graph.nodeCount()];
    int next = TERMINALS;
    for (int i = 0; i < graph.nodeCount(); i++) {
      NodeType type = graph.nodeType(i);
      slot[i] =
          switch (type) {
            case GND -> GND;
            case VIN -> VIN;
            case VOUT -> VOUT;
            case INTERNAL -> next++;
          };
    }
    AnchoredGraph out = new AnchoredGraph(next);
    for (Edge e : graph.edges()) {
      int a = slot[e.a()];
      int b = slot[e.b()];
      EdgeClass cls = e.edgeClass();
      if (cls == EdgeClass.NONE) {
        continue; // an all-zero edge carries no element
      }
      double[] y = {e.g(), e.c(), e.gamma()};
      out.classes[a][b] = cls;
      out.classes[b][a] = cls;
      out.admittance[a][b] = y;
      out.admittance[b][a] = y;
    }
    return out;
  }

  /** Number of slots: 3 terminals plus the internal nodes. */
  int size() {
    return size;
  }

  int internalCount() {
    return size - TERMINALS;
  }

  EdgeClass edgeClass(int i, int j) {
    return classes[i][j];
  }

  /** {G, C, Γ} of the edge between two slots, or null. */
  double[] admittance(int i, int j) {
    return admittance[i][j];
  }

  int degree(int node) {
    int d = 0;
    for (int j = 0; j < size; j++) {
      if (classes[node][j] != EdgeClass.NONE) {
        d++;
      }
    }
    return d;
  }

  int edgeCount() {
    int n = 0;
    for (int i = 0; i < size; i++) {
      for (int j = i + 1; j < size; j++) {
        if (classes[i][j] != EdgeClass.NONE) {
          n++;
        }
      }
    }
    return n;
  }

  /** The internal slots, 3 .. size-1. */
  List<Integer> internals() {
    List<Integer> out = new ArrayList<>();
    for (int i = TERMINALS; i < size; i++) {
      out.add(i);
    }
    return out;
  }
}
