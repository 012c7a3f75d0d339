package org.zged.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.zged.graph.TopologySignature;

/**
 * The labels of the latent-space metrics: circuits grouped by canonical topology ({@link
 * TopologySignature#of}), keeping only the topologies with at least two circuits. A topology seen
 * once has no spread to measure (its silhouette is 0 by convention, and it would make k-means
 * purity trivially 1), and in the open preset most topologies are seen once.
 *
 * @param rows the circuits kept (indices into the evaluated list), in order
 * @param labels their topology label, 0..{@code topologies}−1, numbered in signature order
 * @param topologies distinct topologies among the kept circuits (the k of k-means)
 * @param allTopologies distinct topologies among all evaluated circuits
 */
record TopologyGroups(int[] rows, int[] labels, int topologies, int allTopologies) {

  static TopologyGroups of(List<TopologySignature> signatures) {
    Map<TopologySignature, List<Integer>> byTopology = new TreeMap<>();
    for (int i = 0; i < signatures.size(); i++) {
      byTopology.computeIfAbsent(signatures.get(i), s -> new ArrayList<>()).add(i);
    }
    int[] labelOf = new int[signatures.size()];
    java.util.Arrays.fill(labelOf, -1);
    int next = 0;
    for (List<Integer> members : byTopology.values()) {
      if (members.size() >= 2) {
        for (int i : members) {
          labelOf[i] = next;
        }
        next++;
      }
    }
    List<Integer> kept = new ArrayList<>();
    for (int i = 0; i < labelOf.length; i++) {
      if (labelOf[i] >= 0) {
        kept.add(i);
      }
    }
    int[] rows = kept.stream().mapToInt(Integer::intValue).toArray();
    int[] labels = kept.stream().mapToInt(i -> labelOf[i]).toArray();
    return new TopologyGroups(rows, labels, next, byTopology.size());
  }

  /** The kept rows of a matrix. */
  double[][] select(double[][] x) {
    double[][] out = new double[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      out[i] = x[rows[i]];
    }
    return out;
  }
}
