package org.zged.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.hipparchus.complex.Complex;
import org.junit.jupiter.api.Test;

class MetricsTest {

  @Test
  void silhouetteOfTwoFarClustersIsNearOne() {
    double[][] x = {{0, 0}, {0.1, 0}, {0, 0.1}, {100, 100}, {100.1, 100}, {100, 100.1}};
    int[] labels = {0, 0, 0, 1, 1, 1};
    assertTrue(Silhouette.score(x, labels) > 0.998);
  }

  /** 1-D points A = {0, 2}, B = {5, 7}: per point 2/3, 1/2, 1/2, 2/3 (worked by hand). */
  @Test
  void silhouetteByHand() {
    double[][] x = {{0}, {2}, {5}, {7}};
    int[] labels = {0, 0, 1, 1};
    assertArrayEquals(
        new double[] {2.0 / 3, 0.5, 0.5, 2.0 / 3}, Silhouette.perPoint(x, labels), 1e-12);
    assertEquals(7.0 / 12, Silhouette.score(x, labels), 1e-12);
  }

  @Test
  void silhouetteWithSwappedLabelsIsNegative() {
    double[][] x = {{0}, {2}, {5}, {7}};
    assertTrue(Silhouette.score(x, new int[] {0, 1, 0, 1}) < 0);
  }

  @Test
  void silhouetteUndefinedForOneLabel() {
    assertTrue(Double.isNaN(Silhouette.score(new double[][] {{0}, {1}}, new int[] {3, 3})));
  }

  @Test
  void purityOfAPerfectClusteringIsOne() {
    assertEquals(1.0, ClusterPurity.of(new int[] {2, 2, 0, 0, 1}, new int[] {5, 5, 7, 7, 9}));
  }

  @Test
  void purityByHand() {
    assertEquals(
        5.0 / 6,
        ClusterPurity.of(new int[] {0, 0, 0, 1, 1, 1}, new int[] {0, 0, 1, 1, 1, 1}),
        1e-12);
  }

  @Test
  void kMeansFindsWellSeparatedBlobs() {
    SplittableRandom rnd = new SplittableRandom(7);
    int n = 90;
    double[][] x = new double[n][];
    int[] labels = new int[n];
    double[][] centres = {{0, 0}, {20, 0}, {0, 20}};
    for (int i = 0; i < n; i++) {
      labels[i] = i % 3;
      x[i] =
          new double[] {
            centres[labels[i]][0] + rnd.nextDouble() - 0.5,
            centres[labels[i]][1] + rnd.nextDouble() - 0.5
          };
    }
    KMeans.Fit fit = KMeans.builder().setK(3).optSeed(1).build().fit(x);
    assertEquals(1.0, ClusterPurity.of(fit.assignment(), labels));
    KMeans.Fit again = KMeans.builder().setK(3).optSeed(1).build().fit(x);
    assertArrayEquals(fit.assignment(), again.assignment());
  }

  /** {0, 2, 10, 12} in two clusters: centroids 1 and 11, inertia 4 × 1² = 4. */
  @Test
  void kMeansByHand() {
    KMeans.Fit fit = KMeans.builder().setK(2).build().fit(new double[][] {{0}, {2}, {10}, {12}});
    assertEquals(4.0, fit.inertia(), 1e-12);
    double lo = Math.min(fit.centroids()[0][0], fit.centroids()[1][0]);
    double hi = Math.max(fit.centroids()[0][0], fit.centroids()[1][0]);
    assertEquals(1.0, lo, 1e-12);
    assertEquals(11.0, hi, 1e-12);
  }

  @Test
  void spearmanOfMonotoneDataIsOne() {
    double[] x = {1, 2, 3, 4, 5};
    double[] cube = {1, 8, 27, 64, 125};
    double[] down = {9, 7, 3, 1, -4};
    assertEquals(1.0, ModelEvaluator.spearman(x, cube), 1e-12);
    assertEquals(-1.0, ModelEvaluator.spearman(x, down), 1e-12);
  }

  /** Ranks of {1, 2, 2, 3} are {1, 2.5, 2.5, 4}; against 1..4 that gives 4.5 / √22.5. */
  @Test
  void spearmanAveragesTiedRanks() {
    assertTrue(
        Double.isNaN(ModelEvaluator.spearman(new double[] {1, 1, 1}, new double[] {1, 2, 3})));
    assertTrue(Double.isNaN(ModelEvaluator.spearman(new double[] {1}, new double[] {2})));
    assertEquals(
        4.5 / Math.sqrt(22.5),
        ModelEvaluator.spearman(new double[] {1, 2, 2, 3}, new double[] {1, 2, 3, 4}),
        1e-12);
  }

  @Test
  void chamferOfIdenticalSetsIsZero() {
    List<Complex> p = List.of(new Complex(-1e3, 2e3), new Complex(-1e3, -2e3), new Complex(-50, 0));
    assertEquals(0.0, Chamfer.distance(p, List.of(p.get(2), p.get(0), p.get(1))), 0);
  }

  /** −9 rad/s sits at radius log10(10)/8 = 0.125 and −99 rad/s at 0.25 on the negative axis. */
  @Test
  void chamferByHand() {
    List<Complex> truth = List.of(new Complex(-9, 0));
    List<Complex> pred = List.of(new Complex(-99, 0));
    assertEquals(2 * 0.125 * 0.125, Chamfer.distance(pred, truth), 1e-7);
    assertEquals(0.125 * 0.125, Chamfer.distance(List.of(), truth), 1e-7);
    assertEquals(0.0, Chamfer.distance(pred, List.of()), 0);
  }

  @Test
  void pcaFindsTheLineThroughCollinearPoints() {
    double[][] x = {{0, 0}, {1, 2}, {2, 4}, {3, 6}, {-1, -2}};
    Pca pca = Pca.fit(x, 2);
    double s = Math.sqrt(5);
    assertArrayEquals(new double[] {1 / s, 2 / s}, pca.axes()[0], 1e-9);
    assertEquals(1.0, pca.explainedVarianceRatio()[0], 1e-9);
    assertEquals(0.0, pca.explainedVarianceRatio()[1], 1e-9);
    // mean is (1, 2): the point (3, 6) is 2·√5 along the axis
    assertEquals(2 * s, pca.project(new double[][] {{3, 6}})[0][0], 1e-9);
  }
}
