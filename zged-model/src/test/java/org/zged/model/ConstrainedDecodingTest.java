package org.zged.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Validity by construction: 10,000 latents drawn from N(0, I) (and wider), decoded by argmax and by
 * sampling at T = 1, all give valid filters by the independent rules of {@link ValidDecodes} — for
 * the shipped model, and for an untrained one whose outputs are arbitrary.
 */
class ConstrainedDecodingTest {
  @Test
  void tenThousandPriorLatentsDecodeValidWithTheShippedModel() {
    try (ZgedModel model = ZgedModel.loadDefault()) {
      checkAll(model, 10_000, 1.0);
    }
  }

  @Test
  void anUntrainedModelStillDecodesOnlyValidFilters() {
    try (ZgedModel model = ZgedModel.create(ModelConfig.standard(), 9)) {
      checkAll(model, 10_000, 3.0);
    }
  }

  private static void checkAll(ZgedModel model, int count, double spread) {
    SplittableRandom rng = new SplittableRandom(17);
    int dims = model.config().latentDims();
    float[][] zs = new float[count][dims];
    for (float[] z : zs) {
      for (int d = 0; d < dims; d++) {
        z[d] = (float) (rng.nextGaussian() * spread);
      }
    }
    List<DecodeResult> argmax = model.decodeAll(zs);
    List<DecodeResult> sampled = model.decodeAll(zs, 1.0, 5);
    assertEquals(count, argmax.size());
    for (List<DecodeResult> all : List.of(argmax, sampled)) {
      for (int i = 0; i < count; i++) {
        String p = ValidDecodes.problem(all.get(i));
        assertTrue(p.isEmpty(), "z #" + i + ": " + p + " in " + all.get(i).graph());
        assertTrue(all.get(i).valid(), all.get(i).problems().toString());
      }
    }
  }
}
