package org.zged.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.zged.circuit.CircuitGraph;
import org.zged.dataset.CircuitRecord;
import org.zged.dataset.Dataset;
import org.zged.dataset.Datasets;
import org.zged.dataset.Split;
import org.zged.fit.SpecTarget;
import org.zged.model.ModelConfig;
import org.zged.model.ZgedModel;

/**
 * Generation does not assume the shipped model's five node slots: a 16-slot (open-space) model,
 * untrained here, runs every mode under the general checks, and its reference data is the open
 * preset's train split.
 */
class OpenModelGenerationTest {
  static ModelConfig sixteen() {
    return new ModelConfig(16, 32, 2, 4, 2, 4, 2, 16, 32, 8, 8, ModelConfig.JOINT);
  }

  @Test
  void theReferenceDataFollowsTheModelsNodeSlots() {
    assertEquals(ReferenceData.FULL, ReferenceData.choice(ModelConfig.standard()));
    assertEquals(ReferenceData.OPEN_TRAIN, ReferenceData.choice(sixteen()));
    Dataset d = ReferenceData.of(ReferenceData.OPEN_TRAIN, 16, 3, 30);
    // each template has one topology, held out or not: 0 or 3 train circuits from it; each of
    // the 16 ladder families has many, so 3
    assertEquals(0, (d.size() - 30) % 3, "the caps per family: " + d.size());
    assertTrue(d.size() >= 16 * 3 + 30 && d.size() <= (12 + 16) * 3 + 30, "size " + d.size());
    boolean bigger = false;
    for (CircuitRecord r : d.records()) {
      assertEquals(Split.TRAIN, r.split(), r.id());
      int nodes = CircuitGraph.of(r.circuit()).nodeCount();
      assertTrue(nodes <= 16, r.id());
      bigger |= nodes > ReferenceData.FAMILY_NODES;
    }
    assertTrue(bigger, "the open space has circuits beyond five nodes");
  }

  @Test
  void aSixteenSlotModelGeneratesForSpecsAndMasks() {
    try (ZgedModel model = ZgedModel.create(sixteen(), 7)) {
      SpecGenerator g =
          SpecGenerator.builder().setModel(model).optReference(Datasets.seed()).build();
      SpecTarget t = SpecTarget.builder().optType("lowpass").optFc(2e3).optQ(0.8).build();
      Generation spec = g.run(t, Constraints.NONE, 2, 1, 1500, SpecGenerator.Arm.PIPELINE);
      GenerationChecks.check(spec, Constraints.NONE);
      assertFalse(spec.ranked().isEmpty());
      MaskGoal goal = MaskGoal.of(MaskGenerationTest.LOWPASS);
      Generation vae = g.run(goal, Constraints.NONE, 1, 1, 800, SpecGenerator.Arm.VAE);
      GenerationChecks.check(vae, Constraints.NONE);
      Generation mask = g.run(goal, Constraints.NONE, 1, 1, 1500, SpecGenerator.Arm.PIPELINE);
      GenerationChecks.check(mask, Constraints.NONE);
      assertTrue(mask.met(), mask.diagnosis());
    }
  }
}
