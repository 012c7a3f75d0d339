package org.zged.dataset;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.zged.analysis.FilterSpecs;
import org.zged.analysis.ResponseClass;
import org.zged.circuit.Element;

/**
 * Per-family summary of a dataset, accumulated one record at a time so that a file of any size can
 * be summarised while it streams past: counts per split and per response class, the range of every
 * element value and of fc, f0, Q and pole Q, and up to {@link #MAX_POINTS} (frequency, Q) points
 * per family for a scatter plot.
 */
public final class DatasetStats implements Consumer<CircuitRecord> {
  /** Plot points kept per family (the first ones in file order). */
  public static final int MAX_POINTS = 5000;

  /** The twelve templates in their enum order (as always), then the open families by id. */
  private static final Comparator<CircuitFamily> FAMILY_ORDER =
      Comparator.comparing((CircuitFamily f) -> f instanceof FilterFamily ? 0 : 1)
          .thenComparing(f -> f instanceof FilterFamily ff ? ff.ordinal() : 0)
          .thenComparing(CircuitFamily::id);

  private final Map<CircuitFamily, Family> families = new TreeMap<>(FAMILY_ORDER);
  private final Map<Split, Long> splits = new EnumMap<>(Split.class);
  private final TopologyStats topologies = new TopologyStats();
  private long total;

  public static DatasetStats of(Iterable<CircuitRecord> records) {
    DatasetStats s = new DatasetStats();
    records.forEach(s);
    return s;
  }

  @Override
  public void accept(CircuitRecord r) {
    total++;
    splits.merge(r.split(), 1L, Long::sum);
    families.computeIfAbsent(r.family(), f -> new Family()).add(r);
    topologies.add(r);
  }

  /** Distinct canonical topologies and their spread over sizes, orders, classes and splits. */
  public TopologyStats topologies() {
    return topologies;
  }

  public long total() {
    return total;
  }

  public long splitCount(Split s) {
    return splits.getOrDefault(s, 0L);
  }

  public Map<CircuitFamily, Family> families() {
    return Collections.unmodifiableMap(families);
  }

  /** Families with a circuit whose response class is not the one the family's name promises. */
  public List<CircuitFamily> misnamedFamilies() {
    List<CircuitFamily> out = new ArrayList<>();
    families.forEach(
        (f, s) -> {
          if (f.expectedClass() != null
              && s.classCounts().getOrDefault(f.expectedClass(), 0L) != s.count()) {
            out.add(f);
          }
        });
    return out;
  }

  /** The smallest and largest of the values seen, and how many there were. */
  public static final class Range {
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;
    private long count;

    void add(Double v) {
      if (v != null && Double.isFinite(v)) {
        min = Math.min(min, v);
        max = Math.max(max, v);
        count++;
      }
    }

    public double min() {
      return min;
    }

    public double max() {
      return max;
    }

    public long count() {
      return count;
    }

    public boolean isEmpty() {
      return count == 0;
    }
  }

  /** The summary of one family. */
  public static final class Family {
    private long count;
    private final Map<Split, Long> splits = new EnumMap<>(Split.class);
    private final Map<ResponseClass, Long> classes = new EnumMap<>(ResponseClass.class);
    private final Map<String, Range> values = new LinkedHashMap<>();
    private final Range fc = new Range();
    private final Range f0 = new Range();
    private final Range q = new Range();
    private final Range poleQ = new Range();
    private final List<double[]> points = new ArrayList<>();

    void add(CircuitRecord r) {
      count++;
      splits.merge(r.split(), 1L, Long::sum);
      FilterSpecs s = r.specs();
      classes.merge(s.responseClass(), 1L, Long::sum);
      for (Element e : r.circuit().elements()) {
        values.computeIfAbsent(e.name(), k -> new Range()).add(e.value());
      }
      fc.add(s.fcHz());
      f0.add(s.f0Hz());
      q.add(s.q());
      poleQ.add(s.poleQ());
      double[] p = point(s);
      if (p != null && points.size() < MAX_POINTS) {
        points.add(p);
      }
    }

    public long count() {
      return count;
    }

    public long splitCount(Split s) {
      return splits.getOrDefault(s, 0L);
    }

    public Map<ResponseClass, Long> classCounts() {
      return Collections.unmodifiableMap(classes);
    }

    /** Element name → range of its value, in element order. */
    public Map<String, Range> values() {
      return Collections.unmodifiableMap(values);
    }

    public Range fc() {
      return fc;
    }

    public Range f0() {
      return f0;
    }

    public Range q() {
      return q;
    }

    public Range poleQ() {
      return poleQ;
    }

    /** (frequency Hz, Q) pairs for a scatter plot; see {@link #point(FilterSpecs)}. */
    public List<double[]> points() {
      return Collections.unmodifiableList(points);
    }
  }

  /**
   * A circuit's place in the frequency–Q plane: x is its characteristic frequency (fc of a
   * low/high-pass, f0 of a band filter) and y is its Q (the band Q of a band filter, else the pole
   * Q of the dominant pair). Null when it has no Q: first-order filters (one real pole) and
   * lossless ones (infinite Q); the reference invented Q = 0.707 for those, we leave them out.
   */
  public static double[] point(FilterSpecs s) {
    Double x = s.fcHz() != null ? s.fcHz() : s.f0Hz();
    Double y = s.q() != null ? s.q() : s.poleQ();
    if (x == null || y == null || !(x > 0) || !(y > 0)) {
      return null;
    }
    return new double[] {x, y};
  }
}
