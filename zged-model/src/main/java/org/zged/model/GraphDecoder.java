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
import org.zged.model.inference.EdgeModel;

/**
 * Turns decoder outputs (plain Java arrays, one sample at a time) into a {@link DecodeResult}:
 * picks each slot's node class and each pair's edge class (argmax, or a Gumbel-max sample at a
 * temperature), drops padding and self-pairs, converts scaled values back to admittance
 * coefficients. Unconstrained, it reports rather than repairs anything that is not a working
 * filter; constrained, it decides the pairs in order under rules that leave only working filters.
 */
final class GraphDecoder {
  private static final int INTERNAL = NodeType.INTERNAL.ordinal();

  /**
   * The constrained decoder keeps every scaled value within ±4 ({@link ValueScaling}: four
   * half-widths of the training ranges each side, e.g. C from 0.03 pF to 30 mF). The shipped
   * open-space model's prior decodes stay within ±3.5; an untrained network's outputs can reach R =
   * 10¹⁶ Ω or C = 10⁴¹ F, where the exact analysis loses every digit.
   */
  static final double MAX_SCALED = 4.0;

  /**
   * Completions verified by exact analysis per constrained decode, at most (each costs an analysis;
   * an untrained network's random outputs would otherwise ask for one at most pairs).
   */
  static final int MAX_LOOKAHEADS = 3;

  /** Single-value changes tried on the structural decode before its topology is given up. */
  static final int MAX_VALUE_TRIALS = 24;

  private final int n;

  GraphDecoder(ModelConfig cfg) {
    this.n = cfg.maxNodes();
  }

  /**
   * @param nodeLogits [n·5]
   * @param edgeLogProbs [n·n·8]
   * @param values [n·n·3]
   * @param rng null for argmax decoding
   * @param constrained decode edges under the {@link ValidCompletion} rules and the filter rule
   *     (see {@code Sequential}), so that the result is always a structurally valid filter whose
   *     exact analysis finds a low-/high-/band-pass or band-stop; false gives the network's own
   *     unconstrained choice (values not clamped either)
   */
  DecodeResult decode(
      float[] nodeLogits,
      float[] edgeLogProbs,
      float[] values,
      double temperature,
      SplittableRandom rng,
      boolean constrained) {
    return decode(
        nodeLogits,
        edgeLogProbs,
        values,
        temperature,
        rng,
        constrained ? Rules.FILTER : Rules.NONE);
  }

  /** Which rules a decode follows. */
  enum Rules {
    /** The network's own choices (values not clamped). */
    NONE,
    /**
     * The structural rules of {@link ValidCompletion} alone (the decoder before the filter rule).
     */
    STRUCTURAL,
    /** The structural rules and the filter rule: what {@code constrained} decoding does. */
    FILTER
  }

  DecodeResult decode(
      float[] nodeLogits,
      float[] edgeLogProbs,
      float[] values,
      double temperature,
      SplittableRandom rng,
      Rules rules) {
    return decode(nodeLogits, EdgeModel.fixed(edgeLogProbs, values, n), temperature, rng, rules);
  }

  DecodeResult decode(
      float[] nodeLogits, EdgeModel model, double temperature, SplittableRandom rng, boolean c) {
    return decode(nodeLogits, model, temperature, rng, c ? Rules.FILTER : Rules.NONE);
  }

  /**
   * The decode on any edge path: the class scores of a pair come from {@code model} when the decode
   * reaches it, given the classes decided before it (on the factorised paths they do not depend on
   * them), and the values from the decided graph.
   */
  DecodeResult decode(
      float[] nodeLogits, EdgeModel model, double temperature, SplittableRandom rng, Rules rules) {
    boolean constrained = rules != Rules.NONE;
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
    int k = order.size();
    int[] nodeClasses = new int[n];
    java.util.Arrays.fill(nodeClasses, GraphBatch.ABSENT);
    for (int a = 0; a < k; a++) {
      nodeClasses[order.get(a)] = Math.min(order.get(a), INTERNAL);
    }
    // Every pair's Gumbel noise, in pair order (the random stream is consumed exactly as by a
    // decoder that scores each pair when it reaches it).
    int pairs = k * (k - 1) / 2;
    int[] pairA = new int[pairs];
    int[] pairB = new int[pairs];
    double[][] noise = rng == null ? null : new double[pairs][EdgeClass.COUNT];
    for (int a = 0, p = 0; a < k; a++) {
      for (int b = a + 1; b < k; b++, p++) {
        pairA[p] = a;
        pairB[p] = b;
        if (rng != null) {
          gumbel(rng, noise[p]);
        }
      }
    }
    Scores scores = new Scores(model, nodeClasses, order, pairA, pairB, noise, temperature);
    Sequential seq = new Sequential(k, pairA, pairB, scores, order, names, model);
    int[] classes;
    if (rules == Rules.FILTER) {
      classes = seq.decode();
    } else if (rules == Rules.STRUCTURAL) {
      classes = seq.structural();
    } else {
      classes = new int[pairs];
      EdgeModel.Sequence st = scores.start();
      for (int p = 0; p < pairs; p++) {
        classes[p] = best(scores.at(st, p), null);
        scores.commit(st, p, classes[p]);
      }
    }
    float[] used = seq.valuesFor(classes);
    List<Edge> edges = edges(classes, pairA, pairB, order, used, constrained);
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

  /**
   * The edges of a decode: one per pair whose class is not NONE, with the decoded values; with
   * {@code clamp}, scaled values are kept within ±{@link #MAX_SCALED}.
   */
  private List<Edge> edges(
      int[] classes, int[] pairA, int[] pairB, List<Integer> order, float[] values, boolean clamp) {
    List<Edge> edges = new ArrayList<>();
    for (int p = 0; p < classes.length; p++) {
      EdgeClass cls = EdgeClass.ofIndex(classes[p]);
      if (cls == EdgeClass.NONE) {
        continue;
      }
      int i = order.get(pairA[p]);
      int j = order.get(pairB[p]);
      double[] coef = new double[3];
      for (ElementKind kind : ElementKind.values()) {
        if (cls.has(kind)) {
          // Both orientations were trained on the same value; average them.
          double v =
              0.5
                  * (values[(i * n + j) * 3 + kind.ordinal()]
                      + values[(j * n + i) * 3 + kind.ordinal()]);
          if (clamp) {
            v = Math.max(-MAX_SCALED, Math.min(MAX_SCALED, v));
          }
          coef[kind.ordinal()] = ValueScaling.coefficient(kind, v);
        }
      }
      edges.add(new Edge(pairA[p], pairB[p], coef[0], coef[1], coef[2]));
    }
    return edges;
  }

  /**
   * Constrained decoding: the pairs are decided one after the other, each taking the best-scoring
   * class among those after which a valid completion still exists. Two kinds of completion count:
   *
   * <ul>
   *   <li>one that satisfies the structural rules of {@link ValidCompletion} and the filter rule of
   *       {@link FilterCompletion} (H = 0 at s → 0 or s → ∞ whatever the values), checked on the
   *       optimistic completion;
   *   <li>the completion the structural rules alone would decode from here (the network's best
   *       class for every later pair under those rules), when the exact analysis of that circuit,
   *       with its decoded values, finds a filter ({@link
   *       org.zged.eval.GeneratedCircuitCheck#electrical}). Once such a completion is taken the
   *       decoder follows it to the end.
   * </ul>
   *
   * So a decode the structural rules alone would give is kept when it is a filter, and otherwise
   * the decoder leaves it at the first pair whose best class leaves no completion of the first kind
   * and no verified completion of the second kind. Nothing is drawn again: the class scores
   * (Gumbel-perturbed when sampling) are drawn once, and masking classes out of a Gumbel-max choice
   * samples the network's distribution renormalised over the allowed classes.
   */
  private final class Sequential {
    private final int k;
    private final int[] pairA;
    private final int[] pairB;
    private final Scores scores;
    private final List<Integer> order;
    private final List<String> names;
    private final EdgeModel model;
    private float[] values; // the values of the graph valuesClasses (any graph on fixed paths)
    private int[] valuesClasses;

    Sequential(
        int k,
        int[] pairA,
        int[] pairB,
        Scores scores,
        List<Integer> order,
        List<String> names,
        EdgeModel model) {
      this.k = k;
      this.pairA = pairA;
      this.pairB = pairB;
      this.scores = scores;
      this.order = order;
      this.names = names;
      this.model = model;
      // a value repair changes the copy
      this.values = model.valuesFollowClasses() ? null : model.values(null).clone();
    }

    /**
     * The values of the graph {@code classes} (one per pair): the decoder's, or their repaired copy
     * when that graph was repaired.
     */
    float[] valuesFor(int[] classes) {
      if (model.valuesFollowClasses() && !java.util.Arrays.equals(classes, valuesClasses)) {
        int[] grid = new int[n * n];
        for (int p = 0; p < classes.length; p++) {
          int i = order.get(pairA[p]);
          int j = order.get(pairB[p]);
          grid[i * n + j] = classes[p];
          grid[j * n + i] = classes[p];
        }
        values = model.values(grid).clone();
        valuesClasses = classes.clone();
      }
      return values;
    }

    int[] decode() {
      int pairs = pairA.length;
      int[] classes = new int[pairs];
      byte[] state = new byte[k * k];
      int[] cls = new int[k * k];
      java.util.Arrays.fill(cls, FilterCompletion.OPEN);
      int open = 0;
      for (int p = 0; p < pairs; p++) {
        open += ValidCompletion.forbidden(pairA[p], pairB[p]) ? 0 : 1;
      }
      int kinds = 0; // element kinds placed so far, one bit per ElementKind
      int[] following = null; // a verified completion the decoder follows to the end
      int lookaheads = 0;
      EdgeModel.Sequence st = scores.start();
      for (int p = 0; p < pairs; p++) {
        int a = pairA[p];
        int b = pairB[p];
        if (ValidCompletion.forbidden(a, b)) {
          classes[p] = EdgeClass.NONE.ordinal();
          continue;
        }
        open--;
        int c;
        if (following != null) {
          c = following[p];
        } else {
          boolean[] allowed = structurallyAllowed(state, a, b, kinds, open);
          double[] sc = scores.at(st, p);
          c = best(sc, allowed);
          if (!filterFeasible(cls, a, b, c)) {
            int[] completion =
                lookaheads++ < MAX_LOOKAHEADS
                    ? structuralCompletion(classes, p, c, state, kinds, open, st)
                    : null;
            if (completion != null) {
              valuesFor(completion);
            }
            if (completion != null
                && (electricallyValid(completion) || lookaheads == 1 && repairValues(completion))) {
              following = completion;
            } else {
              for (int x = 0; x < allowed.length; x++) {
                allowed[x] &= filterFeasible(cls, a, b, x);
              }
              c = best(sc, allowed);
              if (c < 0) {
                throw new IllegalStateException("no class keeps a filter completion at " + p);
              }
            }
          }
        }
        classes[p] = c;
        set(state, cls, a, b, c);
        scores.commit(st, p, c);
        kinds |= ValidCompletion.kinds(EdgeClass.ofIndex(c));
      }
      return classes;
    }

    private void set(byte[] state, int[] cls, int a, int b, int c) {
      byte s = c == EdgeClass.NONE.ordinal() ? ValidCompletion.EMPTY : ValidCompletion.PRESENT;
      state[a * k + b] = s;
      state[b * k + a] = s;
      if (cls != null) {
        cls[a * k + b] = c;
        cls[b * k + a] = c;
      }
    }

    /** The classes the structural rules allow for pair (a, b), with {@code open} pairs after it. */
    private boolean[] structurallyAllowed(byte[] state, int a, int b, int kinds, int open) {
      boolean[] allowed = new boolean[EdgeClass.COUNT];
      // While another pair is open it can still supply the missing kinds (RCL has them all);
      // the last open pair must leave a frequency-dependent mix of kinds.
      for (EdgeClass c : EdgeClass.values()) {
        allowed[c.ordinal()] =
            open > 0 || ValidCompletion.frequencyDependent(kinds | ValidCompletion.kinds(c));
      }
      byte was = state[a * k + b];
      state[a * k + b] = ValidCompletion.EMPTY;
      state[b * k + a] = ValidCompletion.EMPTY;
      allowed[EdgeClass.NONE.ordinal()] &= ValidCompletion.structurallyFeasible(state, k);
      state[a * k + b] = was;
      state[b * k + a] = was;
      return allowed;
    }

    private boolean filterFeasible(int[] cls, int a, int b, int c) {
      cls[a * k + b] = c;
      cls[b * k + a] = c;
      boolean ok = FilterCompletion.feasible(cls, k);
      cls[a * k + b] = FilterCompletion.OPEN;
      cls[b * k + a] = FilterCompletion.OPEN;
      return ok;
    }

    /**
     * The classes of pairs 0..p−1 as decided, c at p, and for every later pair the best class under
     * the structural rules alone.
     */
    private int[] structuralCompletion(
        int[] decided, int p, int c, byte[] state, int kinds, int open, EdgeModel.Sequence seq) {
      int[] out = decided.clone();
      byte[] st = state.clone();
      out[p] = c;
      set(st, null, pairA[p], pairB[p], c);
      EdgeModel.Sequence ahead = seq.copy();
      scores.commit(ahead, p, c);
      return complete(
          out, p + 1, st, kinds | ValidCompletion.kinds(EdgeClass.ofIndex(c)), open, ahead);
    }

    /** Every pair decided under the structural rules alone. */
    int[] structural() {
      int open = 0;
      for (int p = 0; p < pairA.length; p++) {
        open += ValidCompletion.forbidden(pairA[p], pairB[p]) ? 0 : 1;
      }
      return complete(new int[pairA.length], 0, new byte[k * k], 0, open, scores.start());
    }

    /**
     * Fills pairs {@code from}.. of {@code out} with the best class under the structural rules,
     * given the state, kinds and open pairs before {@code from}.
     */
    private int[] complete(
        int[] out, int from, byte[] st, int kinds, int open, EdgeModel.Sequence seq) {
      for (int q = from; q < out.length; q++) {
        int a = pairA[q];
        int b = pairB[q];
        if (ValidCompletion.forbidden(a, b)) {
          out[q] = EdgeClass.NONE.ordinal();
          continue;
        }
        open--;
        out[q] = best(scores.at(seq, q), structurallyAllowed(st, a, b, kinds, open));
        set(st, null, a, b, out[q]);
        scores.commit(seq, q, out[q]);
        kinds |= ValidCompletion.kinds(EdgeClass.ofIndex(out[q]));
      }
      return out;
    }

    /**
     * Tries to make a completion a filter by its values alone: one element at a time (in pair
     * order, R, C, L), its value one decade up, then one down; keeps the first change after which
     * the exact analysis finds a filter, at most {@link #MAX_VALUE_TRIALS} tries.
     *
     * @return whether {@link #values} now makes the completion a filter
     */
    private boolean repairValues(int[] completion) {
      int trials = 0;
      for (int p = 0; p < completion.length; p++) {
        EdgeClass cls = EdgeClass.ofIndex(completion[p]);
        int i = order.get(pairA[p]);
        int j = order.get(pairB[p]);
        for (ElementKind kind : ElementKind.values()) {
          if (!cls.has(kind)) {
            continue;
          }
          int x = (i * n + j) * 3 + kind.ordinal();
          int y = (j * n + i) * 3 + kind.ordinal();
          float vx = values[x];
          float vy = values[y];
          for (int dir = 1; dir >= -1; dir -= 2) {
            if (trials++ >= MAX_VALUE_TRIALS) {
              values[x] = vx;
              values[y] = vy;
              return false;
            }
            float d = (float) (dir / ValueScaling.SPREAD[kind.ordinal()]);
            values[x] = vx + d;
            values[y] = vy + d;
            if (electricallyValid(completion)) {
              return true;
            }
          }
          values[x] = vx;
          values[y] = vy;
        }
      }
      return false;
    }

    private boolean electricallyValid(int[] classes) {
      List<Edge> edges = edges(classes, pairA, pairB, order, values, true);
      if (edges.isEmpty()) {
        return false;
      }
      Circuit circuit = new CircuitGraph(names, edges).toCircuit();
      return circuit.problems().isEmpty()
          && org.zged.eval.GeneratedCircuitCheck.electrical(circuit).valid();
    }
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
   * One pair's Gumbel noise: one uniform per class, always all eight, so constrained and
   * unconstrained decoding consume the same random stream.
   */
  static void gumbel(SplittableRandom rng, double[] out) {
    for (int c = 0; c < out.length; c++) {
      double u = Math.max(rng.nextDouble(), 1e-300);
      out[c] = -Math.log(-Math.log(u));
    }
  }

  /**
   * The class scores of the pairs as a decode reaches them: the log-probabilities given the classes
   * before, or with noise their Gumbel-perturbed, tempered values.
   */
  private final class Scores {
    private final EdgeModel model;
    private final int[] nodeClasses;
    private final int[] lo;
    private final int[] hi;
    private final double[][] noise;
    private final double temperature;

    Scores(
        EdgeModel model,
        int[] nodeClasses,
        List<Integer> order,
        int[] pairA,
        int[] pairB,
        double[][] noise,
        double temperature) {
      this.model = model;
      this.nodeClasses = nodeClasses;
      this.noise = noise;
      this.temperature = temperature;
      lo = new int[pairA.length];
      hi = new int[pairA.length];
      for (int p = 0; p < pairA.length; p++) {
        lo[p] = Math.min(order.get(pairA[p]), order.get(pairB[p]));
        hi[p] = Math.max(order.get(pairA[p]), order.get(pairB[p]));
      }
    }

    EdgeModel.Sequence start() {
      return model.start(nodeClasses);
    }

    double[] at(EdgeModel.Sequence st, int p) {
      float[] lp = st.logProbs(lo[p], hi[p]);
      double[] out = new double[lp.length];
      for (int c = 0; c < lp.length; c++) {
        double s = lp[c];
        out[c] = noise == null ? s : s / temperature + noise[p][c];
      }
      return out;
    }

    void commit(EdgeModel.Sequence st, int p, int c) {
      st.commit(lo[p], hi[p], c);
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
