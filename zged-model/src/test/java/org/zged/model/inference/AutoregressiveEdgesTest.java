package org.zged.model.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.zged.circuit.EdgeClass;
import org.zged.model.ModelConfig;
import org.zged.model.PairSequence;
import org.zged.model.ZgedModel;
import org.zged.model.nn.Tensors;

/**
 * The autoregressive edge path ({@code decoder.edge_path: autoregressive}): the engine's masked
 * layer really is autoregressive (a pair's logits do not move when a later or the same pair's class
 * changes, and do when an earlier one's does), and the Java decode, which commits one pair at a
 * time into a running pre-activation, gives the same conditionals and values as the engine's one
 * pass conditioned on the classes that decode chose.
 */
class AutoregressiveEdgesTest {
  private static final int K = EdgeClass.COUNT;

  static ModelConfig config(int nodes) {
    return new ModelConfig(nodes, 16, 2, 4, 3, 2, 2, 8, 24, 6, 6, ModelConfig.JOINT)
        .openSpace()
        .withEdgePath(ModelConfig.AUTOREGRESSIVE);
  }

  /** A random network whose masked output layer is not at its initial 0 (so it counts). */
  static ZgedModel randomModel(ModelConfig cfg, long seed) {
    ZgedModel model = ZgedModel.create(cfg, seed);
    SplittableRandom rng = new SplittableRandom(seed);
    for (var p : model.network().getParameters()) {
      Parameter param = p.getValue();
      if (p.getKey().contains("edge_sequence") && param.getType() == Parameter.Type.WEIGHT) {
        float[] w = new float[(int) param.getArray().getShape().size()];
        for (int i = 0; i < w.length; i++) {
          w[i] = (float) (rng.nextDouble() * 2 - 1);
        }
        Tensors.copyInto(param.getArray(), w);
      }
    }
    return model;
  }

  @Test
  void aPairSeesOnlyThePairsBeforeIt() {
    ModelConfig cfg = config(7);
    int n = cfg.maxNodes();
    int pairs = PairSequence.pairs(n);
    try (ZgedModel model = randomModel(cfg, 3)) {
      SplittableRandom rng = new SplittableRandom(5);
      float[] z = random(rng, cfg.latentDims());
      int[] nodes = {0, 1, 2, 3, 3, 3, 3};
      int[] classes = new int[n * n];
      for (int i = 0; i < n; i++) {
        for (int j = i + 1; j < n; j++) {
          classes[i * n + j] = classes[j * n + i] = rng.nextInt(K);
        }
      }
      float[] base = engineLogProbs(model, z, nodes, classes);
      int changedLater = 0;
      for (int i = 0; i < n; i++) {
        for (int j = i + 1; j < n; j++) {
          int k = PairSequence.index(n, i, j);
          int[] other = classes.clone();
          other[i * n + j] = other[j * n + i] = (classes[i * n + j] + 1 + rng.nextInt(K - 1)) % K;
          float[] moved = engineLogProbs(model, z, nodes, other);
          for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
              int q = PairSequence.index(n, a, b);
              float diff = 0;
              for (int c = 0; c < K; c++) {
                diff =
                    Math.max(
                        diff, Math.abs(moved[(a * n + b) * K + c] - base[(a * n + b) * K + c]));
              }
              if (q <= k) {
                assertEquals(0f, diff, 1e-6f, "pair " + q + " moved with pair " + k);
              } else if (diff > 1e-4f) {
                changedLater++;
              }
            }
          }
        }
      }
      // every pair but the last has later pairs; most of them must react
      assertTrue(changedLater > pairs, "later pairs reacted " + changedLater + " times");
    }
  }

  @Test
  void javaDecodeMatchesTheEngineGivenTheSameClasses() {
    for (int nodes : new int[] {5, 16}) {
      ModelConfig cfg = config(nodes);
      try (ZgedModel model = randomModel(cfg, 11 + nodes)) {
        JavaInference java = JavaInference.of(cfg, model.parameters());
        assertNotNull(java, "the autoregressive network is covered");
        compareGivenTheSameClasses(model, java, nodes);
      }
    }
  }

  /**
   * The Java decode's log-probabilities and values against the engine's, teacher-forced with the
   * classes the Java decode chose (each pair's argmax), for six random latents.
   */
  static void compareGivenTheSameClasses(ZgedModel model, JavaInference java, long seed) {
    ModelConfig cfg = model.config();
    int n = cfg.maxNodes();
    SplittableRandom rng = new SplittableRandom(seed);
    float[][] zs = new float[6][];
    for (int b = 0; b < zs.length; b++) {
      zs[b] = random(rng, cfg.latentDims());
    }
    DecoderOutput out = java.decode(zs);
    assertEquals(zs.length, out.edgeModels().size());
    for (int b = 0; b < zs.length; b++) {
      float[] nodeLogits = slice(out.nodeLogits(), b, n * 5);
      float[] logProbs = slice(out.edgeLogProbs(), b, n * n * K);
      int[] nodeClasses = new int[n];
      int[] classes = new int[n * n];
      for (int i = 0; i < n; i++) {
        nodeClasses[i] = i < 3 ? i : nodeLogits[i * 5 + 4] > nodeLogits[i * 5 + 3] ? 4 : 3;
      }
      for (int i = 0; i < n; i++) {
        for (int j = i + 1; j < n; j++) {
          if (nodeClasses[i] != 4 && nodeClasses[j] != 4) {
            classes[i * n + j] = classes[j * n + i] = argmax(logProbs, (i * n + j) * K);
          }
        }
      }
      float[] expected = engineLogProbs(model, zs[b], nodeClasses, classes);
      JavaInferenceTest.assertClose(
          expected, logProbs, n + " nodes, latent " + b + ", log-probabilities");
      JavaInferenceTest.assertClose(
          engineValues(model, zs[b], nodeClasses, classes),
          slice(out.values(), b, n * n * 3),
          n + " nodes, latent " + b + ", values");
    }
  }

  private static float[] engineLogProbs(ZgedModel model, float[] z, int[] nodes, int[] classes) {
    return engineDecode(model, z, nodes, classes).get(1).toFloatArray();
  }

  private static float[] engineValues(ZgedModel model, float[] z, int[] nodes, int[] classes) {
    return engineDecode(model, z, nodes, classes).get(2).toFloatArray();
  }

  private static NDList engineDecode(ZgedModel model, float[] z, int[] nodes, int[] classes) {
    ModelConfig cfg = model.config();
    int n = cfg.maxNodes();
    NDManager sub = model.manager().newSubManager();
    float[] nodeHot = new float[n * 5];
    for (int i = 0; i < n; i++) {
      nodeHot[i * 5 + nodes[i]] = 1f;
    }
    float[] edgeHot = new float[n * n * K];
    for (int q = 0; q < n * n; q++) {
      edgeHot[q * K + classes[q]] = 1f;
    }
    NDArray zz = sub.create(z, new Shape(1, cfg.latentDims()));
    NDList teacher =
        new NDList(
            sub.create(nodeHot, new Shape(1, n, 5)), sub.create(edgeHot, new Shape(1, n, n, K)));
    NDList out = model.network().decoder().apply(model.parameterStore(), zz, teacher, false);
    NDList copy = new NDList();
    for (NDArray a : out) {
      copy.add(model.manager().create(a.toFloatArray(), a.getShape()));
    }
    sub.close();
    return copy;
  }

  private static float[] random(SplittableRandom rng, int dims) {
    float[] z = new float[dims];
    for (int i = 0; i < dims; i++) {
      z[i] = (float) (rng.nextGaussian() * 1.5);
    }
    return z;
  }

  private static float[] slice(float[] a, int b, int len) {
    return java.util.Arrays.copyOfRange(a, b * len, (b + 1) * len);
  }

  private static int argmax(float[] a, int off) {
    int best = 0;
    for (int c = 1; c < K; c++) {
      best = a[off + c] > a[off + best] ? c : best;
    }
    return best;
  }
}
