package org.zged.eval;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Lloyd's k-means with k-means++ seeding and several seeded restarts; the restart with the lowest
 * inertia (sum of squared distances to the assigned centroid) wins. Deterministic for a given seed.
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

  public Fit fit(double[][] points) {
    if (points.length < k) {
      throw new IllegalArgumentException(points.length + " points cannot form " + k + " clusters");
    }
    SplittableRandom master = new SplittableRandom(seed);
    Fit best = null;
    for (int r = 0; r < restarts; r++) {
      Fit f = lloyd(points, seedCentroids(points, master.split()));
      if (best == null || f.inertia() < best.inertia()) {
        best = f;
      }
    }
    return best;
  }

  /** k-means++: each next centre is drawn with probability proportional to D(x)². */
  private double[][] seedCentroids(double[][] x, SplittableRandom rnd) {
    double[][] c = new double[k][];
    c[0] = x[rnd.nextInt(x.length)].clone();
    double[] d2 = new double[x.length];
    Arrays.fill(d2, Double.POSITIVE_INFINITY);
    for (int m = 1; m < k; m++) {
      double total = 0;
      for (int i = 0; i < x.length; i++) {
        d2[i] = Math.min(d2[i], Distances.squaredEuclidean(x[i], c[m - 1]));
        total += d2[i];
      }
      int pick;
      if (total == 0) {
        pick = rnd.nextInt(x.length); // all points coincide with centres already chosen
      } else {
        double u = rnd.nextDouble() * total;
        pick = 0;
        double acc = d2[0];
        while (acc < u && pick < x.length - 1) {
          acc += d2[++pick];
        }
      }
      c[m] = x[pick].clone();
    }
    return c;
  }

  private Fit lloyd(double[][] x, double[][] c) {
    int dims = x[0].length;
    int[] assign = new int[x.length];
    Arrays.fill(assign, -1);
    for (int it = 0; it < maxIterations; it++) {
      boolean changed = false;
      for (int i = 0; i < x.length; i++) {
        int nearest = nearest(x[i], c);
        if (nearest != assign[i]) {
          assign[i] = nearest;
          changed = true;
        }
      }
      if (!changed) {
        break;
      }
      double[][] sum = new double[k][dims];
      int[] count = new int[k];
      for (int i = 0; i < x.length; i++) {
        count[assign[i]]++;
        for (int d = 0; d < dims; d++) {
          sum[assign[i]][d] += x[i][d];
        }
      }
      for (int m = 0; m < k; m++) {
        if (count[m] == 0) {
          // An emptied cluster takes the point farthest from its centroid, so k stays k.
          c[m] = x[farthest(x, c, assign)].clone();
          continue;
        }
        for (int d = 0; d < dims; d++) {
          c[m][d] = sum[m][d] / count[m];
        }
      }
    }
    double inertia = 0;
    for (int i = 0; i < x.length; i++) {
      assign[i] = nearest(x[i], c);
      inertia += Distances.squaredEuclidean(x[i], c[assign[i]]);
    }
    return new Fit(assign, c, inertia);
  }

  private static int nearest(double[] p, double[][] c) {
    int best = 0;
    double bestD = Double.POSITIVE_INFINITY;
    for (int m = 0; m < c.length; m++) {
      double d = Distances.squaredEuclidean(p, c[m]);
      if (d < bestD) {
        bestD = d;
        best = m;
      }
    }
    return best;
  }

  private static int farthest(double[][] x, double[][] c, int[] assign) {
    int best = 0;
    double bestD = -1;
    for (int i = 0; i < x.length; i++) {
      double d = Distances.squaredEuclidean(x[i], c[assign[i]]);
      if (d > bestD) {
        bestD = d;
        best = i;
      }
    }
    return best;
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
