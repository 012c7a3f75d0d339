package org.zged.graph;

import java.util.ArrayList;
import java.util.List;
import org.zged.circuit.Circuit;
import org.zged.circuit.CircuitGraph;
import org.zged.circuit.EdgeClass;
import org.zged.circuit.Element;
import org.zged.circuit.ElementKind;

/**
 * A circuit's canonical form: the circuit reduced by {@link CircuitReduction}'s rules, its internal
 * nodes renamed n1, n2, ... in the canonical order of {@link CanonicalLabelling}, and its {@link
 * TopologySignature}. Two circuits have the same signature exactly when their reduced graphs are
 * isomorphic with GND, VIN and VOUT fixed and the joint R/C/L class of every node pair kept.
 * Novelty, uniqueness, deduplication and dataset splits all use this form.
 */
public final class CanonicalForm {
  private static final String[] TERMINAL_NAMES = {Circuit.GND, Circuit.VIN, Circuit.VOUT};

  private final SlotGraph graph;
  private final int[] order;
  private final TopologySignature signature;

  private CanonicalForm(SlotGraph graph, int[] order, int isolated) {
    this.graph = graph;
    this.order = order;
    this.signature =
        new TopologySignature(render(graph, order, isolated), graph.size - 3, graph.edgeCount());
  }

  /** The reduced, canonically labelled circuit. */
  public static CanonicalForm of(Circuit circuit) {
    return build(SlotGraph.of(circuit), true);
  }

  public static CanonicalForm of(CircuitGraph graph) {
    return build(SlotGraph.of(graph), true);
  }

  /** The canonical labelling of the circuit as it is, without the reduction rules. */
  public static CanonicalForm exact(Circuit circuit) {
    return build(SlotGraph.of(circuit), false);
  }

  public static CanonicalForm exact(CircuitGraph graph) {
    return build(SlotGraph.of(graph), false);
  }

  private static CanonicalForm build(SlotGraph g, boolean reduce) {
    if (reduce) {
      CircuitReduction.reduce(g);
    }
    int[] keep = new int[g.size];
    int kept = 0;
    for (int v = 0; v < g.size; v++) {
      if (v < SlotGraph.TERMINALS || g.degree(v) > 0) {
        keep[kept++] = v;
      }
    }
    int isolated = reduce ? 0 : g.size - kept; // the reduced form just drops them
    SlotGraph compact = kept == g.size ? g : compact(g, keep, kept);
    int n = compact.size;
    byte[] colour = new byte[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (i != j) {
          colour[i * n + j] = (byte) compact.edgeClass(i, j).ordinal();
        }
      }
    }
    return new CanonicalForm(compact, CanonicalLabelling.of(n, colour), isolated);
  }

  private static SlotGraph compact(SlotGraph g, int[] keep, int kept) {
    SlotGraph out = new SlotGraph(kept);
    for (int i = 0; i < kept; i++) {
      out.names[i] = g.names[keep[i]];
      for (int j = 0; j < kept; j++) {
        int from = keep[i] * g.size + keep[j];
        int to = i * kept + j;
        out.g[to] = g.g[from];
        out.c[to] = g.c[from];
        out.gamma[to] = g.gamma[from];
      }
    }
    return out;
  }

  public TopologySignature signature() {
    return signature;
  }

  /** Nodes of the reduced circuit that carry an element (terminals included). */
  public int nodes() {
    int count = 0;
    for (int v = 0; v < graph.size; v++) {
      if (graph.degree(v) > 0) {
        count++;
      }
    }
    return count;
  }

  /** Elements of the reduced circuit: one per kind present on each node pair. */
  public int elements() {
    int count = 0;
    for (int i = 0; i < graph.size; i++) {
      for (int j = i + 1; j < graph.size; j++) {
        count += graph.edgeClass(i, j).elementCount();
      }
    }
    return count;
  }

  /**
   * The reduced circuit with canonical node names, its elements in canonical pair order (R, C, L
   * within a pair) and named R1, C1, L1, ... in that order.
   */
  public Circuit reduced() {
    String[] name = canonicalNames(order.length);
    List<Element> out = new ArrayList<>();
    int[] counts = new int[ElementKind.values().length];
    int n = graph.size;
    for (int p = 0; p < n; p++) {
      for (int q = p + 1; q < n; q++) {
        int k = order[p] * n + order[q];
        add(out, counts, ElementKind.R, name[p], name[q], graph.g[k], true);
        add(out, counts, ElementKind.C, name[p], name[q], graph.c[k], false);
        add(out, counts, ElementKind.L, name[p], name[q], graph.gamma[k], true);
      }
    }
    return new Circuit(out);
  }

  private static void add(
      List<Element> out,
      int[] counts,
      ElementKind kind,
      String a,
      String b,
      double coefficient,
      boolean inverse) {
    if (coefficient > 0) {
      String label = String.valueOf(kind.letter()) + ++counts[kind.ordinal()];
      out.add(new Element(label, kind, a, b, inverse ? 1.0 / coefficient : coefficient));
    }
  }

  private static String[] canonicalNames(int n) {
    String[] name = new String[n];
    for (int p = 0; p < n; p++) {
      name[p] = p < SlotGraph.TERMINALS ? TERMINAL_NAMES[p] : "n" + (p - 2);
    }
    return name;
  }

  private static String render(SlotGraph g, int[] order, int isolated) {
    String[] name = canonicalNames(order.length);
    StringBuilder sb = new StringBuilder();
    for (int p = 0; p < order.length; p++) {
      for (int q = p + 1; q < order.length; q++) {
        EdgeClass c = g.edgeClass(order[p], order[q]);
        if (c != EdgeClass.NONE) {
          if (sb.length() > 0) {
            sb.append(' ');
          }
          sb.append(c.name()).append('(').append(name[p]).append(',').append(name[q]).append(')');
        }
      }
    }
    String key = sb.length() == 0 ? "(no elements)" : sb.toString();
    return isolated == 0 ? key : key + " +" + isolated + " isolated";
  }
}
