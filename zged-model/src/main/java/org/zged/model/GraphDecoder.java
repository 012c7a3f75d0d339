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
  private static final int INTERNAL = NodeType.INTERNAL.ordinal();
  private final int n;

  GraphDecoder(ModelConfig cfg) {
    this.n = cfg.maxNodes();
  }

  /**
   * @param nodeLogits [n·5]
   * @param edgeLogProbs [n·n·8]
   * @param values [n·n·3]
   * @param rng null for argmax decoding
   * @param constrained decode edges under the {@link ValidCompletion} rules, so that the result is
   *     always a structurally valid filter; false gives the network's own unconstrained choice
   */
  DecodeResult decode(
      float[] nodeLogits,
      float[] edgeLogProbs,
      float[] values,
      double temperature,
      SplittableRandom rng,
      boolean constrained) {
    List<String> problems = new ArrayList<>();
    // The graph order fixes the terminals in slots 0-2 (GND, VIN, VOUT) in every training circuit;
    // a later slot is either an internal node or padding. Decoding only within that vocabulary
    // keeps a sampled decode from inventing a second VIN or losing GND.
    List<Integer> order = new ArrayList<>(List.of(0, 1, 2));
    List<String> names = new ArrayList<>(List.of(Circuit.GND, Circuit.VIN, Circuit.VOUT));
    int internal = 0;
    for (int i = 3; i < n; i++) {
      int internalOrPad = INTERNAL + pick(nodeLogits, i * 5 + INTERNAL, 2, temperature, rng);
      if (internalOrPad == INTERNAL) {
        order.add(i);
        names.add("n" + ++internal);
      }
    }
    List<Edge> edges = new ArrayList<>();
    int k = order.size();
    byte[] state = new byte[k * k];
    int kinds = 0; // element kinds placed so far, one bit per ElementKind
    int open = 0;
    for (int a = 0; a < k; a++) {
      for (int b = a + 1; b < k; b++) {
        open += ValidCompletion.forbidden(a, b) ? 0 : 1;
      }
    }
    double[] scores = new double[EdgeClass.COUNT];
    for (int a = 0; a < order.size(); a++) {
      for (int b = a + 1; b < order.size(); b++) {
        int i = order.get(a);
        int j = order.get(b);
        int lo = Math.min(i, j);
        int hi = Math.max(i, j);
        score(edgeLogProbs, (lo * n + hi) * 8, temperature, rng, scores);
        EdgeClass cls;
        if (!constrained) {
          cls = EdgeClass.ofIndex(best(scores, null));
        } else if (ValidCompletion.forbidden(a, b)) {
          cls = EdgeClass.NONE;
        } else {
          open--;
          boolean[] allowed = new boolean[EdgeClass.COUNT];
          // While another pair is open it can still supply the missing kinds (RCL has them all);
          // the last open pair must leave a frequency-dependent mix of kinds.
          for (EdgeClass c : EdgeClass.values()) {
            allowed[c.ordinal()] =
                open > 0 || ValidCompletion.frequencyDependent(kinds | ValidCompletion.kinds(c));
          }
          state[a * k + b] = ValidCompletion.EMPTY;
          state[b * k + a] = ValidCompletion.EMPTY;
          allowed[EdgeClass.NONE.ordinal()] &= ValidCompletion.structurallyFeasible(state, k);
          cls = EdgeClass.ofIndex(best(scores, allowed));
          byte s = cls == EdgeClass.NONE ? ValidCompletion.EMPTY : ValidCompletion.PRESENT;
          state[a * k + b] = s;
          state[b * k + a] = s;
          kinds |= ValidCompletion.kinds(cls);
        }
        if (cls == EdgeClass.NONE) {
          continue;
        }
        double[] coef = new double[3];
        for (ElementKind kind : ElementKind.values()) {
          if (cls.has(kind)) {
            // Both orientations were trained on the same value; average them.
            double v =
                0.5
                    * (values[(i * n + j) * 3 + kind.ordinal()]
                        + values[(j * n + i) * 3 + kind.ordinal()]);
            coef[kind.ordinal()] = ValueScaling.coefficient(kind, v);
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
    boolean vinOk = joined(graph, 1, 0);
    boolean voutOk = joined(graph, 2, 1);
    return new DecodeResult(graph, circuit, problems, vinOk, voutOk);
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

  /**
   * Class scores of one pair: the log-probabilities, or with an RNG their Gumbel-perturbed,
   * tempered values (one uniform per class, always all eight, so constrained and unconstrained
   * decoding consume the same random stream).
   */
  static void score(
      float[] logits, int off, double temperature, SplittableRandom rng, double[] out) {
    for (int c = 0; c < out.length; c++) {
      double s = logits[off + c];
      if (rng != null) {
        double u = Math.max(rng.nextDouble(), 1e-300);
        s = s / temperature - Math.log(-Math.log(u));
      }
      out[c] = s;
    }
  }

  /** The best-scoring class among the allowed ones (all when {@code allowed} is null). */
  static int best(double[] scores, boolean[] allowed) {
    int best = -1;
    for (int c = 0; c < scores.length; c++) {
      if ((allowed == null || allowed[c]) && (best < 0 || scores[c] > scores[best])) {
        best = c;
      }
    }
    return best;
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
