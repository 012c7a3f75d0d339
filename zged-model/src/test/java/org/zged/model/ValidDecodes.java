package org.zged.model;

import java.util.ArrayDeque;
import java.util.Deque;
import org.zged.circuit.CircuitGraph;
import org.zged.circuit.Edge;
import org.zged.circuit.NodeType;
import org.zged.eval.GeneratedCircuitCheck;

/**
 * The validity rules of a decoded filter, checked from the decoded graph alone (independently of
 * the decoder's own bookkeeping): the generative protocol's structural check, the circuit's own
 * problems, no element between VIN and GND, a VIN → VOUT path avoiding GND, a VOUT → GND path
 * avoiding VIN, VOUT on at least two elements, at least one capacitor or inductor, at least two
 * element kinds.
 */
public final class ValidDecodes {
  private ValidDecodes() {}

  /** The first broken rule, or "" when the decode is valid. */
  public static String problem(DecodeResult r) {
    CircuitGraph g = r.graph();
    if (r.circuit() == null) {
      return "no circuit";
    }
    if (!GeneratedCircuitCheck.structurallyValid(g)) {
      return GeneratedCircuitCheck.structuralProblems(g).toString();
    }
    if (!r.circuit().problems().isEmpty()) {
      return r.circuit().problems().toString();
    }
    int gnd = index(g, NodeType.GND);
    int vin = index(g, NodeType.VIN);
    int vout = index(g, NodeType.VOUT);
    int voutDegree = 0;
    boolean reactive = false;
    java.util.Set<Character> kinds = new java.util.HashSet<>();
    for (Edge e : g.edges()) {
      if (e.connects(vin) && e.connects(gnd)) {
        return "an element across the source";
      }
      voutDegree += e.connects(vout) ? 1 : 0;
      reactive |= e.c() > 0 || e.gamma() > 0;
      if (e.g() > 0) {
        kinds.add('R');
      }
      if (e.c() > 0) {
        kinds.add('C');
      }
      if (e.gamma() > 0) {
        kinds.add('L');
      }
    }
    if (voutDegree < 2) {
      return "VOUT on " + voutDegree + " element(s)";
    }
    if (!path(g, vin, vout, gnd)) {
      return "no VIN-VOUT path avoiding GND";
    }
    if (!path(g, vout, gnd, vin)) {
      return "no VOUT-GND path avoiding VIN";
    }
    if (!reactive) {
      return "no capacitor or inductor";
    }
    return kinds.size() >= 2 ? "" : "every element is a " + kinds.iterator().next();
  }

  private static int index(CircuitGraph g, NodeType t) {
    for (int i = 0; i < g.nodeCount(); i++) {
      if (g.nodeType(i) == t) {
        return i;
      }
    }
    throw new AssertionError("no " + t);
  }

  private static boolean path(CircuitGraph g, int from, int to, int avoid) {
    boolean[] seen = new boolean[g.nodeCount()];
    Deque<Integer> todo = new ArrayDeque<>();
    todo.add(from);
    seen[from] = true;
    while (!todo.isEmpty()) {
      int x = todo.poll();
      if (x == to) {
        return true;
      }
      for (Edge e : g.edges()) {
        if (e.connects(x) && !seen[e.other(x)] && e.other(x) != avoid) {
          seen[e.other(x)] = true;
          todo.add(e.other(x));
        }
      }
    }
    return false;
  }
}
