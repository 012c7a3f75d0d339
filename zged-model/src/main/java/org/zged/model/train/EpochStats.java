package org.zged.model.train;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One epoch of training. {@code train} and {@code val} map names to values: the raw loss terms
 * (node, edge, value, pole_chamfer, zero_chamfer, tf_presence, kl, connectivity, total), each
 * weighted part's share of the total (share_recon, share_tf, share_kl, share_connectivity), and the
 * metrics (node_accuracy, edge_accuracy, component_accuracy, exact_match, vin_vout_connected).
 * Train values are means over the epoch's batches with sampled z; val values decode μ.
 */
public record EpochStats(
    int epoch,
    double temperature,
    double klFactor,
    double seconds,
    Map<String, Double> train,
    Map<String, Double> val) {

  public EpochStats {
    // sorted, so history.json is the same bytes in every JVM (Map.copyOf's order is per process)
    train = Collections.unmodifiableMap(new TreeMap<>(train));
    val = Collections.unmodifiableMap(new TreeMap<>(val));
  }

  public double valLoss() {
    return val.getOrDefault("total", Double.NaN);
  }
}
