package org.zged.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zged.model.loss.ChamferDistance;
import org.zged.model.loss.ConnectivityPenalty;
import org.zged.model.loss.GumbelSoftmax;

class LossTermsTest {
  static NDManager m;

  @BeforeAll
  static void open() {
    DjlEnvironment.prepare();
    m = NDManager.newBaseManager();
  }

  @AfterAll
  static void close() {
    m.close();
  }

  @Test
  void chamferOfIdenticalSetsIsZero() {
    NDArray pts = m.create(new float[] {0.1f, 0.2f, -0.3f, 0.4f, 0, 0}, new Shape(1, 3, 2));
    NDArray mask = m.create(new float[] {1, 1, 0}, new Shape(1, 3));
    assertEquals(0f, ChamferDistance.between(pts, pts, mask).getFloat(0), 1e-7);
  }

  @Test
  void chamferMatchesHandComputation() {
    // pred {(0,0), (1,0)}, truth {(0,0), (3,4)}:
    // pred→truth: 0 + min(1, 4+16=20) = 1; truth→pred: 0 + min(25, 20) = 20; (1 + 20) / 2 = 10.5.
    NDArray pred = m.create(new float[] {0, 0, 1, 0}, new Shape(1, 2, 2));
    NDArray truth = m.create(new float[] {0, 0, 3, 4}, new Shape(1, 2, 2));
    NDArray mask = m.create(new float[] {1, 1}, new Shape(1, 2));
    assertEquals(10.5f, ChamferDistance.between(pred, truth, mask).getFloat(0), 1e-5);
  }

  @Test
  void chamferOfEmptySetsIsZero() {
    NDArray pred = m.create(new float[] {5, 5, -5, 5}, new Shape(1, 2, 2));
    NDArray truth = m.zeros(new Shape(1, 2, 2));
    NDArray mask = m.zeros(new Shape(1, 2));
    assertEquals(0f, ChamferDistance.between(pred, truth, mask).getFloat(0), 0f);
  }

  /** Adjacency over slots GND=0, VIN=1, VOUT=2 (+ one padding slot). */
  private static NDArray adjacency(int[][] edges) {
    float[] a = new float[16];
    for (int[] e : edges) {
      a[e[0] * 4 + e[1]] = 1f;
      a[e[1] * 4 + e[0]] = 1f;
    }
    return m.create(a, new Shape(1, 4, 4));
  }

  @Test
  void connectivityIsZeroForAConnectedFilter() {
    NDArray mask = m.create(new float[] {1, 1, 1, 0}, new Shape(1, 4));
    // R VIN–VOUT, C VOUT–GND.
    NDArray a = adjacency(new int[][] {{1, 2}, {2, 0}});
    assertEquals(0f, ConnectivityPenalty.of(a, mask).getFloat(0), 1e-6);
  }

  @Test
  void connectivityPenalisesAnIsolatedVin() {
    NDArray mask = m.create(new float[] {1, 1, 1, 0}, new Shape(1, 4));
    NDArray a = adjacency(new int[][] {{2, 0}});
    // VOUT and GND unreachable from VIN (2) + VIN isolated (1).
    assertEquals(3f, ConnectivityPenalty.of(a, mask).getFloat(0), 1e-6);
  }

  @Test
  void connectivityIgnoresTheDiagonalAndPadding() {
    NDArray mask = m.create(new float[] {1, 1, 1, 0}, new Shape(1, 4));
    float[] a = new float[16];
    for (int i = 0; i < 4; i++) {
      a[i * 4 + i] = 1f; // self-loops everywhere: must not count as connections
    }
    a[1 * 4 + 3] = 1f; // VIN to the padding slot: must not count either
    a[3 * 4 + 1] = 1f;
    float p = ConnectivityPenalty.of(m.create(a, new Shape(1, 4, 4)), mask).getFloat(0);
    assertEquals(2f + 3f, p, 1e-6); // nothing reachable, three isolated nodes
  }

  @Test
  void satisfiedConnectivityPushesNoUnusedPair() {
    NDArray mask = m.create(new float[] {1, 1, 1, 0}, new Shape(1, 4));
    NDArray a = adjacency(new int[][] {{1, 2}, {2, 0}});
    a.setRequiresGradient(true);
    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
      gc.backward(ConnectivityPenalty.of(a, mask).sum());
    }
    float[] g = a.getGradient().toFloatArray();
    assertEquals(0f, g[0 * 4 + 1], 0f, "no push towards a VIN-GND edge");
    assertEquals(0f, g[1 * 4 + 3], 0f, "no push towards padding");
    assertTrue(g[1 * 4 + 2] < 0, "the one VIN-VOUT edge is defended");
  }

  /**
   * On the 16-node grid: VIN joined to GND only, VOUT inside a clique of the 13 other nodes that
   * nothing reaches. Differentiated through the neighbours' reach, the 15 propagation steps
   * multiply the clique's adjacency matrix (spectral radius 12) into gradients of order 12¹⁴; held,
   * each propagation step adds at most 1 to an entry, so no entry exceeds n − 1 = 15.
   */
  @Test
  void anUnreachedClusterGivesABoundedGradient() {
    int n = 16;
    NDArray mask = m.ones(new Shape(1, n));
    float[] a = new float[n * n];
    a[0 * n + 1] = 1f;
    a[1 * n + 0] = 1f;
    for (int i = 2; i < n; i++) {
      for (int j = 2; j < n; j++) {
        a[i * n + j] = i == j ? 0f : 1f;
      }
    }
    NDArray adj = m.create(a, new Shape(1, n, n));
    adj.setRequiresGradient(true);
    float penalty;
    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
      NDArray p = ConnectivityPenalty.of(adj, mask).sum();
      penalty = p.getFloat();
      gc.backward(p);
    }
    assertEquals(1f, penalty, 1e-6); // VOUT unreached, GND reached, nothing isolated
    float worst = 0;
    for (float g : adj.getGradient().toFloatArray()) {
      worst = Math.max(worst, Math.abs(g));
    }
    assertTrue(worst > 0, "the penalty still points somewhere");
    assertTrue(worst <= n - 1, "largest gradient entry " + worst);
  }

  @Test
  void gumbelSamplesAreOneHotAndCarryGradients() {
    NDArray logits = m.create(new float[] {0.5f, -1f, 2f, 0.1f, 0.2f, 0.3f}, new Shape(2, 3));
    logits.setRequiresGradient(true);
    NDArray noise = GumbelSoftmax.noise(m, new Shape(2, 3), new SplittableRandom(3));
    NDArray weights = m.create(new float[] {1f, 2f, 3f}, new Shape(1, 3));
    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
      NDArray y = GumbelSoftmax.sample(logits.logSoftmax(-1), noise, 0.7);
      float[] v = y.toFloatArray();
      for (int r = 0; r < 2; r++) {
        int ones = 0;
        for (int c = 0; c < 3; c++) {
          float x = v[r * 3 + c];
          assertTrue(x == 0f || x == 1f, "one-hot values only, got " + x);
          ones += x == 1f ? 1 : 0;
        }
        assertEquals(1, ones);
      }
      gc.backward(y.mul(weights).sum());
    }
    float[] g = logits.getGradient().toFloatArray();
    double norm = 0;
    for (float x : g) {
      norm += x * x;
    }
    assertTrue(norm > 1e-6, "straight-through gradient reaches the logits");
  }

  @Test
  void poleZeroCodecRoundTrips() {
    org.hipparchus.complex.Complex p = new org.hipparchus.complex.Complex(-1234.5, 6789.0);
    float[] xy = PoleZeroCodec.encode(p);
    org.hipparchus.complex.Complex back = PoleZeroCodec.decode(xy[0], xy[1]);
    assertEquals(p.getReal(), back.getReal(), 1e-3 * p.norm());
    assertEquals(p.getImaginary(), back.getImaginary(), 1e-3 * p.norm());
    assertArrayEquals(
        new float[] {0f, 0f}, PoleZeroCodec.encode(org.hipparchus.complex.Complex.ZERO));
    // angle kept: a left-half-plane root stays in the left half.
    assertTrue(xy[0] < 0 && xy[1] > 0);
  }
}
