package org.zged.graph;

/**
 * The reduction rules of the canonical form, applied until none applies. Each keeps V(vout)/V(vin)
 * exactly (the source is an ideal voltage source between VIN and GND):
 *
 * <ol>
 *   <li>parallel elements of one kind between the same two nodes become one (1/R, C and 1/L add);
 *       this happens when the {@link SlotGraph} is built;
 *   <li>two elements of one kind in series through an internal node that touches nothing else
 *       become one (R and L add, 1/C add), since that node's voltage is eliminated exactly;
 *   <li>elements that carry no signal are dropped: both ends on one node, one end on an internal
 *       node that touches nothing else (no current flows), in parallel with the ideal source (VIN
 *       to GND: it changes the source current, never a node voltage), or in a part of the circuit
 *       with no path to VIN or GND (its voltages are undetermined and nothing reaches VOUT);
 *   <li>an output lead that carries no current is shortened: when VOUT touches one node only, and
 *       that node is internal, the elements between them carry nothing (the output is open), so
 *       V(vout) is that node's voltage; the lead is dropped and VOUT takes the node's place.
 * </ol>
 *
 * A series merge can create a new parallel pair (merged at once) or a new element across the
 * source, and a dropped element can leave a new dangling node, hence the fixed-point loop.
 */
final class CircuitReduction {
  private CircuitReduction() {}

  /** Reduces {@code graph} in place. */
  static void reduce(SlotGraph graph) {
    boolean changed = true;
    while (changed) {
      changed = dropAcrossSource(graph);
      changed |= dropUnreachable(graph);
      changed |= shortenOutputLead(graph);
      for (int v = SlotGraph.TERMINALS; v < graph.size; v++) {
        changed |= dropDangling(graph, v) || mergeSeries(graph, v);
      }
    }
  }

  private static boolean dropAcrossSource(SlotGraph graph) {
    if (!graph.present(0, 1)) {
      return false;
    }
    graph.remove(0, 1);
    return true;
  }

  /** Removes every element outside the part connected to VIN and GND (joined by the source). */
  private static boolean dropUnreachable(SlotGraph graph) {
    int n = graph.size;
    boolean[] seen = new boolean[n];
    int[] stack = new int[n];
    int top = 0;
    seen[0] = seen[1] = true;
    stack[top++] = 0;
    stack[top++] = 1;
    while (top > 0) {
      int v = stack[--top];
      for (int w = 0; w < n; w++) {
        if (!seen[w] && graph.present(v, w)) {
          seen[w] = true;
          stack[top++] = w;
        }
      }
    }
    boolean changed = false;
    for (int v = 0; v < n; v++) {
      if (seen[v]) {
        continue;
      }
      for (int w = v + 1; w < n; w++) {
        if (graph.present(v, w)) {
          graph.remove(v, w);
          changed = true;
        }
      }
    }
    return changed;
  }

  /**
   * VOUT on a single internal neighbour u: drops the VOUT–u lead and moves u's other elements onto
   * VOUT. u's edges cannot collide with VOUT's, which had none but the lead. A lead to VIN or GND
   * is left alone: H is then 1 or 0 and the circuit is no filter, which the validity checks say.
   */
  private static boolean shortenOutputLead(SlotGraph graph) {
    int u = soleNeighbour(graph, 2);
    if (u < SlotGraph.TERMINALS) {
      return false;
    }
    graph.remove(2, u);
    int n = graph.size;
    for (int w = 0; w < n; w++) {
      if (w != u && graph.present(u, w)) {
        int k = u * n + w;
        graph.set(2, w, graph.g[k], graph.c[k], graph.gamma[k]);
        graph.remove(u, w);
      }
    }
    return true;
  }

  private static boolean dropDangling(SlotGraph graph, int v) {
    int only = soleNeighbour(graph, v);
    if (only < 0) {
      return false;
    }
    graph.remove(v, only);
    return true;
  }

  /** The one neighbour of {@code v}, or -1 when it has none or several. */
  private static int soleNeighbour(SlotGraph graph, int v) {
    int found = -1;
    for (int w = 0; w < graph.size; w++) {
      if (w != v && graph.present(v, w)) {
        if (found >= 0) {
          return -1;
        }
        found = w;
      }
    }
    return found;
  }

  private static boolean mergeSeries(SlotGraph graph, int v) {
    int a = -1;
    int b = -1;
    for (int w = 0; w < graph.size; w++) {
      if (w != v && graph.present(v, w)) {
        if (a < 0) {
          a = w;
        } else if (b < 0) {
          b = w;
        } else {
          return false; // degree 3 or more
        }
      }
    }
    if (b < 0) {
      return false;
    }
    int n = graph.size;
    int va = v * n + a;
    int vb = v * n + b;
    int ab = a * n + b;
    // Only single-kind edges of the same kind merge; each coefficient combines as x·y/(x+y).
    if (single(graph.g, graph.c, graph.gamma, va) && single(graph.g, graph.c, graph.gamma, vb)) {
      double g = series(graph.g[va], graph.g[vb]);
      double c = series(graph.c[va], graph.c[vb]);
      double gamma = series(graph.gamma[va], graph.gamma[vb]);
      if (sameKind(graph, va, vb)) {
        graph.remove(v, a);
        graph.remove(v, b);
        graph.set(a, b, graph.g[ab] + g, graph.c[ab] + c, graph.gamma[ab] + gamma);
        return true;
      }
    }
    return false;
  }

  private static boolean single(double[] g, double[] c, double[] gamma, int k) {
    int kinds = (g[k] > 0 ? 1 : 0) + (c[k] > 0 ? 1 : 0) + (gamma[k] > 0 ? 1 : 0);
    return kinds == 1;
  }

  private static boolean sameKind(SlotGraph graph, int x, int y) {
    return (graph.g[x] > 0) == (graph.g[y] > 0)
        && (graph.c[x] > 0) == (graph.c[y] > 0)
        && (graph.gamma[x] > 0) == (graph.gamma[y] > 0);
  }

  /** Two coefficients of one kind in series: 0 when that kind is absent from both. */
  private static double series(double x, double y) {
    return x > 0 && y > 0 ? x * y / (x + y) : 0;
  }
}
