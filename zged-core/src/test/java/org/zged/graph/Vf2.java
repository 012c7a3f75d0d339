package org.zged.graph;

import org.jgrapht.Graph;
import org.jgrapht.alg.isomorphism.VF2GraphIsomorphismInspector;
import org.jgrapht.graph.SimpleGraph;
import org.zged.circuit.CircuitGraph;
import org.zged.circuit.Edge;

/**
 * Isomorphism by JGraphT's VF2, with terminals matched by role and edges by R/C/L class: the
 * independent judge of whether two canonical signatures should be equal.
 */
final class Vf2 {
  private Vf2() {}

  private record Labelled(int slot, int role) {}

  private record Wire(int a, int b, int edgeClass) {}

  static boolean isomorphic(CircuitGraph x, CircuitGraph y) {
    var inspector =
        new VF2GraphIsomorphismInspector<>(
            graph(x),
            graph(y),
            (Labelled p, Labelled q) -> Integer.compare(p.role(), q.role()),
            (Wire p, Wire q) -> Integer.compare(p.edgeClass(), q.edgeClass()));
    return inspector.isomorphismExists();
  }

  private static Graph<Labelled, Wire> graph(CircuitGraph g) {
    Graph<Labelled, Wire> out = new SimpleGraph<>(Wire.class);
    Labelled[] v = new Labelled[g.nodeCount()];
    for (int i = 0; i < v.length; i++) {
      v[i] = new Labelled(i, g.nodeType(i).ordinal());
      out.addVertex(v[i]);
    }
    for (Edge e : g.edges()) {
      out.addEdge(v[e.a()], v[e.b()], new Wire(e.a(), e.b(), e.edgeClass().ordinal()));
    }
    return out;
  }
}
