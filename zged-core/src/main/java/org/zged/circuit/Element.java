package org.zged.circuit;

import java.util.Locale;
import java.util.Objects;

/**
 * A two-terminal R, C or L with its SI value. Node names are canonical: {@link Circuit#GND}, {@link
 * Circuit#VIN}, {@link Circuit#VOUT} or an internal name, always lower case.
 */
public record Element(String name, ElementKind kind, String nodeA, String nodeB, double value) {

  public Element {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    nodeA = Circuit.canonicalNode(Objects.requireNonNull(nodeA, "nodeA"));
    nodeB = Circuit.canonicalNode(Objects.requireNonNull(nodeB, "nodeB"));
  }

  /** The admittance coefficient this element adds to its edge: 1/R to G, C to C, 1/L to Γ. */
  public double admittanceCoefficient() {
    return kind == ElementKind.C ? value : 1.0 / value;
  }

  public boolean touches(String node) {
    return nodeA.equals(node) || nodeB.equals(node);
  }

  public Element withValue(double newValue) {
    return new Element(name, kind, nodeA, nodeB, newValue);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s %s %s %s", name, nodeA, nodeB, value);
  }
}
