package org.zged.model;

import java.util.ArrayList;
import java.util.List;
import org.zged.circuit.Circuit;
import org.zged.circuit.CircuitGraph;
import org.zged.circuit.Edge;
import org.zged.circuit.Element;
import org.zged.circuit.NodeType;
import org.zged.graph.CanonicalForm;

/**
 * The order in which a model lays a circuit's nodes on its slots. With {@code model.node_order:
 * canonical} the internal nodes follow the canonical labelling of {@link CanonicalForm#exact} (no
 * reduction rules), so two relabellings of one circuit give the same tensors and the decoder's
 * target graph is well defined; otherwise they keep the circuit's order of first appearance.
 */
public final class SlotOrder {
  private SlotOrder() {}

  /** The graph in the slot order of {@code cfg}. */
  public static CircuitGraph of(CircuitGraph g, ModelConfig cfg) {
    return cfg.canonicalOrder() ? canonical(g) : g;
  }

  public static CircuitGraph of(Circuit c, ModelConfig cfg) {
    return of(CircuitGraph.of(c), cfg);
  }

  /**
   * GND, VIN, VOUT, then the internal nodes renamed n1, n2, ... in canonical order. A graph that
   * lacks a terminal or has a node without elements is returned as it is (its slots could not keep
   * their meaning).
   */
  public static CircuitGraph canonical(CircuitGraph g) {
    int n = g.nodeCount();
    if (n < 3
        || g.nodeType(0) != NodeType.GND
        || g.nodeType(1) != NodeType.VIN
        || g.nodeType(2) != NodeType.VOUT) {
      return g;
    }
    int[] degree = new int[n];
    for (Edge e : g.edges()) {
      degree[e.a()]++;
      degree[e.b()]++;
    }
    for (int i = 3; i < n; i++) {
      if (degree[i] == 0) {
        return g;
      }
    }
    Circuit reduced = CanonicalForm.exact(g).reduced();
    List<String> names = new ArrayList<>(List.of(Circuit.GND, Circuit.VIN, Circuit.VOUT));
    for (int i = 1; i <= n - 3; i++) {
      names.add("n" + i);
    }
    for (Element e : reduced.elements()) {
      if (!names.contains(e.nodeA()) || !names.contains(e.nodeB())) {
        return g;
      }
    }
    return CircuitGraph.of(reduced, names);
  }
}
