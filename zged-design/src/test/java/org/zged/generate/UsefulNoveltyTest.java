package org.zged.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.zged.analysis.CircuitAnalyzer;
import org.zged.graph.TopologySignature;
import org.zged.model.ZgedModel;

class UsefulNoveltyTest {
  @Test
  void countsDistinctNovelTopologiesThatMeetAndExcludesTrainingOnes() {
    try (ZgedModel model = ZgedModel.loadDefault()) {
      SpecGenerator gen = SpecGenerator.builder().setModel(model).build();
      UsefulNovelty.Result r = UsefulNovelty.count(gen, Set.of(), 4, 1500, 3, 9);
      assertEquals(r.count(), r.topologies().size());
      Set<String> keys = new HashSet<>();
      for (UsefulNovelty.Found f : r.topologies()) {
        assertTrue(keys.add(f.topology()), "distinct: " + f.topology());
        assertNull(KnownTopologies.familyOf(f.topology()));
        // The key is the canonical form of the circuit that met the target, re-derived here.
        assertEquals(f.topology(), TopologySignature.of(f.circuit()).key());
        assertTrue(CircuitAnalyzer.specs(f.circuit()) != null);
      }
      assertTrue(r.count() > 0, "at least one novel topology meets one of 4 targets");
      UsefulNovelty.Result none = UsefulNovelty.count(gen, keys, 4, 1500, 3, 9);
      for (UsefulNovelty.Found f : none.topologies()) {
        assertTrue(!keys.contains(f.topology()), f.topology() + " is in the training set");
      }
    }
  }
}
