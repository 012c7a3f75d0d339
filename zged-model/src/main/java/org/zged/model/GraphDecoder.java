package org.zged.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;
import org.zged.circuit.Circuit;
import org.zged.circuit.CircuitGraph;
import org.zged.circuit.Edge;
import org.zged.circuit.EdgeClass;
import org.zged.circuit.ElementKind;
import org.zged.circuit.NodeType;

/**
 * Turns decoder outputs (plain Java arrays, one sample at a time) into a {@link DecodeResult}:
 * picks each slot's node class and each pair's edge class (argmax, or a Gumbel-max sample at a
 * temperature), drops padding and self-pairs, converts scaled values back to admittance
 * coefficients and reports, rather than repairs, anything that is not a working filter.
 */
final class GraphDecoder {
  private final int n;

  GraphDecoder(ModelConfig cfg) {
    this.n = cfg.maxNodes();
  }

  /**
   * @param nodeLogits [n·5]
   * @param edgeLogProbs [n·n·8]
   * @param values [n·n·3]
   * @param rng null for argmax decoding
   */
  DecodeResult decode(
      float[] nodeLogits,
      float[] edgeLogProbs,
      float[] values,
      double temperature,
      SplittableRandom rng) {
    List<String> problems = new ArrayList<>();
    int[] slotClass = new int[n];
    for (int i = 0; i < n; i++) {
      slotClass[i] = pick(nodeLogits, i * 5, 5, temperature, rng);
    }
    // Canonical order: GND, VIN, VOUT, then internal nodes in slot order.
    List<Integer> order = new ArrayList<>();
    List<String> names = new ArrayList<>();
    boolean[] taken = new boolean[3];
    for (NodeType t : new NodeType[] {NodeType.GND, NodeType.VIN, NodeType.VOUT}) {
      for (int i = 0; i < n; i++) {
        if (slotClass[i] == t.ordinal()) {
          if (taken[t.ordinal()]) {
            problems.add("more than one node decoded as " + t + "; extra ones made internal");
            slotClass[i] = NodeType.INTERNAL.ordinal();
          } else {
            taken[t.ordinal()] = true;
            order.add(i);
            names.add(nameOf(t));
          }
        }
      }
    }
    int internal = 0;
    for (int i = 0; i < n; i++) {
      if (slotClass[i] == NodeType.INTERNAL.ordinal()) {
        order.add(i);
        names.add("n" + ++internal);
      }
    }
    List<Edge> edges = new ArrayList<>();
    for (int a = 0; a < order.size(); a++) {
      for (int b = a + 1; b < order.size(); b++) {
        int i = order.get(a);
        int j = order.get(b);
        int lo = Math.min(i, j);
        int hi = Math.max(i, j);
        EdgeClass cls =
            EdgeClass.ofIndex(pick(edgeLogProbs, (lo * n + hi) * 8, 8, temperature, rng));
        if (cls == EdgeClass.NONE) {
          continue;
        }
        double[] coef = new double[3];
        for (ElementKind k : ElementKind.values()) {
          if (cls.has(k)) {
            // Both orientations were trained on the same value; average them.
            double s =
                0.5
                    * (values[(i * n + j) * 3 + k.ordinal()]
                        + values[(j * n + i) * 3 + k.ordinal()]);
            coef[k.ordinal()] = ValueScaling.coefficient(k, s);
          }
        }
        edges.add(new Edge(a, b, coef[0], coef[1], coef[2]));
      }
    }
    CircuitGraph graph = new CircuitGraph(names, edges);
    Circuit circuit = null;
    if (edges.isEmpty()) {
      problems.add("no edge was decoded");
    } else {
      circuit = graph.toCircuit();
      problems.addAll(circuit.problems());
    }
    int vin = names.indexOf(Circuit.VIN);
    int vout = names.indexOf(Circuit.VOUT);
    int gnd = names.indexOf(Circuit.GND);
    if (gnd < 0) {
      problems.add("no GND node was decoded");
    }
    boolean vinOk = vin >= 0 && gnd >= 0 && joined(graph, vin, gnd);
    boolean voutOk = vout >= 0 && vin >= 0 && joined(graph, vout, vin);
    return new DecodeResult(graph, circuit, problems, vinOk, voutOk);
  }

  private static String nameOf(NodeType t) {
    return switch (t) {
      case GND -> Circuit.GND;
      case VIN -> Circuit.VIN;
      case VOUT -> Circuit.VOUT;
      case INTERNAL -> throw new IllegalArgumentException("internal nodes are numbered");
    };
  }

  private static boolean joined(CircuitGraph g, int from, int to) {
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
        if (e.connects(x) && !seen[e.other(x)]) {
          seen[e.other(x)] = true;
          todo.add(e.other(x));
        }
      }
    }
    return false;
  }

  /** Argmax of logits[off, off+k), or a Gumbel-max sample at the temperature when rng != null. */
  static int pick(float[] logits, int off, int k, double temperature, SplittableRandom rng) {
    int best = 0;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < k; c++) {
      double s = logits[off + c];
      if (rng != null) {
        double u = Math.max(rng.nextDouble(), 1e-300);
        s = s / temperature - Math.log(-Math.log(u));
      }
      if (s > bestScore) {
        bestScore = s;
        best = c;
      }
    }
    return best;
  }
}
