package org.zged.eval;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import org.zged.analysis.Analysis;
import org.zged.analysis.CircuitAnalyzer;
import org.zged.analysis.ResponseClass;
import org.zged.circuit.Circuit;
import org.zged.circuit.CircuitException;
import org.zged.circuit.CircuitGraph;
import org.zged.circuit.Edge;
import org.zged.circuit.NodeType;

/**
 * The two validity tests of the generative protocol.
 *
 * <ul>
 *   <li><b>Structural</b>: a well-formed filter graph: GND, VIN and VOUT present, every node in one
 *       connected piece, no internal node hanging on fewer than two edges (a dangling node carries
 *       no current and would be pruned by any designer).
 *   <li><b>Electrical</b>: the exact analysis succeeds, H(s) has finite coefficients and at least
 *       one pole (a frequency-dependent response), and the response falls in a filter class
 *       (low-pass, high-pass, band-pass or band-stop); a flat "all-pass" divider and the
 *       unclassifiable ({@link ResponseClass#OTHER}) do not count.
 * </ul>
 */
public final class GeneratedCircuitCheck {
  private GeneratedCircuitCheck() {}

  /** Why a generated circuit is electrically valid or not; {@code responseClass} may be null. */
  public record Electrical(boolean valid, ResponseClass responseClass, String reason) {
    /**
     * The kind of failure, for tallies: {@code "no_circuit"}, {@code "analysis_failed"} (the exact
     * analysis refused the circuit), {@code "non_finite"}, {@code "no_poles"}, {@code "allpass"}
     * (no dip or peak beyond 3 dB), {@code "other"} (unclassifiable, e.g. a dip and a peak) — or
     * {@code ""} when valid.
     */
    public String failure() {
      if (valid) {
        return "";
      }
      if (reason.equals(NO_CIRCUIT)) {
        return "no_circuit";
      }
      if (reason.equals(NON_FINITE)) {
        return "non_finite";
      }
      if (reason.equals(NO_POLES)) {
        return "no_poles";
      }
      if (responseClass == ResponseClass.ALLPASS) {
        return "allpass";
      }
      if (responseClass == ResponseClass.OTHER || reason.equals(NO_CLASS)) {
        return "other";
      }
      return "analysis_failed";
    }
  }

  private static final String NO_CIRCUIT = "no circuit";
  private static final String NON_FINITE = "non-finite transfer function";
  private static final String NO_POLES = "no poles: the response does not depend on frequency";
  private static final String NO_CLASS = "response class none";

  /** Structural problems, empty when the graph is well formed. */
  public static List<String> structuralProblems(CircuitGraph g) {
    List<String> out = new ArrayList<>();
    for (NodeType t : List.of(NodeType.GND, NodeType.VIN, NodeType.VOUT)) {
      boolean present = false;
      for (int i = 0; i < g.nodeCount(); i++) {
        present |= g.nodeType(i) == t;
      }
      if (!present) {
        out.add("no " + t + " node");
      }
    }
    int n = g.nodeCount();
    int[] degree = new int[n];
    List<List<Integer>> adj = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      adj.add(new ArrayList<>());
    }
    for (Edge e : g.edges()) {
      degree[e.a()]++;
      degree[e.b()]++;
      adj.get(e.a()).add(e.b());
      adj.get(e.b()).add(e.a());
    }
    for (int i = 0; i < n; i++) {
      if (g.nodeType(i) == NodeType.INTERNAL && degree[i] < 2) {
        out.add("internal node " + g.nodeNames().get(i) + " has " + degree[i] + " edge(s)");
      }
    }
    if (n > 0 && reachable(adj, 0) < n) {
      out.add("the graph is not connected");
    }
    return out;
  }

  public static boolean structurallyValid(CircuitGraph g) {
    return structuralProblems(g).isEmpty();
  }

  public static Electrical electrical(Circuit circuit) {
    if (circuit == null) {
      return new Electrical(false, null, NO_CIRCUIT);
    }
    Analysis a;
    try {
      a = CircuitAnalyzer.analyze(circuit);
    } catch (CircuitException | ArithmeticException | IllegalArgumentException e) {
      return new Electrical(false, null, e.getMessage());
    }
    double[] num = a.transferFunction().numerator();
    double[] den = a.transferFunction().denominator();
    if (!Arrays.stream(num).allMatch(Double::isFinite)
        || !Arrays.stream(den).allMatch(Double::isFinite)) {
      return new Electrical(false, null, NON_FINITE);
    }
    ResponseClass rc = a.specs() == null ? null : a.specs().responseClass();
    if (a.order() == 0) {
      return new Electrical(false, rc, NO_POLES);
    }
    if (rc == null || rc == ResponseClass.OTHER || rc == ResponseClass.ALLPASS) {
      return new Electrical(false, rc, "response class " + (rc == null ? "none" : rc.label()));
    }
    return new Electrical(true, rc, "");
  }

  private static int reachable(List<List<Integer>> adj, int start) {
    boolean[] seen = new boolean[adj.size()];
    Deque<Integer> todo = new ArrayDeque<>();
    todo.add(start);
    seen[start] = true;
    int count = 1;
    while (!todo.isEmpty()) {
      for (int m : adj.get(todo.poll())) {
        if (!seen[m]) {
          seen[m] = true;
          count++;
          todo.add(m);
        }
      }
    }
    return count;
  }
}
