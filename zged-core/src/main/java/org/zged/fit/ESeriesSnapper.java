package org.zged.fit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.zged.circuit.Circuit;
import org.zged.circuit.ElementKind;

/**
 * Moves a fitted circuit onto preferred values without losing the spec: values are snapped one at a
 * time — capacitors and inductors first (their series are the coarsest in practice), resistors last
 * — and after each snap the values still free are re-fitted so they absorb the error. For each snap
 * the series neighbours below and above the nearest value are tried too, keeping the one whose
 * re-fit meets the target best. The last two values are chosen together by trying every pair among
 * their five nearest series values, since two snapped values can only hit a target to the
 * resolution of their products.
 *
 * <p>Resistors may use a finer series than capacitors ({@link Builder#optResistorSeries}); 1 % E96
 * resistors with E24 capacitors is the usual practice.
 */
public final class ESeriesSnapper {
  /** Series steps tried for the value chosen with look-ahead, nearest first. */
  private static final int[] OFFSETS = {0, -1, 1, -2, 2};

  private final ESeries series;
  private final ESeries resistorSeries;
  private final ValueFitter fitter;
  private final double trimAbove;

  private ESeriesSnapper(Builder b) {
    this.trimAbove = b.trimAbove;
    this.series = b.series;
    this.resistorSeries = b.resistorSeries != null ? b.resistorSeries : b.series;
    this.fitter = b.fitter;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * What snapping minimises: the worst relative error over the targeted specs the circuit can have.
   * A spec it cannot have at all (a Q for a first-order circuit) is left out, so that the specs it
   * can meet still steer the choice of values; for pole/zero targets, the Chamfer distance.
   */
  static double score(FitResult f) {
    if (!f.analysed()) {
      return Double.POSITIVE_INFINITY;
    }
    SpecErrors e = f.errors();
    if (e == null) {
      return f.chamferAfter();
    }
    if (!e.classMatches()) {
      return Double.POSITIVE_INFINITY;
    }
    double w = 0;
    for (Double x : new Double[] {e.fc(), e.q(), e.gain()}) {
      if (x != null && Double.isFinite(x)) {
        w = Math.max(w, x);
      }
    }
    return w;
  }

  public SnapResult snap(Circuit ideal, SpecTarget target) {
    int n = ideal.elements().size();
    double[] v = ideal.values();
    boolean[] fixed = new boolean[n];
    List<Integer> order = snapOrder(ideal);
    Circuit current = ideal;
    int done = 0;
    boolean finished = false;
    for (; done < order.size() - 2; done++) {
      int i = order.get(done);
      // The value snapped just before the final pair is chosen by looking at the final pair too.
      boolean lookAhead = done == order.size() - 3;
      Circuit bestCircuit = null;
      double bestScore = Double.POSITIVE_INFINITY;
      for (int offset : lookAhead ? OFFSETS : new int[] {0, -1, 1}) {
        double[] trial = current.values();
        trial[i] = seriesFor(ideal, i).step(v[i], offset);
        boolean[] f = fixed.clone();
        f[i] = true;
        FitResult fit = fitter.fit(current.withValues(trial), target, f);
        Circuit c = fit.circuit();
        double score = score(fit);
        if (lookAhead) {
          c = bestPairOrSingle(c, target, order.subList(done + 1, order.size()));
          score = score(fitter.verify(c, target));
        }
        // The first trial is kept even when every score is infinite (no trial verifies), so a
        // hopeless snap still returns its closest circuit instead of failing.
        if (bestCircuit == null || score < bestScore) {
          bestScore = score;
          bestCircuit = c;
        }
      }
      fixed[i] = true;
      current = bestCircuit;
      v = current.values();
      finished = lookAhead;
    }
    if (!finished) {
      current = bestPairOrSingle(current, target, order.subList(done, order.size()));
    }
    FitResult verified = fitter.verify(current, target);
    // Up to one trim part per targeted spec: each trim gives one more continuous-like degree.
    List<Trim> trims = new ArrayList<>();
    int maxTrims = target.isPoleZero() ? 2 : Math.max(1, new ResponseObjective(target).size());
    while (trimAbove >= 0 && trims.size() < maxTrims && score(verified) > trimAbove) {
      Trim t = bestTrim(current, target, score(verified), trims, n);
      if (t == null) {
        break;
      }
      trims.add(t);
      current = t.circuit;
      verified = fitter.verify(current, target);
    }
    List<SnappedValue> table = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      var e = ideal.elements().get(i);
      double s = current.elements().get(i).value();
      table.add(new SnappedValue(e.name(), e.kind(), e.value(), s, s / e.value() - 1, null));
      for (Trim t : trims) {
        if (t.index == i) {
          double combined = e.kind() == ElementKind.C ? s + t.part : 1 / (1 / s + 1 / t.part);
          table.add(
              new SnappedValue(
                  t.name, e.kind(), e.value(), t.part, combined / e.value() - 1, e.name()));
        }
      }
    }
    return new SnapResult(series, resistorSeries, verified, table);
  }

  /** A value realised as two series values in parallel (R‖R, L‖L, or C + C). */
  private record Trim(Circuit circuit, int index, String name, double part) {}

  /**
   * When single series values cannot meet the target closely, one value is realised as a parallel
   * pair of series values — the usual bench practice of trimming with a second part. For each
   * original element not trimmed yet, the continuous value that meets the target with all others
   * kept is found, then a main part just beyond it (above for R and L, whose parallel combination
   * is smaller; below for C, where parallel capacitance adds) and the series value nearest the
   * remainder are tried. The part is appended after the original elements.
   */
  private Trim bestTrim(
      Circuit current, SpecTarget target, double scoreToBeat, List<Trim> done, int originals) {
    Trim best = null;
    double bestScore = scoreToBeat;
    int n = current.elements().size();
    for (int i = 0; i < originals; i++) {
      final int index = i;
      if (done.stream().anyMatch(t -> t.index == index)) {
        continue;
      }
      boolean[] fixed = new boolean[n];
      java.util.Arrays.fill(fixed, true);
      fixed[i] = false;
      FitResult exact = fitter.fit(current, target, fixed);
      double v = exact.circuit().values()[i];
      ElementKind kind = current.elements().get(i).kind();
      ESeries s = kind == ElementKind.R ? resistorSeries : series;
      for (int step = 1; step <= 3; step++) {
        double main = s.step(v, kind == ElementKind.C ? -step : step);
        double rest = kind == ElementKind.C ? v - main : 1 / (1 / v - 1 / main);
        if (!(rest > 0) || !Double.isFinite(rest)) {
          continue;
        }
        for (int off = -1; off <= 1; off++) {
          double part = s.step(rest, off);
          List<org.zged.circuit.Element> els = new ArrayList<>(current.elements());
          var e = els.get(i);
          els.set(i, e.withValue(main));
          String name = e.name() + "b";
          els.add(new org.zged.circuit.Element(name, kind, e.nodeA(), e.nodeB(), part));
          Circuit c = current.withElements(els);
          if (!PracticalRanges.violations(c).isEmpty()) {
            continue;
          }
          double score = score(fitter.verify(c, target));
          if (score < bestScore) {
            bestScore = score;
            best = new Trim(c, i, name, part);
          }
        }
      }
    }
    return best;
  }

  /**
   * The last one or two values, with one step of look-ahead: each of the five series values nearest
   * the first is tried, the second is re-fitted to it and then snapped to its three nearest series
   * values, and the best verified pair wins.
   */
  private Circuit bestPairOrSingle(Circuit current, SpecTarget target, List<Integer> last) {
    int a = last.get(0);
    double va = current.values()[a];
    Circuit best = current.withValues(snapAll(current));
    double bestScore = score(fitter.verify(best, target));
    for (int offA : OFFSETS) {
      double[] trial = current.values();
      trial[a] = seriesFor(current, a).step(va, offA);
      Circuit withA = current.withValues(trial);
      List<Circuit> options = new ArrayList<>();
      if (last.size() == 1) {
        options.add(withA);
      } else {
        int b = last.get(1);
        boolean[] fixed = new boolean[trial.length];
        java.util.Arrays.fill(fixed, true);
        fixed[b] = false;
        Circuit refit = fitter.fit(withA, target, fixed).circuit();
        for (int offB : new int[] {0, -1, 1}) {
          double[] t2 = refit.values();
          t2[b] = seriesFor(refit, b).step(t2[b], offB);
          options.add(refit.withValues(t2));
        }
      }
      for (Circuit c : options) {
        double score = score(fitter.verify(c, target));
        if (score < bestScore) {
          bestScore = score;
          best = c;
        }
      }
    }
    return best;
  }

  private double[] snapAll(Circuit c) {
    double[] v = c.values();
    for (int i = 0; i < v.length; i++) {
      v[i] = seriesFor(c, i).nearest(v[i]);
    }
    return v;
  }

  private ESeries seriesFor(Circuit c, int i) {
    return c.elements().get(i).kind() == ElementKind.R ? resistorSeries : series;
  }

  /** C and L before R; within a kind, circuit order. */
  private static List<Integer> snapOrder(Circuit c) {
    return IntStream.range(0, c.elements().size())
        .boxed()
        .sorted(Comparator.comparingInt(i -> c.elements().get(i).kind() == ElementKind.R ? 1 : 0))
        .toList();
  }

  public static final class Builder {
    private ESeries series = ESeries.E24;
    private ESeries resistorSeries;
    private ValueFitter fitter = ValueFitter.defaults();
    private double trimAbove = -1;

    /**
     * Allow one value to become a parallel pair of series values when the best single-part choice
     * misses the target by more than {@code relativeError} (off by default).
     */
    public Builder optTrimAbove(double relativeError) {
      this.trimAbove = relativeError;
      return this;
    }

    /** The series for every value (and for resistors unless set separately); default E24. */
    public Builder setSeries(ESeries series) {
      this.series = series;
      return this;
    }

    public Builder optResistorSeries(ESeries resistorSeries) {
      this.resistorSeries = resistorSeries;
      return this;
    }

    public Builder optFitter(ValueFitter fitter) {
      this.fitter = fitter;
      return this;
    }

    public ESeriesSnapper build() {
      return new ESeriesSnapper(this);
    }
  }
}
