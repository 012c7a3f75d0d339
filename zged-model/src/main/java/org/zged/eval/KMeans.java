package org.zged.eval;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.clustering.CentroidCluster;
import org.hipparchus.clustering.Cluster;
import org.hipparchus.clustering.Clusterable;
import org.hipparchus.clustering.KMeansPlusPlusClusterer;
import org.hipparchus.clustering.MultiKMeansPlusPlusClusterer;
import org.hipparchus.clustering.distance.EuclideanDistance;
import org.hipparchus.clustering.evaluation.ClusterEvaluator;
import org.hipparchus.random.Well19937c;

/**
 * k-means for the latent-space purity metric: Hipparchus's k-means++ (Lloyd iterations, an emptied
 * cluster refilled from the one of largest variance) with several seeded restarts, keeping the
 * restart of lowest inertia (sum of squared distances to the assigned centroid). Deterministic for
 * a given seed. This class only maps the library's clusters back to point indices.
 *
 * <pre>{@code
 * KMeans.Fit fit = KMeans.builder().setK(12).optRestarts(10).optSeed(42).build().fit(points);
 * }</pre>
 */
public final class KMeans {
  private final int k;
  private final int restarts;
  private final long seed;
  private final int maxIterations;

  private KMeans(Builder b) {
    this.k = b.k;
    this.restarts = b.restarts;
    this.seed = b.seed;
    this.maxIterations = b.maxIterations;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * @param assignment the cluster of every point, 0 .. k-1
   * @param centroids one row per cluster
   * @param inertia sum of squared distances of points to their centroid
   */
  public record Fit(int[] assignment, double[][] centroids, double inertia) {}

  /** A point that remembers its row, so clusters can be mapped back to an assignment. */
  private record Row(int index, double[] point) implements Clusterable {
    @Override
    public double[] getPoint() {
      return point;
    }
  }

  public Fit fit(double[][] points) {
    if (points.length < k) {
      throw new IllegalArgumentException(points.length + " points cannot form " + k + " clusters");
    }
    List<Row> rows = new ArrayList<>(points.length);
    for (int i = 0; i < points.length; i++) {
      rows.add(new Row(i, points[i]));
    }
    KMeansPlusPlusClusterer<Row> once =
        new KMeansPlusPlusClusterer<>(
            k, maxIterations, new EuclideanDistance(), new Well19937c(seed));
    List<CentroidCluster<Row>> clusters =
        new MultiKMeansPlusPlusClusterer<>(once, restarts, new Inertia()).cluster(rows);
    int[] assignment = new int[points.length];
    double[][] centroids = new double[clusters.size()][];
    for (int c = 0; c < clusters.size(); c++) {
      centroids[c] = clusters.get(c).getCenter().getPoint().clone();
      for (Row r : clusters.get(c).getPoints()) {
        assignment[r.index()] = c;
      }
    }
    return new Fit(assignment, centroids, inertia(clusters));
  }

  private static double inertia(List<? extends Cluster<Row>> clusters) {
    double s = 0;
    for (Cluster<Row> c : clusters) {
      double[] centre = ((CentroidCluster<Row>) c).getCenter().getPoint();
      for (Row r : c.getPoints()) {
        for (int d = 0; d < centre.length; d++) {
          double x = r.point()[d] - centre[d];
          s += x * x;
        }
      }
    }
    return s;
  }

  /** Restarts are compared by inertia, the quantity k-means minimises (lower is better). */
  private static final class Inertia extends ClusterEvaluator<Row> {
    @Override
    public double score(List<? extends Cluster<Row>> clusters) {
      return inertia(clusters);
    }
  }

  /** Required: k. Optional: restarts (10), seed (42), max iterations (300). */
  public static final class Builder {
    private int k;
    private int restarts = 10;
    private long seed = 42;
    private int maxIterations = 300;

    public Builder setK(int k) {
      this.k = k;
      return this;
    }

    public Builder optRestarts(int restarts) {
      this.restarts = restarts;
      return this;
    }

    public Builder optSeed(long seed) {
      this.seed = seed;
      return this;
    }

    public Builder optMaxIterations(int maxIterations) {
      this.maxIterations = maxIterations;
      return this;
    }

    public KMeans build() {
      if (k < 1) {
        throw new IllegalArgumentException("k must be set and >= 1");
      }
      if (restarts < 1 || maxIterations < 1) {
        throw new IllegalArgumentException("restarts and max iterations must be >= 1");
      }
      return new KMeans(this);
    }
  }
}
