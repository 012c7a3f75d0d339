package org.zged.graph;

import java.util.HashMap;
import java.util.Map;
import org.zged.circuit.Circuit;
import org.zged.circuit.CircuitGraph;
import org.zged.circuit.Edge;
import org.zged.circuit.EdgeClass;
import org.zged.circuit.Element;
import org.zged.circuit.NodeType;

/**
 * A circuit as a dense, mutable admittance matrix over node slots: GND 0, VIN 1, VOUT 2, internal
 * nodes from 3 in order of first appearance. Each pair holds the summed {G, C, Γ} of everything
 * between the two nodes, so parallel elements are merged on the way in. Dense arrays because the
 * circuits are small (≤ 16 nodes in the open space) and the canonical form must take microseconds.
 */
final class SlotGraph {
  static final int TERMINALS = 3;

  final int size;
  final double[] g;
  final double[] c;
  final double[] gamma;

  /** Names of the slots in the source circuit (terminal names for 0..2). */
  final String[] names;

  SlotGraph(int size) {
    this.size = size;
    this.g = new double[size * size];
    this.c = new double[size * size];
    this.gamma = new double[size * size];
    this.names = new String[size];
    names[0] = Circuit.GND;
    names[1] = Circuit.VIN;
    names[2] = Circuit.VOUT;
  }

  static SlotGraph of(Circuit circuit) {
    Map<String, Integer> slot = new HashMap<>();
    slot.put(Circuit.GND, 0);
    slot.put(Circuit.VIN, 1);
    slot.put(Circuit.VOUT, 2);
    for (Element e : circuit.elements()) {
      slot.putIfAbsent(e.nodeA(), slot.size());
      slot.putIfAbsent(e.nodeB(), slot.size());
    }
    SlotGraph out = new SlotGraph(slot.size());
    slot.forEach((name, i) -> out.names[i] = name);
    for (Element e : circuit.elements()) {
      int a = slot.get(e.nodeA());
      int b = slot.get(e.nodeB());
      if (a == b) {
        continue; // both ends on one node: carries nothing
      }
      switch (e.kind()) {
        case R -> out.add(out.g, a, b, 1.0 / e.value());
        case C -> out.add(out.c, a, b, e.value());
        case L -> out.add(out.gamma, a, b, 1.0 / e.value());
      }
    }
    return out;
  }

  static SlotGraph of(CircuitGraph graph) {
    int[] slot = new int[graph.nodeCount()];
    int next = TERMINALS;
    for (int i = 0; i < graph.nodeCount(); i++) {
      NodeType type = graph.nodeType(i);
      slot[i] =
          switch (type) {
            case GND -> 0;
            case VIN -> 1;
            case VOUT -> 2;
            case INTERNAL -> next++;
          };
    }
    SlotGraph out = new SlotGraph(next);
    for (int i = 0; i < graph.nodeCount(); i++) {
      out.names[slot[i]] = graph.nodeNames().get(i);
    }
    for (Edge e : graph.edges()) {
      int a = slot[e.a()];
      int b = slot[e.b()];
      out.add(out.g, a, b, e.g());
      out.add(out.c, a, b, e.c());
      out.add(out.gamma, a, b, e.gamma());
    }
    return out;
  }

  private void add(double[] m, int a, int b, double v) {
    m[a * size + b] += v;
    m[b * size + a] += v;
  }

  boolean present(int a, int b) {
    int k = a * size + b;
    return g[k] > 0 || c[k] > 0 || gamma[k] > 0;
  }

  EdgeClass edgeClass(int a, int b) {
    int k = a * size + b;
    return EdgeClass.of(g[k] > 0, c[k] > 0, gamma[k] > 0);
  }

  void remove(int a, int b) {
    set(a, b, 0, 0, 0);
  }

  void set(int a, int b, double gv, double cv, double gammaV) {
    int k = a * size + b;
    int t = b * size + a;
    g[k] = g[t] = gv;
    c[k] = c[t] = cv;
    gamma[k] = gamma[t] = gammaV;
  }

  int degree(int node) {
    int d = 0;
    for (int j = 0; j < size; j++) {
      if (j != node && present(node, j)) {
        d++;
      }
    }
    return d;
  }

  int edgeCount() {
    int n = 0;
    for (int i = 0; i < size; i++) {
      for (int j = i + 1; j < size; j++) {
        if (present(i, j)) {
          n++;
        }
      }
    }
    return n;
  }
}
