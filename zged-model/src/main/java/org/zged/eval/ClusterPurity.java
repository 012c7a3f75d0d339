package org.zged.eval;

import java.util.HashMap;
import java.util.Map;

/**
 * Purity of a clustering against true labels: every cluster votes for its most common label, and
 * purity is the share of points that carry their cluster's label. 1 means no cluster mixes labels
 * (a clustering finer than the labels also scores 1, so use it with k = number of labels).
 * Hand-written: a dozen lines, and no library at hand (Hipparchus, EJML) has it.
 */
public final class ClusterPurity {
  private ClusterPurity() {}

  public static double of(int[] clusters, int[] labels) {
    if (clusters.length != labels.length) {
      throw new IllegalArgumentException(clusters.length + " clusters vs " + labels.length);
    }
    if (clusters.length == 0) {
      return Double.NaN;
    }
    Map<Integer, Map<Integer, Integer>> counts = new HashMap<>();
    for (int i = 0; i < clusters.length; i++) {
      counts.computeIfAbsent(clusters[i], c -> new HashMap<>()).merge(labels[i], 1, Integer::sum);
    }
    long majority = 0;
    for (Map<Integer, Integer> c : counts.values()) {
      majority += c.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    }
    return (double) majority / clusters.length;
  }
}
