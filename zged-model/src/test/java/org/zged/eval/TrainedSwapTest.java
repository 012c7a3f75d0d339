package org.zged.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zged.dataset.CircuitRecord;
import org.zged.dataset.Dataset;
import org.zged.dataset.Datasets;
import org.zged.dataset.Split;
import org.zged.graph.TopologySignature;
import org.zged.model.ModelExample;
import org.zged.model.ZgedModel;
import org.zged.model.train.ModelTrainer;
import org.zged.model.train.TrainConfig;
import org.zged.model.train.TrainingResult;

/**
 * The swap test on a model trained here (configs/tiny.yaml, the hierarchical decoder, on the seed
 * preset's six topologies): decoding [z_topology(A), z_values(B), z_tf(B)] keeps A's canonical
 * topology at least as often as the target (0.95). The control reads the same measure from
 * the other side — A's values and TF groups with B's topology group — and must keep A's topology at
 * most 1 − 0.95 of the time: if the topology were carried by the value or TF groups (or by the
 * whole z), the first figure would fall and the control would rise, so the test can fail.
 */
class TrainedSwapTest {
  private static final double TARGET = 0.95;

  @Test
  void theTopologyGroupAloneCarriesTheTopology(@TempDir Path dir) {
    Dataset data = Datasets.seed();
    TrainConfig cfg =
        TrainConfig.load(
                Path.of(System.getProperty("zged.root", "..")).resolve("configs/tiny.yaml"))
            .withEpochs(30);
    TrainingResult r = ModelTrainer.builder().build().run(cfg, data, dir, false);
    try (ZgedModel model = r.model()) {
      List<CircuitRecord> val = data.split(Split.VAL);
      float[][] mu = model.encodeAll(val.stream().map(TrainedSwapTest::example).toList());
      List<TopologySignature> sig =
          val.stream().map(c -> TopologySignature.of(c.circuit())).toList();
      int t = model.config().topologyDims();
      int all = model.config().latentDims();
      EvalReport.LatentSwap kept = LatentSwap.measure(model, mu, sig, 0, t, 42, null);
      EvalReport.LatentSwap control = LatentSwap.measure(model, mu, sig, t, all, 42, null);
      System.out.println(
          "trained swap test: topology kept "
              + kept.topologyKept()
              + ", control (values + tf kept) "
              + control.topologyKept());
      assertEquals(LatentSwap.PAIRS, kept.pairs());
      assertTrue(kept.topologyKept() >= TARGET, "topology kept: " + kept.topologyKept());
      assertTrue(control.topologyKept() <= 1 - TARGET, "control kept: " + control.topologyKept());
      // The evaluator reports the first figure under latent_swap.topology_kept.
      EvalReport report =
          ModelEvaluator.builder()
              .setModel(model)
              .setData(data)
              .optSplit(Split.VAL)
              .optPriorSamples(0)
              .build()
              .run()
              .report();
      assertEquals(kept, report.latentSwap());
    }
  }

  private static ModelExample example(CircuitRecord r) {
    return new ModelExample(r.circuit(), r.poles(), r.zeros());
  }
}
