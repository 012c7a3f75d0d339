package org.zged.circuit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The left-to-right order of a circuit's nodes, shared by the schematic and the circuit tidier. */
public final class NodeOrder {
  private NodeOrder() {}

  /** VIN first, VOUT last, internal nodes between them in breadth-first order from VIN. */
  public static List<String> row(Circuit c) {
    Map<String, List<String>> adj = new LinkedHashMap<>();
    for (Element e : c.elements()) {
      adj.computeIfAbsent(e.nodeA(), k -> new ArrayList<>()).add(e.nodeB());
      adj.computeIfAbsent(e.nodeB(), k -> new ArrayList<>()).add(e.nodeA());
    }
    Map<String, Integer> depth = new HashMap<>();
    Deque<String> todo = new ArrayDeque<>();
    depth.put(Circuit.VIN, 0);
    todo.add(Circuit.VIN);
    while (!todo.isEmpty()) {
      String n = todo.poll();
      for (String m : adj.getOrDefault(n, List.of())) {
        if (!m.equals(Circuit.GND) && depth.putIfAbsent(m, depth.get(n) + 1) == null) {
          todo.add(m);
        }
      }
    }
    List<String> internal = new ArrayList<>(c.internalNodes());
    internal.sort(
        Comparator.<String>comparingInt(n -> depth.getOrDefault(n, Integer.MAX_VALUE))
            .thenComparing(n -> n));
    List<String> row = new ArrayList<>();
    row.add(Circuit.VIN);
    row.addAll(internal);
    row.add(Circuit.VOUT);
    return row;
  }
}
