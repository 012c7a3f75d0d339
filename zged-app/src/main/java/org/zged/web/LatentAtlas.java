package org.zged.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.zged.analysis.FilterSpecs;
import org.zged.dataset.CircuitRecord;
import org.zged.eval.Pca;
import org.zged.generate.ReferenceSet;

/**
 * The reference set's latent means and their 2-D PCA map. Built once per server (encoding a few
 * thousand circuits takes a moment) and read-only afterwards, so any number of requests may share
 * it. {@link #lift} maps a 2-D map point back to the 8-D latent on the plane of the first two
 * principal axes through the mean, which is where the map's points are drawn from.
 */
public final class LatentAtlas {
  private final List<Point> points;
  private final List<String> families;
  private final double[] mean;
  private final double[][] axes;
  private final double[] explained;

  /** One reference circuit on the map. */
  public record Point(
      String id,
      String family,
      String split,
      double x,
      double y,
      float[] z,
      String responseClass,
      Double fcHz,
      Double f0Hz,
      Double q,
      Double poleQ) {}

  private LatentAtlas(
      List<Point> points,
      List<String> families,
      double[] mean,
      double[][] axes,
      double[] explained) {
    this.points = List.copyOf(points);
    this.families = List.copyOf(families);
    this.mean = mean;
    this.axes = axes;
    this.explained = explained;
  }

  /** The map of the generator's encoded reference set (its latents are computed once, there). */
  public static LatentAtlas of(ReferenceSet reference) {
    List<CircuitRecord> records = new ArrayList<>();
    float[][] z = new float[reference.size()][];
    int i = 0;
    for (ReferenceSet.Entry e : reference.entries()) {
      records.add(e.record());
      z[i++] = e.mu();
    }
    return of(records, z);
  }

  /** The map of circuits whose latent means are {@code z} (row i belongs to record i). */
  public static LatentAtlas of(List<CircuitRecord> records, float[][] z) {
    if (records.size() < 3 || records.size() != z.length) {
      throw new IllegalArgumentException("need at least 3 circuits, each with its latent");
    }
    double[][] zd = new double[z.length][];
    double[] mean = new double[z[0].length];
    for (int i = 0; i < z.length; i++) {
      zd[i] = new double[z[i].length];
      for (int j = 0; j < z[i].length; j++) {
        zd[i][j] = z[i][j];
        mean[j] += zd[i][j] / z.length;
      }
    }
    Pca pca = Pca.fit(zd, 2);
    double[][] xy = pca.project(zd);
    List<Point> points = new ArrayList<>(records.size());
    LinkedHashSet<String> families = new LinkedHashSet<>();
    for (int i = 0; i < records.size(); i++) {
      CircuitRecord r = records.get(i);
      FilterSpecs s = r.specs();
      families.add(r.family().id());
      points.add(
          new Point(
              r.id(),
              r.family().id(),
              r.split().name().toLowerCase(java.util.Locale.ROOT),
              xy[i][0],
              xy[i][1],
              z[i],
              s.responseClass() == null ? null : s.responseClass().label(),
              s.fcHz(),
              s.f0Hz(),
              s.q(),
              s.poleQ()));
    }
    return new LatentAtlas(
        points, new ArrayList<>(families), mean, pca.axes(), pca.explainedVarianceRatio());
  }

  public List<Point> points() {
    return points;
  }

  public List<String> families() {
    return families;
  }

  public double[] explainedVariance() {
    return explained.clone();
  }

  public int dimensions() {
    return mean.length;
  }

  /** 8-D latent → its 2-D map coordinates. */
  public double[] project(float[] z) {
    double[] out = new double[2];
    for (int c = 0; c < 2; c++) {
      for (int j = 0; j < mean.length; j++) {
        out[c] += (z[j] - mean[j]) * axes[c][j];
      }
    }
    return out;
  }

  /** 2-D map point → the latent mean + x·axis₁ + y·axis₂. */
  public float[] lift(double x, double y) {
    float[] z = new float[mean.length];
    for (int j = 0; j < z.length; j++) {
      z[j] = (float) (mean[j] + x * axes[0][j] + y * axes[1][j]);
    }
    return z;
  }
}
