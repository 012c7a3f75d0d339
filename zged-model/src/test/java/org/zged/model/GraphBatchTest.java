package org.zged.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A training run builds one batch of its split and selects each step's rows from it; the selected
 * batch must be exactly the batch built from those examples, inputs, targets and masks alike, on
 * the 5-slot grid and on a 16-slot one.
 */
class GraphBatchTest {
  @Test
  void selectedRowsEqualTheBatchOfThoseExamples() {
    List<ModelExample> all = new ArrayList<>(HandMadeCircuits.sample(3, 11));
    all.add(GridSizeTest.ladder());
    int[] rows = {all.size() - 1, 4, 0, 4, 7};
    List<ModelExample> picked = new ArrayList<>();
    for (int r : rows) {
      picked.add(all.get(r));
    }
    ModelConfig big = new ModelConfig(16, 16, 2, 2, 2, 4, 2, 8, 16, 18, 17, ModelConfig.JOINT);
    GraphBatch whole = GraphBatch.of(all, big);
    GraphBatch want = GraphBatch.of(picked, big);
    GraphBatch got = whole.select(rows);
    assertEquals(rows.length, got.size());
    org.zged.model.DjlEnvironment.prepare();
    try (NDManager m = NDManager.newBaseManager()) {
      NDList a = want.inputs(m);
      NDList b = got.inputs(m);
      assertEquals(8, b.size());
      for (int i = 0; i < a.size(); i++) {
        assertArrayEquals(a.get(i).getShape().getShape(), b.get(i).getShape().getShape());
        assertArrayEquals(a.get(i).toFloatArray(), b.get(i).toFloatArray(), 0f, "input " + i);
      }
      same(want.nodeTargets(m), got.nodeTargets(m));
      same(want.edgeTargets(m), got.edgeTargets(m));
      same(want.pairMask(m), got.pairMask(m));
      same(want.upperPairs(m), got.upperPairs(m));
      same(want.rootCounts(m, true), got.rootCounts(m, true));
      same(want.rootAbsent(m, false, 1e6f), got.rootAbsent(m, false, 1e6f));
      assertArrayEquals(want.pairWeights(0.5f), got.pairWeights(0.5f), 0f);
      assertEquals(want.presenceCount(), got.presenceCount(), 0f);
    }
    assertThrows(IndexOutOfBoundsException.class, () -> whole.select(new int[] {all.size()}));
  }

  private static void same(NDArray a, NDArray b) {
    assertArrayEquals(a.getShape().getShape(), b.getShape().getShape());
    assertArrayEquals(a.toFloatArray(), b.toFloatArray(), 0f);
  }
}
