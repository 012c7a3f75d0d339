package org.zged.model.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.zged.model.ModelConfig;
import org.zged.model.ModelFile;
import org.zged.model.ZgedModel;

/**
 * The plain Java forward passes against the DJL/PyTorch blocks they mirror, on the shipped model
 * and on randomly initialised networks of other shapes (both edge heads), at latents well outside
 * the training range too. Both compute in float32, so they agree to rounding, not bit for bit.
 */
class JavaInferenceTest {
  private static final double TOLERANCE = 2e-5;

  @Test
  void decoderMatchesTheEngineOnTheShippedModel() {
    try (ZgedModel model = ZgedModel.loadDefault()) {
      JavaInference java = JavaInference.of(model.config(), model.parameters());
      assertNotNull(java, "the shipped network is covered");
      if (ModelConfig.AUTOREGRESSIVE.equals(model.config().edgePath())) {
        // decoded pair by pair: compared given the same classes
        AutoregressiveEdgesTest.compareGivenTheSameClasses(model, java, 3);
      } else {
        compareDecoder(model, java, 3.0);
      }
    }
  }

  @Test
  void decoderMatchesTheEngineOnOtherShapesAndTheSeparateHead() {
    ModelConfig[] configs = {
      new ModelConfig(6, 16, 2, 3, 1, 2, 3, 16, 24, 3, 2, ModelConfig.SEPARATE),
      new ModelConfig(4, 8, 1, 1, 2, 3, 1, 8, 12, 2, 3, ModelConfig.JOINT),
      // the open space's grid: a Java forward still sized for 5 nodes / 4 roots would differ here
      new ModelConfig(16, 16, 2, 2, 2, 4, 2, 8, 16, 18, 18, ModelConfig.JOINT),
      // the open-space architecture, and each of its two decoder paths alone
      new ModelConfig(16, 16, 2, 4, 3, 2, 2, 8, 24, 18, 18, ModelConfig.JOINT).openSpace(),
      // the shared edge path (per-slot embeddings, one pair MLP), with per-edge values and alone
      new ModelConfig(16, 16, 2, 4, 3, 2, 2, 8, 24, 18, 18, ModelConfig.JOINT)
          .openSpace()
          .withEdgePath(ModelConfig.SHARED),
      new ModelConfig(6, 8, 1, 2, 2, 2, 2, 8, 16, 3, 3, ModelConfig.JOINT)
          .withEdgePath(ModelConfig.SHARED),
      // and with self-attention among the slot embeddings
      new ModelConfig(16, 16, 2, 4, 3, 2, 2, 8, 24, 18, 18, ModelConfig.JOINT)
          .openSpace()
          .withEdgePath(ModelConfig.SHARED_ATTENTION),
      new ModelConfig(
          6,
          8,
          1,
          2,
          2,
          2,
          2,
          8,
          16,
          3,
          3,
          ModelConfig.JOINT,
          null,
          null,
          ModelConfig.DIRECT,
          null),
      new ModelConfig(
          6,
          8,
          1,
          2,
          2,
          2,
          2,
          8,
          16,
          3,
          3,
          ModelConfig.SEPARATE,
          null,
          null,
          null,
          ModelConfig.EDGE)
    };
    long seed = 5;
    for (ModelConfig cfg : configs) {
      try (ZgedModel model = ZgedModel.create(cfg, seed++)) {
        JavaInference java = JavaInference.of(cfg, model.parameters());
        assertNotNull(java, cfg.toString());
        compareDecoder(model, java, 5.0);
      }
    }
  }

  @Test
  void transferFunctionEncoderMatchesTheEngine() {
    try (ZgedModel model = ZgedModel.loadDefault()) {
      compareTfEncoder(model);
    }
    ModelConfig wide = new ModelConfig(16, 16, 2, 2, 2, 4, 2, 8, 16, 18, 18, ModelConfig.JOINT);
    try (ZgedModel model = ZgedModel.create(wide, 8)) {
      compareTfEncoder(model);
    }
  }

  private static void compareTfEncoder(ZgedModel model) {
    ModelConfig cfg = model.config();
    JavaInference java = JavaInference.of(cfg, model.parameters());
    SplittableRandom rng = new SplittableRandom(3);
    for (int trial = 0; trial < 20; trial++) {
      float[] p = random(rng, cfg.maxPoles() * 2, 2.0);
      float[] pm = mask(rng, cfg.maxPoles());
      float[] z = random(rng, cfg.maxZeros() * 2, 2.0);
      float[] zm = mask(rng, cfg.maxZeros());
      float[] expected = engineTf(model, p, pm, z, zm);
      float[] actual = java.encodeTransferFunction(p, pm, z, zm);
      assertClose(expected, actual, cfg.maxPoles() + " pole slots, tf encoder, trial " + trial);
    }
  }

  @Test
  void aParameterItDoesNotReadMeansNotCovered() {
    try (ZgedModel model = ZgedModel.create(ModelConfig.standard(), 1)) {
      Map<String, ModelFile.Tensor> params = new LinkedHashMap<>(model.parameters());
      params.put("02decoder_14gate_weight", new ModelFile.Tensor(new long[] {2}, new float[2]));
      assertNull(JavaInference.of(model.config(), params));
    }
  }

  @Test
  void aShapeItDoesNotExpectMeansNotCovered() {
    try (ZgedModel model = ZgedModel.create(ModelConfig.standard(), 1)) {
      Map<String, ModelFile.Tensor> params = new LinkedHashMap<>(model.parameters());
      params.put("02decoder_13value_head_bias", new ModelFile.Tensor(new long[] {4}, new float[4]));
      assertNull(JavaInference.of(model.config(), params));
    }
  }

  @Test
  void plainNamesDropOnlyPositionPrefixes() {
    assertEquals("encoder_mp0_kind_offset", Weights.plain("01encoder_02mp0_kind_offset"));
    assertEquals("decoder_slot_embedding", Weights.plain("02decoder_slot_embedding"));
    assertEquals("tf_head_hidden1_weight", Weights.plain("03tf_head_01hidden1_weight"));
  }

  private static void compareDecoder(ZgedModel model, JavaInference java, double scale) {
    ModelConfig cfg = model.config();
    SplittableRandom rng = new SplittableRandom(17);
    float[][] zs = new float[32][];
    for (int i = 0; i < zs.length; i++) {
      zs[i] = random(rng, cfg.latentDims(), scale);
    }
    DecoderOutput actual = java.decode(zs);
    float[] flat = new float[zs.length * cfg.latentDims()];
    for (int i = 0; i < zs.length; i++) {
      System.arraycopy(zs[i], 0, flat, i * cfg.latentDims(), cfg.latentDims());
    }
    try (NDManager sub = model.manager().newSubManager()) {
      NDArray z = sub.create(flat, new Shape(zs.length, cfg.latentDims()));
      NDList out = model.network().decoder().apply(model.parameterStore(), z, false);
      assertClose(out.get(0).toFloatArray(), actual.nodeLogits(), "node logits " + cfg);
      assertClose(out.get(1).toFloatArray(), actual.edgeLogProbs(), "edge log-probs " + cfg);
      assertClose(out.get(2).toFloatArray(), actual.values(), "values " + cfg);
    }
  }

  private static float[] engineTf(ZgedModel model, float[] p, float[] pm, float[] z, float[] zm) {
    ModelConfig cfg = model.config();
    try (NDManager sub = model.manager().newSubManager()) {
      return model
          .network()
          .encoder()
          .tfEncoder()
          .apply(
              model.parameterStore(),
              sub.create(p, new Shape(1, cfg.maxPoles(), 2)),
              sub.create(pm, new Shape(1, cfg.maxPoles())),
              sub.create(z, new Shape(1, cfg.maxZeros(), 2)),
              sub.create(zm, new Shape(1, cfg.maxZeros())),
              false)
          .toFloatArray();
    }
  }

  static void assertClose(float[] expected, float[] actual, String what) {
    assertEquals(expected.length, actual.length, what + ": length");
    for (int i = 0; i < expected.length; i++) {
      double err = Math.abs(expected[i] - actual[i]);
      assertTrue(
          err <= TOLERANCE * (1 + Math.abs(expected[i])),
          what + "[" + i + "]: engine " + expected[i] + ", Java " + actual[i]);
    }
  }

  private static float[] random(SplittableRandom rng, int n, double scale) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) ((rng.nextDouble() * 2 - 1) * scale);
    }
    return v;
  }

  private static float[] mask(SplittableRandom rng, int n) {
    float[] m = new float[n];
    int k = rng.nextInt(n + 1);
    for (int i = 0; i < k; i++) {
      m[i] = 1f;
    }
    return m;
  }
}
