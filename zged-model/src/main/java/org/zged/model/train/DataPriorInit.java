package org.zged.model.train;

import java.util.List;
import org.zged.circuit.EdgeClass;
import org.zged.model.GraphBatch;
import org.zged.model.ModelConfig;
import org.zged.model.ModelExample;
import org.zged.model.PairSequence;
import org.zged.model.ZgedModel;
import org.zged.model.nn.Dense;
import org.zged.model.nn.LatentGuidedDecoder;
import org.zged.model.nn.Tensors;

/**
 * Data-dependent initialisation of the output biases (see docs/model.md, "Why the seed recipe did
 * not learn"): the node-slot and edge-class heads start at the class frequencies of the training
 * split (log priors, Laplace-smoothed) instead of uniform.
 */
final class DataPriorInit {
  private DataPriorInit() {}

  static void apply(ZgedModel model, List<ModelExample> train) {
    ModelConfig cfg = model.config();
    int n = cfg.maxNodes();
    int classes = cfg.nodeClasses();
    GraphBatch batch = GraphBatch.of(train, cfg);
    double[][] node = new double[n][classes];
    double[] edge = new double[EdgeClass.COUNT];
    double[][] pair = new double[n * n][EdgeClass.COUNT];
    for (double[] row : pair) {
      java.util.Arrays.fill(row, 1.0);
    }
    for (double[] row : node) {
      java.util.Arrays.fill(row, 1.0);
    }
    java.util.Arrays.fill(edge, 1.0);
    for (int b = 0; b < batch.size(); b++) {
      for (int i = 0; i < n; i++) {
        node[i][batch.nodeClass(b, i)]++;
        if (batch.nodeClass(b, i) == GraphBatch.ABSENT) {
          continue;
        }
        for (int j = i + 1; j < n; j++) {
          if (batch.nodeClass(b, j) != GraphBatch.ABSENT) {
            edge[batch.edgeClass(b, i, j)]++;
            pair[i * n + j][batch.edgeClass(b, i, j)]++;
          }
        }
      }
    }
    float[] nodeBias = new float[n * classes];
    for (int i = 0; i < n; i++) {
      double sum = java.util.Arrays.stream(node[i]).sum();
      for (int c = 0; c < classes; c++) {
        nodeBias[i * classes + c] = (float) Math.log(node[i][c] / sum);
      }
    }
    LatentGuidedDecoder dec = model.network().decoder();
    set(dec.nodeOutput(), nodeBias);
    double total = java.util.Arrays.stream(edge).sum();
    if (cfg.autoregressiveEdges()) {
      // one prior per upper pair, in the path's pair order; the masked layer starts at 0
      float[] edgeBias = new float[PairSequence.pairs(n) * EdgeClass.COUNT];
      for (int i = 0; i < n; i++) {
        for (int j = i + 1; j < n; j++) {
          double[] counts = pair[i * n + j];
          double sum = java.util.Arrays.stream(counts).sum();
          int p = PairSequence.index(n, i, j);
          for (int c = 0; c < EdgeClass.COUNT; c++) {
            edgeBias[p * EdgeClass.COUNT + c] = (float) Math.log(counts[c] / sum);
          }
        }
      }
      set(dec.classOutput(), edgeBias);
    } else if (cfg.directEdges() || cfg.sharedEdges()) {
      // one prior per slot pair (the slots are canonical, so pair frequencies mean something);
      // both orders get it, since the path averages the logits of (i, j) and (j, i)
      float[] edgeBias = new float[n * n * EdgeClass.COUNT];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          double[] counts = pair[Math.min(i, j) * n + Math.max(i, j)];
          double sum = java.util.Arrays.stream(counts).sum();
          for (int c = 0; c < EdgeClass.COUNT; c++) {
            edgeBias[(i * n + j) * EdgeClass.COUNT + c] = (float) Math.log(counts[c] / sum);
          }
        }
      }
      if (cfg.sharedEdges()) {
        // on the per-pair offsets; the shared class layer's bias stays 0
        Tensors.copyInto(dec.pairBias().getArray(), edgeBias);
      } else {
        set(dec.classOutput(), edgeBias);
      }
    } else if (dec.existenceOutput() == null) {
      float[] edgeBias = new float[EdgeClass.COUNT];
      for (int c = 0; c < EdgeClass.COUNT; c++) {
        edgeBias[c] = (float) Math.log(edge[c] / total);
      }
      set(dec.classOutput(), edgeBias);
    } else {
      double some = total - edge[0];
      set(dec.existenceOutput(), new float[] {(float) Math.log(some / edge[0])});
      float[] kind = new float[EdgeClass.COUNT - 1];
      for (int c = 1; c < EdgeClass.COUNT; c++) {
        kind[c - 1] = (float) Math.log(edge[c] / some);
      }
      set(dec.classOutput(), kind);
    }
  }

  private static void set(Dense layer, float[] bias) {
    Tensors.copyInto(layer.bias().getArray(), bias);
  }
}
