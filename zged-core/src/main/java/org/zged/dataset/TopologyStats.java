package org.zged.dataset;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.zged.analysis.ResponseClass;
import org.zged.graph.TopologySignature;

/**
 * The canonical topologies of a dataset, accumulated record by record: how many distinct ones, the
 * largest share any one has, and how many there are per node count, element count, order, response
 * class and split. Node and element counts belong to a topology; order and class to each circuit,
 * so a topology is counted once under every order and class that its circuits show. Memory grows
 * with the number of distinct topologies, not of circuits.
 */
public final class TopologyStats {
  private final Map<String, Topology> bySignature = new HashMap<>();
  private long circuits;

  /** What is known of one topology. */
  private static final class Topology {
    long circuits;
    int nodes;
    int elements;
    long orders; // bit per order (capped at 63)
    int classes; // bit per response class
    int splits; // bit per split
  }

  void add(CircuitRecord r) {
    circuits++;
    Topology t =
        bySignature.computeIfAbsent(
            r.signature(),
            k -> {
              Topology fresh = new Topology();
              fresh.nodes = r.circuit().nodes().size();
              fresh.elements = r.circuit().elements().size();
              return fresh;
            });
    t.circuits++;
    t.orders |= 1L << Math.min(63, r.order());
    t.classes |= 1 << r.specs().responseClass().ordinal();
    t.splits |= 1 << r.split().ordinal();
  }

  /** Distinct canonical topologies ({@link TopologySignature} keys). */
  public int distinct() {
    return bySignature.size();
  }

  /** The largest number of circuits that share one topology. */
  public long largest() {
    long max = 0;
    for (Topology t : bySignature.values()) {
      max = Math.max(max, t.circuits);
    }
    return max;
  }

  /** The signature of the commonest topology (the first in key order on ties), or null. */
  public String commonest() {
    String best = null;
    long max = -1;
    for (Map.Entry<String, Topology> e : new TreeMap<>(bySignature).entrySet()) {
      if (e.getValue().circuits > max) {
        max = e.getValue().circuits;
        best = e.getKey();
      }
    }
    return best;
  }

  public long circuits() {
    return circuits;
  }

  /** Node count (terminals included) → distinct topologies. */
  public Map<Integer, Integer> byNodes() {
    Map<Integer, Integer> out = new TreeMap<>();
    bySignature.values().forEach(t -> out.merge(t.nodes, 1, Integer::sum));
    return Collections.unmodifiableMap(out);
  }

  /** Element count → distinct topologies. */
  public Map<Integer, Integer> byElements() {
    Map<Integer, Integer> out = new TreeMap<>();
    bySignature.values().forEach(t -> out.merge(t.elements, 1, Integer::sum));
    return Collections.unmodifiableMap(out);
  }

  /** Order (number of poles) → distinct topologies with a circuit of that order. */
  public Map<Integer, Integer> byOrder() {
    Map<Integer, Integer> out = new TreeMap<>();
    for (Topology t : bySignature.values()) {
      for (int k = 0; k < 64; k++) {
        if ((t.orders & (1L << k)) != 0) {
          out.merge(k, 1, Integer::sum);
        }
      }
    }
    return Collections.unmodifiableMap(out);
  }

  /** Response class → distinct topologies with a circuit of that class. */
  public Map<ResponseClass, Integer> byClass() {
    Map<ResponseClass, Integer> out = new TreeMap<>();
    for (Topology t : bySignature.values()) {
      for (ResponseClass c : ResponseClass.values()) {
        if ((t.classes & (1 << c.ordinal())) != 0) {
          out.merge(c, 1, Integer::sum);
        }
      }
    }
    return Collections.unmodifiableMap(out);
  }

  /** Split → distinct topologies with a circuit in it. */
  public Map<Split, Integer> bySplit() {
    Map<Split, Integer> out = new TreeMap<>();
    for (Topology t : bySignature.values()) {
      for (Split s : Split.values()) {
        if ((t.splits & (1 << s.ordinal())) != 0) {
          out.merge(s, 1, Integer::sum);
        }
      }
    }
    return Collections.unmodifiableMap(out);
  }

  /** Topologies with circuits both in test_unseen and in train or val (0 for a sound split). */
  public int unseenLeaks() {
    int seenMask = 1 << Split.TRAIN.ordinal() | 1 << Split.VAL.ordinal();
    int unseen = 1 << Split.TEST_UNSEEN.ordinal();
    int n = 0;
    for (Topology t : bySignature.values()) {
      if ((t.splits & unseen) != 0 && (t.splits & seenMask) != 0) {
        n++;
      }
    }
    return n;
  }
}
