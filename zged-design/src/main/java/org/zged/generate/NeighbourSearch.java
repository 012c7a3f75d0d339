package org.zged.generate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.hipparchus.complex.Complex;
import org.zged.circuit.CircuitGraph;
import org.zged.fit.SpecTarget;
import org.zged.graph.GraphEditDistance;
import org.zged.math.Chamfer;

/**
 * K nearest reference circuits to a target, and the weights of their latent blend.
 *
 * <p>Response targets use the distance √((Δ log10 f)² + (Δ log10 Q)²) — Q on a log scale, so Q = 5
 * vs 10 weighs like 50 vs 100 (the reference compared Q linearly, which made any Q above a few
 * swamp the frequency term). A record without a Q (first order) is one decade away in Q from any
 * targeted Q, and a record of another response class than the one asked for is not a neighbour.
 * Pole/zero targets use the Chamfer distance between log-magnitude/angle points of the roots.
 *
 * <p>Weights are 1/(d + 1e-6), normalised. With a GED weight g &gt; 0 the distance is mixed with
 * each neighbour's mean graph edit distance to the other neighbours, (1 − g)·d/max d + g·a/max a,
 * which favours neighbours whose topology agrees with the rest.
 */
final class NeighbourSearch {
  private static final double MISSING_Q_PENALTY = 1.0;

  record Neighbour(ReferenceSet.Entry entry, double distance, double weight) {}

  private NeighbourSearch() {}

  static List<Neighbour> nearest(ReferenceSet ref, SpecTarget t, int k, double gedWeight) {
    // Keep the k best in a small sorted array: one pass over the columns, no per-entry objects.
    double[] bestD = new double[k];
    int[] bestI = new int[k];
    java.util.Arrays.fill(bestD, Double.POSITIVE_INFINITY);
    java.util.Arrays.fill(bestI, -1);
    for (int i = 0; i < ref.size(); i++) {
      double d = t.isPoleZero() ? distance(ref.entries().get(i), t) : responseDistance(ref, i, t);
      if (d < bestD[k - 1]) {
        int j = k - 1;
        while (j > 0 && bestD[j - 1] > d) {
          bestD[j] = bestD[j - 1];
          bestI[j] = bestI[j - 1];
          j--;
        }
        bestD[j] = d;
        bestI[j] = i;
      }
    }
    List<double[]> scored = new ArrayList<>();
    for (int j = 0; j < k; j++) {
      if (bestI[j] >= 0) {
        scored.add(new double[] {bestD[j], bestI[j]});
      }
    }
    List<ReferenceSet.Entry> picked = new ArrayList<>();
    List<Double> dist = new ArrayList<>();
    for (int i = 0; i < Math.min(k, scored.size()); i++) {
      picked.add(ref.entries().get((int) scored.get(i)[1]));
      dist.add(scored.get(i)[0]);
    }
    double[] c = new double[picked.size()];
    for (int i = 0; i < c.length; i++) {
      c[i] = dist.get(i);
    }
    if (gedWeight > 0 && picked.size() > 1) {
      double[] a = new double[picked.size()];
      List<CircuitGraph> graphs = picked.stream().map(e -> e.record().graph()).toList();
      for (int i = 0; i < a.length; i++) {
        for (int j = 0; j < a.length; j++) {
          if (i != j) {
            a[i] += GraphEditDistance.between(graphs.get(i), graphs.get(j)) / (a.length - 1);
          }
        }
      }
      double maxD = max(c);
      double maxA = max(a);
      for (int i = 0; i < c.length; i++) {
        c[i] =
            (1 - gedWeight) * (maxD > 0 ? c[i] / maxD : 0)
                + gedWeight * (maxA > 0 ? a[i] / maxA : 0);
      }
    }
    double sum = 0;
    for (double x : c) {
      sum += 1 / (x + 1e-6);
    }
    List<Neighbour> out = new ArrayList<>();
    for (int i = 0; i < picked.size(); i++) {
      out.add(new Neighbour(picked.get(i), dist.get(i), 1 / (c[i] + 1e-6) / sum));
    }
    return out;
  }

  /**
   * The reference system's K-NN, for the benchmark baseline: d = √((Δ log10 f)² + (ΔQ)²) with Q
   * compared linearly, first-order circuits given Q = 0.707, and no response-class filter.
   */
  static List<Neighbour> nearestLikeReference(ReferenceSet ref, SpecTarget t, int k) {
    double tq = t.q() == null ? Math.sqrt(0.5) : t.q();
    List<double[]> scored = new ArrayList<>();
    for (int i = 0; i < ref.size(); i++) {
      ReferenceSet.Entry e = ref.entries().get(i);
      if (Double.isNaN(e.logF())) {
        continue;
      }
      double q = Double.isNaN(e.logQ()) ? Math.sqrt(0.5) : Math.pow(10, e.logQ());
      double df = e.logF() - Math.log10(t.fcHz());
      scored.add(new double[] {Math.sqrt(df * df + (q - tq) * (q - tq)), i});
    }
    scored.sort(Comparator.comparingDouble(a -> a[0]));
    List<double[]> top = scored.subList(0, Math.min(k, scored.size()));
    double sum = 0;
    for (double[] a : top) {
      sum += 1 / (a[0] + 1e-6);
    }
    List<Neighbour> out = new ArrayList<>();
    for (double[] a : top) {
      out.add(new Neighbour(ref.entries().get((int) a[1]), a[0], 1 / (a[0] + 1e-6) / sum));
    }
    return out;
  }

  private static double responseDistance(ReferenceSet ref, int i, SpecTarget t) {
    if ((t.type() != null && ref.cls[i] != t.type()) || Double.isNaN(ref.logF[i])) {
      return Double.POSITIVE_INFINITY;
    }
    double df = ref.logF[i] - Math.log10(t.fcHz());
    double dq = 0;
    if (t.q() != null) {
      dq = Double.isNaN(ref.logQ[i]) ? MISSING_Q_PENALTY : ref.logQ[i] - Math.log10(t.q());
    }
    return Math.sqrt(df * df + dq * dq);
  }

  static double distance(ReferenceSet.Entry e, SpecTarget t) {
    if (t.type() != null && e.cls() != t.type()) {
      return Double.POSITIVE_INFINITY;
    }
    if (t.isPoleZero()) {
      return rootDistance(e.record().poles(), t.poles())
          + rootDistance(e.record().zeros(), t.zeros());
    }
    if (Double.isNaN(e.logF())) {
      return Double.POSITIVE_INFINITY;
    }
    double df = e.logF() - Math.log10(t.fcHz());
    double dq = 0;
    if (t.q() != null) {
      dq = Double.isNaN(e.logQ()) ? MISSING_Q_PENALTY : e.logQ() - Math.log10(t.q());
    }
    return Math.sqrt(df * df + dq * dq);
  }

  /**
   * Chamfer distance between root sets mapped to (log10(1 + |r|), angle/π): frequency on a log
   * scale, the angle separating real, complex and jω-axis roots. Sets of different sizes are
   * penalised by one unit per missing root.
   */
  static double rootDistance(List<Complex> a, List<Complex> b) {
    if (a.isEmpty() && b.isEmpty()) {
      return 0;
    }
    double penalty = Math.abs(a.size() - b.size());
    if (a.isEmpty() || b.isEmpty()) {
      return penalty;
    }
    return (Chamfer.meanNearest(a, b, NeighbourSearch::logPolar)
                + Chamfer.meanNearest(b, a, NeighbourSearch::logPolar))
            / 2
        + penalty;
  }

  /**
   * (log frequency, angle) distance: frequency on a log scale, the angle tells root kinds apart.
   */
  private static double logPolar(Complex x, Complex y) {
    double dm = Math.log10(1 + x.norm()) - Math.log10(1 + y.norm());
    double da = (Math.abs(x.getArgument()) - Math.abs(y.getArgument())) / Math.PI;
    return Math.sqrt(dm * dm + da * da);
  }

  private static double max(double[] x) {
    double m = 0;
    for (double v : x) {
      m = Math.max(m, v);
    }
    return m;
  }
}
