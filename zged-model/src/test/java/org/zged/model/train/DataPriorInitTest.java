package org.zged.model.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.zged.circuit.CircuitGraph;
import org.zged.circuit.EdgeClass;
import org.zged.model.HandMadeCircuits;
import org.zged.model.ModelConfig;
import org.zged.model.ModelExample;
import org.zged.model.ZgedModel;

/**
 * The node-slot and edge-class heads start at the training split's class frequencies: counted here
 * from the circuit graphs themselves (node count per circuit, edge classes of the true edges),
 * Laplace-smoothed, against the softmax of the initialised biases.
 */
class DataPriorInitTest {
  @Test
  void outputBiasesAreTheSmoothedLogFrequencies() {
    List<ModelExample> train = HandMadeCircuits.sample(5, 11);
    ModelConfig cfg = ModelConfig.standard();
    try (ZgedModel model = ZgedModel.create(cfg, 1)) {
      org.zged.model.NoGrad.run(() -> DataPriorInit.apply(model, train));
      int n = cfg.maxNodes();
      float[] nodeBias = model.network().decoder().nodeOutput().bias().getArray().toFloatArray();
      float[] edgeBias = model.network().decoder().classOutput().bias().getArray().toFloatArray();
      double[] edges = new double[EdgeClass.COUNT];
      long realPairs = 0;
      int[] absentAt = new int[n];
      for (ModelExample ex : train) {
        CircuitGraph g = CircuitGraph.of(ex.circuit());
        int k = g.nodeCount();
        realPairs += (long) k * (k - 1) / 2;
        for (int i = k; i < n; i++) {
          absentAt[i]++;
        }
        for (var e : g.edges()) {
          edges[e.edgeClass().ordinal()]++;
        }
      }
      edges[0] = realPairs - java.util.Arrays.stream(edges).sum();
      for (int i = 0; i < n; i++) {
        double pAbsent = (absentAt[i] + 1.0) / (train.size() + 5.0);
        assertEquals(pAbsent, softmax(nodeBias, i * 5, 5)[4], 1e-6, "slot " + i);
      }
      double total = java.util.Arrays.stream(edges).sum() + EdgeClass.COUNT;
      double[] p = softmax(edgeBias, 0, EdgeClass.COUNT);
      for (int c = 0; c < EdgeClass.COUNT; c++) {
        assertEquals((edges[c] + 1) / total, p[c], 1e-6, "edge class " + c);
      }
    }
  }

  /**
   * On the shared edge path the per-pair priors go on the per-pair offsets, the same numbers the
   * direct path puts on its flat layer's bias, and the shared class layer's bias stays 0.
   */
  @Test
  void theSharedEdgePathGetsThePairPriorsOnItsOffsets() {
    List<ModelExample> train = HandMadeCircuits.sample(5, 11);
    ModelConfig direct = ModelConfig.standard().withEdgePath(ModelConfig.DIRECT);
    ModelConfig shared = ModelConfig.standard().withEdgePath(ModelConfig.SHARED);
    try (ZgedModel d = ZgedModel.create(direct, 1);
        ZgedModel s = ZgedModel.create(shared, 1)) {
      org.zged.model.NoGrad.run(() -> DataPriorInit.apply(d, train));
      org.zged.model.NoGrad.run(() -> DataPriorInit.apply(s, train));
      float[] expected = d.network().decoder().classOutput().bias().getArray().toFloatArray();
      float[] offsets = s.network().decoder().pairBias().getArray().toFloatArray();
      assertEquals(5 * 5 * EdgeClass.COUNT, offsets.length);
      org.junit.jupiter.api.Assertions.assertArrayEquals(expected, offsets, 0f);
      // the VIN-VOUT pair of the hand-made circuits is not uniform (or this would prove little)
      double[] p = softmax(offsets, (1 * 5 + 2) * EdgeClass.COUNT, EdgeClass.COUNT);
      assertTrue(java.util.Arrays.stream(p).max().getAsDouble() > 1.5 / EdgeClass.COUNT);
      for (float b : s.network().decoder().classOutput().bias().getArray().toFloatArray()) {
        assertEquals(0f, b);
      }
    }
  }

  private static double[] softmax(float[] a, int off, int k) {
    double[] out = new double[k];
    double sum = 0;
    for (int c = 0; c < k; c++) {
      out[c] = Math.exp(a[off + c]);
      sum += out[c];
    }
    for (int c = 0; c < k; c++) {
      out[c] /= sum;
    }
    return out;
  }
}
