package org.zged.generate;

import java.util.List;
import org.zged.circuit.Circuit;
import org.zged.circuit.Element;

/**
 * One element of a returned circuit: {@code {"name": "R1", "kind": "R", "nodes": ["vin", "vout"],
 * "value": 1591.5}}.
 */
public record ElementReport(String name, String kind, List<String> nodes, double value) {

  public static List<ElementReport> of(Circuit c) {
    return c.elements().stream().map(ElementReport::of).toList();
  }

  public static ElementReport of(Element e) {
    return new ElementReport(e.name(), e.kind().name(), List.of(e.nodeA(), e.nodeB()), e.value());
  }
}
