package org.zged.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zged.dataset.CircuitRecord;
import org.zged.dataset.Dataset;
import org.zged.dataset.Datasets;
import org.zged.dataset.Split;
import org.zged.graph.TopologySignature;
import org.zged.model.ModelConfig;
import org.zged.model.ZgedModel;

/**
 * The evaluator on a real (untrained, seeded) network and the real seed-preset data: its figures
 * must be internally consistent, reproducible, and the JSON must carry the documented keys.
 */
class ModelEvaluatorTest {
  private static ZgedModel model;
  private static Dataset data;
  private static ModelEvaluator.Evaluation evaluation;

  @BeforeAll
  static void evaluate() {
    model = ZgedModel.create(ModelConfig.standard(), 3);
    data = Datasets.seed();
    evaluation = evaluator().run();
  }

  private static ModelEvaluator evaluator() {
    return ModelEvaluator.builder()
        .setModel(model)
        .setData(data)
        .optSplit(Split.VAL)
        .optPriorSamples(40)
        .optDecodesPerSample(5)
        .optTemperature(1.5)
        .build();
  }

  @AfterAll
  static void close() {
    model.close();
  }

  @Test
  void confusionCoversEverySlotPair() {
    EvalReport r = evaluation.report();
    assertEquals(data.split(Split.VAL).size(), r.circuits());
    long total = Arrays.stream(r.confusion()).flatMapToLong(Arrays::stream).sum();
    // seed-preset circuits have at most 5 nodes, the grid has 5 slots: 10 pairs per circuit
    assertEquals(10L * r.circuits(), total);
    long diagonal = 0;
    for (int i = 0; i < 8; i++) {
      diagonal += r.confusion()[i][i];
    }
    assertEquals((double) diagonal / total, r.edgeClassAccuracy(), 1e-12);
  }

  /** The by-size figures partition the split: their counts add up, their mean is the whole. */
  @Test
  void topologyMatchBySizeAddsUpToTheWhole() {
    EvalReport r = evaluation.report();
    int circuits = 0;
    double matched = 0;
    for (var e : r.topologyMatchByNodes().entrySet()) {
      assertTrue(e.getKey() >= 3 && e.getKey() <= 5, "seed-preset sizes: " + e.getKey());
      circuits += e.getValue().circuits();
      matched += e.getValue().circuits() * e.getValue().topologyMatch();
    }
    assertEquals(r.circuits(), circuits);
    assertEquals(r.topologyMatch(), matched / circuits, 1e-12);
    assertTrue(r.topologyMatchRaw() >= 0 && r.topologyMatchRaw() <= 1);
  }

  @Test
  void fractionsAreFractions() {
    EvalReport r = evaluation.report();
    for (double v :
        new double[] {
          r.nodeTypeAccuracy(),
          r.edgeClassAccuracy(),
          r.componentTypeAccuracy(),
          r.edgeCountMatch(),
          r.vinConnectivity(),
          r.voutConnectivity(),
          r.topologyMatch(),
          r.purity(),
          r.prior().validity(),
          r.prior().electricalValidity(),
          r.prior().uniqueness(),
          r.prior().novelty()
        }) {
      assertTrue(v >= 0 && v <= 1, "out of [0, 1]: " + v);
    }
    assertTrue(r.prior().electricalValidity() <= r.prior().validity());
    assertTrue(r.silhouette() >= -1 && r.silhouette() <= 1);
    assertEquals(6, r.families());
    assertEquals(3, r.latentGroups().size());
  }

  /**
   * The latent metrics are labelled by canonical topology: the seed preset's six families are six
   * distinct canonical topologies, each with several validation circuits, so all are scored.
   */
  @Test
  void latentGroupsAreByCanonicalTopology() {
    EvalReport r = evaluation.report();
    Set<String> topologies = new HashSet<>();
    for (CircuitRecord rec : data.split(Split.VAL)) {
      topologies.add(TopologySignature.of(rec.circuit()).key());
    }
    assertEquals(topologies.size(), r.topologies());
    assertEquals(r.topologies(), r.groupedTopologies());
    assertEquals(r.circuits(), r.groupedCircuits());
  }

  @Test
  void novelTopologiesAreValidAndAbsentFromTraining() {
    Set<String> training = new HashSet<>();
    for (CircuitRecord rec : data.split(Split.TRAIN)) {
      training.add(TopologySignature.of(rec.graph()).key());
    }
    EvalReport.Prior p = evaluation.report().prior();
    int decodes = p.samples() * p.decodesPerSample();
    int valid = (int) Math.round(p.validity() * decodes);
    int counted = 0;
    for (EvalReport.NovelTopology t : p.novelTopologies()) {
      assertFalse(training.contains(t.signature()), t.signature());
      assertEquals(t.count(), t.responseClasses().values().stream().mapToInt(i -> i).sum());
      counted += t.count();
    }
    assertTrue(counted <= valid);
    assertEquals(p.novelTopologies().size(), Math.round(p.novelty() * p.distinctValidTopologies()));
  }

  @Test
  void reproducibleForTheSameSeed() {
    EvalReport again = evaluator().run().report();
    EvalReport first = evaluation.report();
    assertEquals(first.topologyMatch(), again.topologyMatch());
    assertEquals(first.purity(), again.purity());
    assertEquals(first.gedSpearman(), again.gedSpearman());
    assertEquals(first.prior(), again.prior());
  }

  @Test
  void jsonHasTheDocumentedKeys() throws Exception {
    JsonNode root = new ObjectMapper().readTree(EvalJson.write(evaluation.report()));
    for (String key :
        new String[] {
          "node_type_accuracy",
          "edge_class_accuracy",
          "component_type_accuracy",
          "edge_count_match",
          "vin_connectivity",
          "vout_connectivity",
          "topology_match",
          "silhouette",
          "purity",
          "pole_chamfer",
          "zero_chamfer",
          "ged_spearman"
        }) {
      assertTrue(root.has(key), key);
    }
    // The names issue 14 fixes, as JSON pointers.
    for (String path :
        new String[] {
          "/parameters/total",
          "/latent_swap/topology_kept",
          "/value_error/R/median",
          "/prior/validity",
          "/prior/raw_validity",
          "/prior/electrical_validity",
          "/prior/uniqueness",
          "/prior/novelty",
          "/prior/distinct_valid_topologies"
        }) {
      assertFalse(root.at(path).isMissingNode(), path);
    }
    for (String group : new String[] {"topology", "values", "transfer_function"}) {
      for (String m : new String[] {"silhouette", "purity"}) {
        assertFalse(root.at("/latent_groups/" + group + "/" + m).isMissingNode(), group + m);
      }
    }
    JsonNode prior = root.get("prior");
    assertNotNull(prior);
    for (String key : new String[] {"novel_topologies"}) {
      assertTrue(prior.has(key), key);
    }
    assertTrue(prior.get("novel_topologies").isArray());
  }

  @Test
  void markdownNamesTheHeadlineFigures() {
    String md = EvalMarkdown.render(evaluation.report(), java.util.List.of("confusion.png"));
    assertTrue(
        md.contains("| exact canonical topology match (reduced, isomorphism, terminals fixed) |"));
    assertTrue(md.contains("Labels: canonical topology."), md);
    assertTrue(md.contains("![confusion.png](confusion.png)"));
    assertTrue(md.contains("structural validity"));
  }
}
