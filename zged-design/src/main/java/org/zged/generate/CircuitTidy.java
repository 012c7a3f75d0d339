package org.zged.generate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.zged.circuit.Circuit;
import org.zged.circuit.Element;
import org.zged.circuit.ElementKind;
import org.zged.circuit.NodeOrder;

/**
 * Puts a decoded circuit into the form a designer expects, without changing H(s): elements directly
 * across the ideal source (VIN to GND) are dropped — they cannot affect V(VOUT)/V(VIN); each
 * element is written from the node nearer VIN to the one farther away, ground last; elements are
 * listed along the signal path (series before shunt at each node) and renumbered R1, L1, C1…
 */
final class CircuitTidy {
  private CircuitTidy() {}

  static Circuit tidy(Circuit c) {
    List<Element> kept = new ArrayList<>();
    for (Element e : c.elements()) {
      if (!(e.touches(Circuit.VIN) && e.touches(Circuit.GND))) {
        kept.add(e);
      }
    }
    Circuit pruned = new Circuit(c.title(), kept);
    if (kept.isEmpty() || !pruned.isValid()) {
      pruned = c;
    }
    List<String> row = NodeOrder.row(pruned);
    List<Element> oriented = new ArrayList<>();
    for (Element e : pruned.elements()) {
      boolean swap =
          e.nodeA().equals(Circuit.GND)
              || (!e.nodeB().equals(Circuit.GND) && rank(row, e.nodeA()) > rank(row, e.nodeB()));
      oriented.add(swap ? new Element(e.name(), e.kind(), e.nodeB(), e.nodeA(), e.value()) : e);
    }
    oriented.sort(
        Comparator.<Element>comparingInt(e -> rank(row, e.nodeA()))
            .thenComparingInt(e -> e.nodeB().equals(Circuit.GND) ? 1 : 0)
            .thenComparingInt(e -> rank(row, e.nodeB()))
            .thenComparingInt(e -> order(e.kind())));
    Map<ElementKind, Integer> counters = new EnumMap<>(ElementKind.class);
    List<Element> named = new ArrayList<>();
    for (Element e : oriented) {
      int n = counters.merge(e.kind(), 1, Integer::sum);
      named.add(new Element(e.kind().name() + n, e.kind(), e.nodeA(), e.nodeB(), e.value()));
    }
    return new Circuit(c.title(), named);
  }

  private static int rank(List<String> row, String node) {
    int i = row.indexOf(node);
    return i < 0 ? Integer.MAX_VALUE : i;
  }

  private static int order(ElementKind k) {
    return switch (k) {
      case R -> 0;
      case L -> 1;
      case C -> 2;
    };
  }
}
