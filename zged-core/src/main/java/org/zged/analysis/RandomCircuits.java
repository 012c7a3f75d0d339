package org.zged.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.zged.circuit.Circuit;
import org.zged.circuit.EdgeClass;
import org.zged.circuit.Element;
import org.zged.circuit.ElementKind;

/**
 * Random valid filters for the accuracy checks (the property test and {@code zged bench analysis}):
 * GND, VIN, VOUT and internal nodes joined by a random spanning tree plus random extra branches,
 * every branch a random joint class (R, C, L or a parallel combination), each value spread over 12
 * decades around 1 kΩ, 1 nF, 1 mH. Any topology a graph allows, ladders and dense meshes alike.
 */
public final class RandomCircuits {
  /** Decades each value is spread over (centred on its base value). */
  public static final double DECADES = 12;

  private RandomCircuits() {}

  /** A valid circuit with {@code nodes} nodes in all (3 or more: GND, VIN, VOUT, internal). */
  public static Circuit of(SplittableRandom rnd, int nodes) {
    if (nodes < 3) {
      throw new IllegalArgumentException("a filter has at least 3 nodes, got " + nodes);
    }
    while (true) {
      Circuit c = attempt(rnd, nodes);
      if (c.isValid() && drivesOutput(c)) {
        return c;
      }
    }
  }

  private static Circuit attempt(SplittableRandom rnd, int nodes) {
    List<String> names = new ArrayList<>();
    names.add(Circuit.GND);
    names.add(Circuit.VIN);
    names.add(Circuit.VOUT);
    for (int i = 1; i <= nodes - 3; i++) {
      names.add("n" + i);
    }
    List<int[]> pairs = new ArrayList<>();
    boolean[][] used = new boolean[nodes][nodes];
    // random spanning tree: each node after the first joins an earlier one (random order)
    int[] order = new int[nodes];
    for (int i = 0; i < nodes; i++) {
      order[i] = i;
    }
    for (int i = nodes - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    for (int i = 1; i < nodes; i++) {
      addPair(pairs, used, order[i], order[rnd.nextInt(i)]);
    }
    int extra = rnd.nextInt(nodes + 1);
    for (int e = 0; e < extra; e++) {
      addPair(pairs, used, rnd.nextInt(nodes), rnd.nextInt(nodes));
    }
    List<Element> elements = new ArrayList<>();
    int[] counts = new int[3];
    for (int[] p : pairs) {
      if (isSourcePair(p)) {
        continue; // an element across the source changes nothing
      }
      EdgeClass ec = EdgeClass.ofIndex(1 + rnd.nextInt(EdgeClass.COUNT - 1));
      for (ElementKind kind : ElementKind.values()) {
        if (ec.has(kind)) {
          double spread = Math.pow(10, DECADES * (rnd.nextDouble() - 0.5));
          double base =
              switch (kind) {
                case R -> 1e3;
                case C -> 1e-9;
                case L -> 1e-3;
              };
          elements.add(
              new Element(
                  "" + kind.letter() + ++counts[kind.ordinal()],
                  kind,
                  names.get(p[0]),
                  names.get(p[1]),
                  base * spread));
        }
      }
    }
    return new Circuit("random " + nodes + "-node", elements);
  }

  /** VOUT reachable from VIN without passing through ground (else H is identically 0). */
  private static boolean drivesOutput(Circuit c) {
    java.util.Set<String> seen = new java.util.HashSet<>();
    java.util.Deque<String> todo = new java.util.ArrayDeque<>();
    todo.add(Circuit.VIN);
    seen.add(Circuit.VIN);
    while (!todo.isEmpty()) {
      String node = todo.poll();
      for (Element e : c.elements()) {
        String other =
            e.nodeA().equals(node) ? e.nodeB() : e.nodeB().equals(node) ? e.nodeA() : null;
        if (other != null && !other.equals(Circuit.GND) && seen.add(other)) {
          todo.add(other);
        }
      }
    }
    return seen.contains(Circuit.VOUT);
  }

  private static boolean isSourcePair(int[] p) {
    return (p[0] == 0 && p[1] == 1) || (p[0] == 1 && p[1] == 0);
  }

  private static void addPair(List<int[]> pairs, boolean[][] used, int a, int b) {
    if (a != b && !used[a][b]) {
      used[a][b] = true;
      used[b][a] = true;
      pairs.add(new int[] {a, b});
    }
  }
}
