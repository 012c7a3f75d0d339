package org.zged.model.train;

import org.zged.circuit.EdgeClass;
import org.zged.model.GraphBatch;

/**
 * Reconstruction metrics from argmax decoder outputs, compared slot by slot with the targets:
 * node-slot accuracy, edge-class accuracy over real node pairs, component accuracy over the pairs
 * that truly hold components (the exact set of R/C/L kinds must match), and exact match (every node
 * slot and every pair right).
 */
final class MetricCounter {
  private long nodes;
  private long nodesRight;
  private long pairs;
  private long pairsRight;
  private long components;
  private long componentsRight;
  private long graphs;
  private long graphsRight;
  private long connected;
  private long connectedChecked;

  void add(GraphBatch batch, float[] nodeLogits, float[] edgeLogProbs, int n) {
    for (int b = 0; b < batch.size(); b++) {
      boolean all = true;
      boolean[] real = new boolean[n];
      for (int i = 0; i < n; i++) {
        int want = batch.nodeClass(b, i);
        real[i] = want != GraphBatch.ABSENT;
        int got = argmax(nodeLogits, (b * n + i) * 5, 5);
        nodes++;
        if (got == want) {
          nodesRight++;
        } else {
          all = false;
        }
      }
      for (int i = 0; i < n; i++) {
        for (int j = i + 1; j < n; j++) {
          if (!real[i] || !real[j]) {
            continue;
          }
          int want = batch.edgeClass(b, i, j);
          int got = argmax(edgeLogProbs, ((b * n + i) * n + j) * EdgeClass.COUNT, EdgeClass.COUNT);
          pairs++;
          if (got == want) {
            pairsRight++;
          } else {
            all = false;
          }
          if (want != 0) {
            components++;
            if (got == want) {
              componentsRight++;
            }
          }
        }
      }
      graphs++;
      if (all) {
        graphsRight++;
      }
    }
  }

  void addConnectivity(boolean ok) {
    connectedChecked++;
    if (ok) {
      connected++;
    }
  }

  void putInto(java.util.Map<String, Double> out) {
    out.put("node_accuracy", ratio(nodesRight, nodes));
    out.put("edge_accuracy", ratio(pairsRight, pairs));
    out.put("component_accuracy", ratio(componentsRight, components));
    out.put("exact_match", ratio(graphsRight, graphs));
    if (connectedChecked > 0) {
      out.put("vin_vout_connected", ratio(connected, connectedChecked));
    }
  }

  private static double ratio(long a, long b) {
    return b == 0 ? Double.NaN : (double) a / b;
  }

  static int argmax(float[] a, int off, int k) {
    int best = 0;
    for (int c = 1; c < k; c++) {
      if (a[off + c] > a[off + best]) {
        best = c;
      }
    }
    return best;
  }
}
