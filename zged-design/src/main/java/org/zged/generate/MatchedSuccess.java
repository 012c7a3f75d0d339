package org.zged.generate;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Success against analyses, for comparing search arms at the same success rather than over the
 * targets each happened to meet. An arm's run on a suite is the analyses each target took to its
 * first success, a miss counting as never ({@link #NEVER}); its curve is the fraction of all the
 * suite's targets met within k analyses; {@link #analysesToReach} is the smallest k at which that
 * fraction reaches a share p.
 *
 * <p>The benchmark's two readings of "VAE analyses against random search's" differ: the ratio of
 * medians compares each arm's median over the targets <i>it</i> met (random's median is over its
 * easier 86–90 %), while the matched-success ratio compares the analyses each arm needs until it
 * has met the same share p of all targets, p being random search's final success.
 */
public final class MatchedSuccess {
  /** The analyses-to-success of a target the arm did not meet. */
  public static final int NEVER = -1;

  private MatchedSuccess() {}

  /** One step of the curve: within {@code analyses} analyses, {@code met} of the targets met. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record Point(int analyses, double met) {}

  /**
   * The VAE arm against random search, both readings side by side (see the class comment): {@code
   * medianRatio} = random's median analyses to success over the targets it met / the VAE's over the
   * targets it met; {@code matchedSuccess} = random's share of targets met; {@code randomAnalyses}
   * / {@code vaeAnalyses} = the analyses each arm needs to have met that share (null when it never
   * does); {@code matchedRatio} = their ratio (null unless both are finite and the VAE's is
   * positive).
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Comparison(
      Double medianRatio,
      double matchedSuccess,
      Integer randomAnalyses,
      Integer vaeAnalyses,
      Double matchedRatio) {}

  /**
   * The curve's steps: for each distinct analyses count at which some target was first met, the
   * fraction of all targets met within it (misses never count). Empty when nothing was met.
   */
  public static List<Point> curve(int[] analysesToSuccess) {
    int[] met = sortedMet(analysesToSuccess);
    List<Point> out = new ArrayList<>();
    for (int i = 0; i < met.length; i++) {
      if (i + 1 < met.length && met[i + 1] == met[i]) {
        continue;
      }
      out.add(new Point(met[i], (i + 1) / (double) analysesToSuccess.length));
    }
    return out;
  }

  /** The fraction of all targets met within {@code k} analyses. */
  public static double metWithin(int[] analysesToSuccess, int k) {
    if (analysesToSuccess.length == 0) {
      return Double.NaN;
    }
    int n = 0;
    for (int a : analysesToSuccess) {
      if (a != NEVER && a <= k) {
        n++;
      }
    }
    return n / (double) analysesToSuccess.length;
  }

  /**
   * The fraction met within {@code k} analyses read off a {@link #curve} (0 before its first step).
   */
  public static double metWithin(List<Point> curve, int k) {
    double f = 0;
    for (Point pt : curve) {
      if (pt.analyses() <= k) {
        f = pt.met();
      }
    }
    return f;
  }

  /**
   * The smallest k such that at least a share {@code p} of the targets is met within k analyses (0
   * for p ≤ 0), null when the arm never meets that share.
   */
  public static Integer analysesToReach(int[] analysesToSuccess, double p) {
    int needed = (int) Math.ceil(p * analysesToSuccess.length - 1e-9);
    if (needed <= 0) {
      return 0;
    }
    int[] met = sortedMet(analysesToSuccess);
    return needed <= met.length ? met[needed - 1] : null;
  }

  /**
   * Both readings of the VAE against random search on the same targets (see {@link Comparison}).
   */
  public static Comparison compare(int[] vae, int[] random) {
    if (vae.length != random.length) {
      throw new IllegalArgumentException("the arms ran different targets");
    }
    Double mv = median(sortedMet(vae));
    Double mr = median(sortedMet(random));
    Double medianRatio = mv == null || mr == null || mv <= 0 ? null : mr / mv;
    double p = metWithin(random, Integer.MAX_VALUE);
    Integer nr = p > 0 ? analysesToReach(random, p) : null;
    Integer nv = p > 0 ? analysesToReach(vae, p) : null;
    Double ratio = nr == null || nv == null || nv <= 0 ? null : nr / (double) nv;
    return new Comparison(medianRatio, p, nr, nv, ratio);
  }

  private static int[] sortedMet(int[] analysesToSuccess) {
    return Arrays.stream(analysesToSuccess).filter(a -> a != NEVER).sorted().toArray();
  }

  private static Double median(int[] sorted) {
    if (sorted.length == 0) {
      return null;
    }
    int m = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2.0;
  }
}
