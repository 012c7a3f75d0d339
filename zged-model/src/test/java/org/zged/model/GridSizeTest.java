package org.zged.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zged.circuit.Circuit;
import org.zged.circuit.CircuitGraph;
import org.zged.circuit.EdgeClass;
import org.zged.eval.ReconstructionTally;
import org.zged.model.loss.ConnectivityPenalty;
import org.zged.model.loss.LossWeights;
import org.zged.model.loss.VaeLoss;
import org.zged.model.train.ModelTrainer;
import org.zged.model.train.TrainConfig;
import org.zged.model.train.TrainingResult;

/**
 * Every part follows the configured grid: with 16 node slots, 18 pole and 17 zero slots (all
 * different from the 5 / 4 / 4 of the standard configs), every tensor — batch inputs, targets,
 * masks, encoder and decoder outputs, losses — has exactly the configured sizes, a 16-node circuit
 * trains, encodes, and decodes, and the metrics read the whole grid.
 */
class GridSizeTest {
  private static final int N = 16;
  private static final int P = 18;
  private static final int Z = 17;
  private static final ModelConfig CFG =
      new ModelConfig(N, 16, 2, 2, 2, 4, 2, 8, 16, P, Z, ModelConfig.JOINT);

  /** An RC ladder with 13 internal nodes: 16 nodes in all, 13 poles. */
  static ModelExample ladder() {
    Circuit.Builder b = Circuit.builder();
    String prev = "vin";
    for (int i = 1; i <= 13; i++) {
      b.r("R" + i, prev, "n" + i, 1e3 * i).c("C" + i, "n" + i, "0", 1e-8 * i);
      prev = "n" + i;
    }
    b.r("R14", prev, "vout", 2e3).c("C14", "vout", "0", 3e-9);
    return ModelExample.of(b.build());
  }

  @Test
  void everyTensorHasTheConfiguredSizes() {
    everyTensorHasTheSizesOf(CFG);
  }

  /** The same on the open-space architecture (slot readouts, direct edges, per-edge values). */
  @Test
  void everyTensorOfTheOpenSpaceArchitectureHasTheConfiguredSizes() {
    everyTensorHasTheSizesOf(CFG.openSpace());
  }

  /** The same with the shared edge path (per-slot embeddings, one pair MLP for every pair). */
  @Test
  void everyTensorOfTheSharedEdgePathHasTheConfiguredSizes() {
    everyTensorHasTheSizesOf(CFG.openSpace().withEdgePath(ModelConfig.SHARED));
    everyTensorHasTheSizesOf(CFG.openSpace().withEdgePath(ModelConfig.SHARED_ATTENTION));
  }

  /** The same with the autoregressive edge path (its masked layer sized by the 120 slot pairs). */
  @Test
  void everyTensorOfTheAutoregressiveEdgePathHasTheConfiguredSizes() {
    everyTensorHasTheSizesOf(CFG.openSpace().withEdgePath(ModelConfig.AUTOREGRESSIVE));
  }

  /**
   * With canonical slots a relabelling of the internal nodes changes nothing the model sees: the
   * batch tensors of the ladder and of the ladder with its internal nodes renamed in reverse (so
   * they appear in another order) are equal.
   */
  @Test
  void canonicalSlotsDoNotDependOnTheNodeNames() {
    Circuit a = ladder().circuit();
    java.util.List<org.zged.circuit.Element> renamed = new java.util.ArrayList<>();
    for (org.zged.circuit.Element e : a.elements()) {
      renamed.add(
          new org.zged.circuit.Element(
              e.name(), e.kind(), reverse(e.nodeA()), reverse(e.nodeB()), e.value()));
    }
    java.util.Collections.reverse(renamed);
    Circuit b = new Circuit(renamed);
    ModelExample eb = new ModelExample(b, ladder().poles(), ladder().zeros());
    ModelConfig open = CFG.openSpace();
    try (NDManager m = NDManager.newBaseManager()) {
      NDList x = GraphBatch.of(List.of(ladder()), open).inputs(m);
      NDList y = GraphBatch.of(List.of(eb), open).inputs(m);
      NDList plainY = GraphBatch.of(List.of(eb), CFG).inputs(m);
      NDList plainX = GraphBatch.of(List.of(ladder()), CFG).inputs(m);
      for (int i = 0; i < x.size(); i++) {
        assertArrayEquals(x.get(i).toFloatArray(), y.get(i).toFloatArray(), 1e-6f, "input " + i);
      }
      // the graph order does depend on them (or this test would prove nothing)
      assertTrue(
          !java.util.Arrays.equals(plainX.get(2).toFloatArray(), plainY.get(2).toFloatArray()));
    }
  }

  private static String reverse(String node) {
    return node.startsWith("n") ? "n" + (14 - Integer.parseInt(node.substring(1))) : node;
  }

  private static void everyTensorHasTheSizesOf(ModelConfig cfgUnderTest) {
    ModelConfig CFG = cfgUnderTest;
    ModelExample big = ladder();
    assertEquals(N, CircuitGraph.of(big.circuit()).nodeCount());
    assertEquals(14, big.poles().size());
    List<ModelExample> examples = List.of(big, HandMadeCircuits.rcLowpass(1e3, 1e-7));
    GraphBatch batch = GraphBatch.of(examples, CFG);
    try (ZgedModel model = ZgedModel.create(CFG, 1);
        NDManager m = model.manager().newSubManager()) {
      NDList in = batch.inputs(m);
      long[][] inShapes = {
        {2, N, 4}, {2, N}, {2, N, N, 3}, {2, N, N, 3}, {2, P, 2}, {2, P}, {2, Z, 2}, {2, Z}
      };
      for (int i = 0; i < inShapes.length; i++) {
        assertArrayEquals(inShapes[i], in.get(i).getShape().getShape(), "input " + i);
      }
      assertArrayEquals(new long[] {2, N, 5}, batch.nodeTargets(m).getShape().getShape());
      assertArrayEquals(
          new long[] {2, N, N, EdgeClass.COUNT}, batch.edgeTargets(m).getShape().getShape());
      assertArrayEquals(new long[] {2, N, N}, batch.pairMask(m).getShape().getShape());
      assertEquals(14f, in.get(5).get("0").sum().getFloat(), "all 14 poles of the ladder kept");

      in.add(m.zeros(new Shape(2, CFG.latentDims())));
      if (CFG.autoregressiveEdges()) {
        in.add(batch.nodeTargets(m));
        in.add(batch.edgeTargets(m));
      }
      NDList out;
      NDArray total;
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        out = model.network().forward(model.parameterStore(), in, true);
        VaeLoss loss = new VaeLoss(new LossWeights(1, 0.5, 0.1, 5, 0.5, true));
        NDArray gumbel = m.zeros(new Shape(2, N, N, EdgeClass.COUNT));
        total = loss.compute(out, batch, gumbel, 1.0, 1.0).total();
        gc.backward(total);
      }
      assertTrue(Float.isFinite(total.getFloat()));
      int tokens = CFG.attention() ? 3 * CFG.tokensPerPart() : 1;
      long[][] outShapes = {
        {2, 8},
        {2, 8},
        {2, 8},
        {2, N, 5},
        {2, N, N, 8},
        {2, N, N, 3},
        {2, (long) N * N, tokens},
        {2, P, 2},
        {2, P},
        {2, Z, 2},
        {2, Z}
      };
      assertEquals(outShapes.length, out.size());
      for (int i = 0; i < outShapes.length; i++) {
        assertArrayEquals(outShapes[i], out.get(i).getShape().getShape(), "output " + i);
      }

      // The connectivity penalty of the ladder's own adjacency is 0 on the 16-node grid.
      float[] adj = new float[N * N];
      CircuitGraph g = CircuitGraph.of(big.circuit());
      g.edges().forEach(e -> adj[e.a() * N + e.b()] = adj[e.b() * N + e.a()] = 1f);
      NDArray a = m.create(adj, new Shape(1, N, N));
      NDArray mask = in.get(1).get("0:1");
      assertEquals(0f, ConnectivityPenalty.of(a, mask).getFloat(0), 1e-6);
    }
  }

  @Test
  void aSixteenNodeCircuitTrainsEncodesAndDecodes(@TempDir Path dir) {
    String yaml =
        TestModels.tiny()
            .toYaml()
            .replace("max_nodes: 5", "max_nodes: " + N)
            .replace("max_poles: 4", "max_poles: " + P)
            .replace("max_zeros: 4", "max_zeros: " + Z)
            .replace("epochs: 5", "epochs: 1");
    TrainConfig cfg = TrainConfig.parse(yaml, "test");
    assertEquals(N, cfg.model().maxNodes());
    List<ModelExample> data = List.of(ladder(), HandMadeCircuits.rcLowpass(1e3, 1e-7));
    TrainingResult r = ModelTrainer.builder().build().run(cfg, data, data, dir, false);
    try (ZgedModel model = r.model()) {
      assertTrue(Double.isFinite(r.bestValLoss()));
      float[] mu = model.encode(ladder());
      assertEquals(8, mu.length);
      SplittableRandom rng = new SplittableRandom(4);
      float[][] zs = new float[200][8];
      for (float[] z : zs) {
        for (int d = 0; d < 8; d++) {
          z[d] = (float) rng.nextGaussian();
        }
      }
      int widest = 0;
      for (DecodeResult d : model.decodeAll(zs, 1.0, 3)) {
        assertTrue(ValidDecodes.problem(d).isEmpty(), ValidDecodes.problem(d));
        widest = Math.max(widest, d.graph().nodeCount());
      }
      assertTrue(widest > 5, "an untrained 16-slot decoder uses slots beyond 5: " + widest);
      ReconstructionTally tally = new ReconstructionTally(N);
      CircuitGraph truth = CircuitGraph.of(ladder().circuit());
      tally.add(truth, truth);
      assertEquals(1.0, tally.edgeCountMatch(), 0.0);
    }
  }
}
