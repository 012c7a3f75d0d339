package org.zged.circuit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A passive filter: R, C and L elements between named nodes, driven at {@link #VIN} against {@link
 * #GND}, observed at {@link #VOUT}. Immutable. Construction does not validate; {@link #validate()}
 * does, so that readers can attach file positions to the messages.
 */
public final class Circuit {
  public static final String GND = "0";
  public static final String VIN = "vin";
  public static final String VOUT = "vout";

  private final String title;
  private final List<Element> elements;
  private final List<String> nodes;

  public Circuit(String title, List<Element> elements) {
    this.title = title == null ? "" : title;
    this.elements = List.copyOf(elements);
    this.nodes = orderNodes(this.elements);
  }

  public Circuit(List<Element> elements) {
    this("", elements);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Lower-cases a node name and maps the ground aliases ("0", "gnd") to {@link #GND}. */
  public static String canonicalNode(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT);
    return n.equals("gnd") ? GND : n;
  }

  public String title() {
    return title;
  }

  public List<Element> elements() {
    return elements;
  }

  /** Node names in graph order: GND, VIN, VOUT (those present), then internal nodes. */
  public List<String> nodes() {
    return nodes;
  }

  public List<String> internalNodes() {
    return nodes.stream().filter(n -> NodeType.of(n) == NodeType.INTERNAL).toList();
  }

  public Element element(String name) {
    for (Element e : elements) {
      if (e.name().equalsIgnoreCase(name)) {
        return e;
      }
    }
    return null;
  }

  public Circuit withElements(List<Element> newElements) {
    return new Circuit(title, newElements);
  }

  /** A copy with element values replaced, in element order. */
  public Circuit withValues(double[] values) {
    if (values.length != elements.size()) {
      throw new IllegalArgumentException(
          "expected " + elements.size() + " values, got " + values.length);
    }
    List<Element> out = new ArrayList<>(elements.size());
    for (int i = 0; i < values.length; i++) {
      out.add(elements.get(i).withValue(values[i]));
    }
    return new Circuit(title, out);
  }

  public double[] values() {
    double[] v = new double[elements.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = elements.get(i).value();
    }
    return v;
  }

  /**
   * Checks that this is a well-formed filter and throws {@link CircuitException} naming the first
   * problem (and the element, where one is to blame).
   */
  public void validate() {
    List<String> problems = problems();
    if (!problems.isEmpty()) {
      throw new CircuitException(problems.get(0));
    }
  }

  public boolean isValid() {
    return problems().isEmpty();
  }

  /** Every problem found, most fundamental first; empty when the circuit is well formed. */
  public List<String> problems() {
    List<String> out = new ArrayList<>();
    if (elements.isEmpty()) {
      out.add("the circuit has no elements");
      return out;
    }
    Set<String> names = new HashSet<>();
    for (Element e : elements) {
      if (!names.add(e.name().toLowerCase(Locale.ROOT))) {
        out.add("element " + e.name() + " is defined twice");
      }
      if (e.nodeA().equals(e.nodeB())) {
        out.add("element " + e.name() + " connects node " + e.nodeA() + " to itself");
      }
      if (!Double.isFinite(e.value()) || e.value() <= 0) {
        out.add(
            "element " + e.name() + " has value " + e.value() + "; values must be finite and > 0");
      }
    }
    if (!nodes.contains(VIN)) {
      out.add("no element touches the input node VIN");
    }
    if (!nodes.contains(VOUT)) {
      out.add("no element touches the output node VOUT");
    }
    Map<String, Integer> degree = new HashMap<>();
    for (Element e : elements) {
      if (!e.nodeA().equals(e.nodeB())) {
        degree.merge(e.nodeA(), 1, Integer::sum);
        degree.merge(e.nodeB(), 1, Integer::sum);
      }
    }
    for (String n : internalNodes()) {
      if (degree.getOrDefault(n, 0) < 2) {
        out.add("node " + n + " is floating: only one element connects to it");
      }
    }
    if (nodes.contains(VIN) && nodes.contains(VOUT) && !connected(VIN, VOUT)) {
      out.add("VOUT cannot be reached from VIN through the elements");
    }
    return out;
  }

  /** True when {@code to} can be reached from {@code from} through elements. */
  public boolean connected(String from, String to) {
    Map<String, List<String>> adj = new HashMap<>();
    for (Element e : elements) {
      adj.computeIfAbsent(e.nodeA(), k -> new ArrayList<>()).add(e.nodeB());
      adj.computeIfAbsent(e.nodeB(), k -> new ArrayList<>()).add(e.nodeA());
    }
    Set<String> seen = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>();
    todo.add(from);
    seen.add(from);
    while (!todo.isEmpty()) {
      String n = todo.poll();
      if (n.equals(to)) {
        return true;
      }
      for (String m : adj.getOrDefault(n, List.of())) {
        if (seen.add(m)) {
          todo.add(m);
        }
      }
    }
    return false;
  }

  private static List<String> orderNodes(List<Element> elements) {
    Set<String> seen = new LinkedHashSet<>();
    for (Element e : elements) {
      seen.add(e.nodeA());
      seen.add(e.nodeB());
    }
    List<String> out = new ArrayList<>();
    for (String t : List.of(GND, VIN, VOUT)) {
      if (seen.remove(t)) {
        out.add(t);
      }
    }
    out.addAll(seen);
    return Collections.unmodifiableList(out);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Circuit other && elements.equals(other.elements);
  }

  @Override
  public int hashCode() {
    return elements.hashCode();
  }

  @Override
  public String toString() {
    return "Circuit" + elements;
  }

  /** Fluent construction for tests and family templates. */
  public static final class Builder {
    private final List<Element> elements = new ArrayList<>();
    private String title = "";

    public Builder title(String t) {
      this.title = t;
      return this;
    }

    public Builder add(String name, ElementKind kind, String a, String b, double value) {
      elements.add(new Element(name, kind, a, b, value));
      return this;
    }

    public Builder r(String name, String a, String b, double ohms) {
      return add(name, ElementKind.R, a, b, ohms);
    }

    public Builder c(String name, String a, String b, double farads) {
      return add(name, ElementKind.C, a, b, farads);
    }

    public Builder l(String name, String a, String b, double henries) {
      return add(name, ElementKind.L, a, b, henries);
    }

    public Circuit build() {
      return new Circuit(title, elements);
    }
  }
}
