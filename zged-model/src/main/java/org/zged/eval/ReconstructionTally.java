package org.zged.eval;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.zged.circuit.CircuitGraph;
import org.zged.circuit.EdgeClass;
import org.zged.circuit.ElementKind;
import org.zged.graph.TopologySignature;

/**
 * Accumulates reconstruction scores over (true graph, decoded graph) pairs, slot by slot on the
 * model's node grid ({@link SlotGraph}) except for the canonical topology match. Not thread-safe;
 * one tally per evaluation.
 */
public final class ReconstructionTally {
  private static final int SLOT_GND = 0;
  private static final int SLOT_VIN = 1;
  private static final int SLOT_VOUT = 2;
  private final int slots;
  private final long[][] confusion = new long[EdgeClass.COUNT][EdgeClass.COUNT];
  private final Map<ElementKind, List<Double>> valueErrors = new EnumMap<>(ElementKind.class);
  private long nodeSlots;
  private long nodeCorrect;
  private long trueEdges;
  private long trueEdgesCorrect;
  private long graphs;
  private long edgeCountMatches;
  private long vinConnected;
  private long voutConnected;
  private long topologyMatches;
  private final java.util.TreeMap<Integer, long[]> bySize = new java.util.TreeMap<>();

  /**
   * @param slots node slots of the model's grid (graphs with more nodes widen it)
   */
  public ReconstructionTally(int slots) {
    this.slots = slots;
    for (ElementKind k : ElementKind.values()) {
      valueErrors.put(k, new ArrayList<>());
    }
  }

  public void add(CircuitGraph truth, CircuitGraph decoded) {
    SlotGraph t = SlotGraph.of(truth, slots);
    SlotGraph d = SlotGraph.of(decoded, slots);
    int n = Math.max(t.slots(), d.slots());
    graphs++;
    for (int i = 0; i < n; i++) {
      nodeSlots++;
      if (t.node(i) == d.node(i)) {
        nodeCorrect++;
      }
      for (int j = i + 1; j < n; j++) {
        EdgeClass tc = t.edge(i, j);
        EdgeClass dc = d.edge(i, j);
        confusion[tc.ordinal()][dc.ordinal()]++;
        if (tc != EdgeClass.NONE) {
          trueEdges++;
          if (tc == dc) {
            trueEdgesCorrect++;
          }
        }
        addValueErrors(t.values(i, j), d.values(i, j));
      }
    }
    if (t.edgeCount() == d.edgeCount()) {
      edgeCountMatches++;
    }
    // Stricter than the seed's "has an edge": the terminal must be wired into the circuit.
    if (d.joined(SLOT_VIN, SLOT_GND)) {
      vinConnected++;
    }
    if (d.joined(SLOT_VOUT, SLOT_VIN)) {
      voutConnected++;
    }
    // Canonical: both sides reduced (series/parallel merges, elements that carry no signal
    // dropped) before comparing, so an equivalent decode counts and a redundant one is not missed.
    boolean same = TopologySignature.of(truth).equals(TopologySignature.of(decoded));
    if (same) {
      topologyMatches++;
    }
    long[] size = bySize.computeIfAbsent(truth.nodeCount(), k -> new long[2]);
    size[0]++;
    size[1] += same ? 1 : 0;
  }

  /** |Δlog10| of each element kind present on both sides of a slot pair. */
  private void addValueErrors(double[] truth, double[] decoded) {
    if (truth == null || decoded == null) {
      return;
    }
    ElementKind[] kinds = ElementKind.values();
    for (int k = 0; k < 3; k++) {
      if (truth[k] > 0 && decoded[k] > 0) {
        valueErrors.get(kinds[k]).add(Math.abs(Math.log10(decoded[k] / truth[k])));
      }
    }
  }

  public long graphs() {
    return graphs;
  }

  /** Slots whose class (GND, VIN, VOUT, internal, empty) was reproduced. */
  public double nodeTypeAccuracy() {
    return ratio(nodeCorrect, nodeSlots);
  }

  /** Slot pairs (including empty pairs, class NONE) whose joint class was reproduced. */
  public double edgeClassAccuracy() {
    long right = 0;
    long all = 0;
    for (int i = 0; i < EdgeClass.COUNT; i++) {
      for (int j = 0; j < EdgeClass.COUNT; j++) {
        all += confusion[i][j];
        if (i == j) {
          right += confusion[i][j];
        }
      }
    }
    return ratio(right, all);
  }

  /** Recall of each true class (NaN for a class that never occurs). */
  public Map<EdgeClass, Double> perClassAccuracy() {
    Map<EdgeClass, Double> out = new EnumMap<>(EdgeClass.class);
    for (EdgeClass c : EdgeClass.values()) {
      long row = 0;
      for (long v : confusion[c.ordinal()]) {
        row += v;
      }
      out.put(c, ratio(confusion[c.ordinal()][c.ordinal()], row));
    }
    return out;
  }

  /** [true class][decoded class] counts over slot pairs. */
  public long[][] confusion() {
    long[][] copy = new long[EdgeClass.COUNT][];
    for (int i = 0; i < copy.length; i++) {
      copy[i] = confusion[i].clone();
    }
    return copy;
  }

  /** On true edges only: the decoded pair has exactly the same element kinds. */
  public double componentTypeAccuracy() {
    return ratio(trueEdgesCorrect, trueEdges);
  }

  public double edgeCountMatch() {
    return ratio(edgeCountMatches, graphs);
  }

  /** VIN decoded and joined through elements to GND. */
  public double vinConnectivity() {
    return ratio(vinConnected, graphs);
  }

  /** VOUT decoded and joined through elements to VIN. */
  public double voutConnectivity() {
    return ratio(voutConnected, graphs);
  }

  /**
   * The decoded canonical topology ({@link TopologySignature#of}: reduced, then labelled) equals
   * the true one: isomorphic reduced graphs with the terminals fixed and the joint R/C/L classes
   * kept.
   */
  /**
   * {@link #topologyMatch} by the true circuit's node count (terminals included): node count →
   * (circuits, matched).
   */
  public java.util.SortedMap<Integer, EvalReport.SizeMatch> topologyMatchByNodes() {
    java.util.SortedMap<Integer, EvalReport.SizeMatch> out = new java.util.TreeMap<>();
    bySize.forEach((n, c) -> out.put(n, new EvalReport.SizeMatch((int) c[0], ratio(c[1], c[0]))));
    return out;
  }

  public double topologyMatch() {
    return ratio(topologyMatches, graphs);
  }

  /** |Δlog10| of every value compared for one element kind. */
  public List<Double> valueErrors(ElementKind kind) {
    return List.copyOf(valueErrors.get(kind));
  }

  private static double ratio(long a, long b) {
    return b == 0 ? Double.NaN : (double) a / b;
  }
}
