package org.zged.circuit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The graph view of a circuit: nodes in the order GND, VIN, VOUT, internal; one {@link Edge} per
 * connected node pair holding the summed admittance of everything between them. Circuit to graph
 * keeps every admittance total; graph to circuit emits one element per present kind per edge.
 */
public record CircuitGraph(List<String> nodeNames, List<Edge> edges) {

  public CircuitGraph {
    nodeNames = List.copyOf(nodeNames);
    edges = List.copyOf(edges);
  }

  public static CircuitGraph of(Circuit circuit) {
    return of(circuit, circuit.nodes());
  }

  /**
   * The graph with the nodes in the given order (which must hold every node of the circuit and may
   * hold more, which then have no edge).
   */
  public static CircuitGraph of(Circuit circuit, List<String> nodes) {
    Map<Long, double[]> sums = new LinkedHashMap<>();
    for (Element e : circuit.elements()) {
      int a = nodes.indexOf(e.nodeA());
      int b = nodes.indexOf(e.nodeB());
      if (a < 0 || b < 0) {
        throw new CircuitException(
            "element " + e.name() + " has a node outside the given order " + nodes);
      }
      if (a == b) {
        throw new CircuitException("element " + e.name() + " connects a node to itself");
      }
      long key = (long) Math.min(a, b) << 32 | Math.max(a, b);
      double[] s = sums.computeIfAbsent(key, k -> new double[3]);
      switch (e.kind()) {
        case R -> s[0] += 1.0 / e.value();
        case C -> s[1] += e.value();
        case L -> s[2] += 1.0 / e.value();
      }
    }
    List<Edge> edges = new ArrayList<>();
    sums.forEach((k, s) -> edges.add(new Edge((int) (k >>> 32), (int) (long) k, s[0], s[1], s[2])));
    edges.sort(
        (x, y) -> x.a() != y.a() ? Integer.compare(x.a(), y.a()) : Integer.compare(x.b(), y.b()));
    return new CircuitGraph(nodes, edges);
  }

  public int nodeCount() {
    return nodeNames.size();
  }

  public NodeType nodeType(int i) {
    return NodeType.of(nodeNames.get(i));
  }

  /** The index of a node name, or -1. */
  public int indexOf(String name) {
    return nodeNames.indexOf(Circuit.canonicalNode(name));
  }

  /** The edge between two nodes, or null. */
  public Edge edge(int i, int j) {
    int a = Math.min(i, j);
    int b = Math.max(i, j);
    for (Edge e : edges) {
      if (e.a() == a && e.b() == b) {
        return e;
      }
    }
    return null;
  }

  public EdgeClass edgeClass(int i, int j) {
    Edge e = edge(i, j);
    return e == null ? EdgeClass.NONE : e.edgeClass();
  }

  /** Back to elements: per edge one R (1/G), one C and one L (1/Γ) where present. */
  public Circuit toCircuit() {
    List<Element> out = new ArrayList<>();
    int nr = 0;
    int nc = 0;
    int nl = 0;
    for (Edge e : edges) {
      String a = nodeNames.get(e.a());
      String b = nodeNames.get(e.b());
      if (e.g() > 0) {
        out.add(new Element("R" + ++nr, ElementKind.R, a, b, 1.0 / e.g()));
      }
      if (e.c() > 0) {
        out.add(new Element("C" + ++nc, ElementKind.C, a, b, e.c()));
      }
      if (e.gamma() > 0) {
        out.add(new Element("L" + ++nl, ElementKind.L, a, b, 1.0 / e.gamma()));
      }
    }
    return new Circuit(out);
  }
}
