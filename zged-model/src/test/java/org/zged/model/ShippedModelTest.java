package org.zged.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.zged.circuit.CircuitGraph;
import org.zged.circuit.Edge;
import org.zged.dataset.CircuitRecord;
import org.zged.dataset.Datasets;
import org.zged.dataset.Split;
import org.zged.graph.TopologySignature;

/**
 * The model shipped as a classpath resource meets the targets of the twelve families on the test
 * split of the full preset (held out: the validation split chose the checkpoint, so it cannot judge
 * it), decoding μ: component types 100%, edge count 100%, VIN/VOUT connected 100%, exact topology
 * (isomorphism with GND/VIN/VOUT fixed, edge classes included) ≥ 99.5%. A five-slot model has at
 * most 100,000 parameters; an open-space model (issue 14) is under 5 MB and carries its provenance
 * (full training config, open preset and its hash, seed, commit). The open-space model's figures
 * against issue 14's own targets (open preset, test and test_unseen) are in docs/model.md — most
 * are not met, so none of them is asserted here.
 */
class ShippedModelTest {
  @Test
  void meetsTheTargetsOfItsKind() throws Exception {
    try (ZgedModel model = ZgedModel.loadDefault()) {
      if (model.config().maxNodes() <= 5) {
        assertTrue(model.parameterCounts().get("total") <= 100_000);
      } else {
        openSpaceModel(model);
      }
    }
    meetsTheTargetsOnTheTestSplit();
  }

  private static void openSpaceModel(ZgedModel model) throws Exception {
    try (var in = ZgedModel.class.getResourceAsStream("/org/zged/model/production.zged")) {
      long bytes = in.readAllBytes().length;
      assertTrue(bytes < 5_000_000, "model file " + bytes + " bytes");
    }
    var prov = model.provenance();
    assertTrue(prov != null && prov.isObject(), "provenance recorded");
    assertEquals("open", prov.get("dataset").get("preset").asText());
    assertEquals(64, prov.get("dataset").get("sha256").asText().length());
    assertTrue(prov.get("commit").asText().matches("[0-9a-f]{40}(-dirty)?"), prov.toString());
    assertEquals(
        model.config().maxNodes(), prov.get("config").get("model").get("max_nodes").asInt());
    assertEquals(prov.get("config").get("seed").asLong(), prov.get("seed").asLong());
  }

  private static void meetsTheTargetsOnTheTestSplit() {
    List<CircuitRecord> val = Datasets.full().split(Split.TEST);
    List<ModelExample> examples = new ArrayList<>();
    for (CircuitRecord r : val) {
      examples.add(new ModelExample(r.circuit(), r.poles(), r.zeros()));
    }
    try (ZgedModel model = ZgedModel.loadDefault()) {
      List<DecodeResult> decoded = model.decodeAll(model.encodeAll(examples));
      int typesRight = 0;
      int countRight = 0;
      int connected = 0;
      int topologyRight = 0;
      for (int i = 0; i < val.size(); i++) {
        CircuitGraph want = CircuitGraph.of(val.get(i).circuit());
        DecodeResult got = decoded.get(i);
        if (sortedClasses(want).equals(sortedClasses(got.graph()))) {
          typesRight++;
        }
        if (want.edges().size() == got.graph().edges().size()) {
          countRight++;
        }
        if (got.vinConnected() && got.voutConnected()) {
          connected++;
        }
        if (TopologySignature.exact(want).equals(TopologySignature.exact(got.graph()))) {
          topologyRight++;
        }
      }
      int n = val.size();
      System.out.printf(
          "shipped model on %d test circuits: component types %d, edge count %d,"
              + " connected %d, exact topology %d%n",
          n, typesRight, countRight, connected, topologyRight);
      assertEquals(n, typesRight, "component-type accuracy");
      assertEquals(n, countRight, "edge-count match");
      assertEquals(n, connected, "VIN/VOUT connectivity");
      assertTrue(topologyRight >= 0.995 * n, "exact topology " + topologyRight + "/" + n);
    }
  }

  private static List<String> sortedClasses(CircuitGraph g) {
    List<String> out = new ArrayList<>();
    for (Edge e : g.edges()) {
      out.add(e.edgeClass().name());
    }
    out.sort(null);
    return out;
  }
}
