package org.zged.dataset;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The standard datasets. */
public enum Preset {
  /** The seed's six families × 20 = 120 circuits (the seed's dataset size). */
  SEED(uniform(FilterFamily.seedFamilies(), 20), 20),
  /** All twelve families × 200 = 2,400 circuits, for the production model. */
  FULL(uniform(List.of(FilterFamily.values()), 200), 200),
  /**
   * The open topology space: 40,000 random graphs (≤ 13 internal nodes, 2–20 elements), the twelve
   * families × 500 and the 16 classical ladder families × 250, 50,000 circuits, split by topology
   * ({@link TopologySplit}).
   */
  OPEN(openCounts(), 500);

  static final int OPEN_RANDOM = 40_000;
  static final int OPEN_PER_TEMPLATE = 500;
  static final int OPEN_PER_LADDER = 250;

  private final Map<CircuitFamily, Integer> counts;
  private final int perFamily;

  Preset(Map<CircuitFamily, Integer> counts, int perFamily) {
    this.counts = Collections.unmodifiableMap(counts);
    this.perFamily = perFamily;
  }

  private static Map<CircuitFamily, Integer> uniform(List<FilterFamily> families, int n) {
    Map<CircuitFamily, Integer> out = new LinkedHashMap<>();
    families.forEach(f -> out.put(f, n));
    return out;
  }

  private static Map<CircuitFamily, Integer> openCounts() {
    Map<CircuitFamily, Integer> out = new LinkedHashMap<>();
    out.put(RandomFamily.openSpace(), OPEN_RANDOM);
    for (FilterFamily f : FilterFamily.values()) {
      out.put(f, OPEN_PER_TEMPLATE);
    }
    for (LadderFamily f : LadderFamily.all()) {
      out.put(f, OPEN_PER_LADDER);
    }
    return out;
  }

  /** Circuits per family, in file order. */
  public Map<CircuitFamily, Integer> counts() {
    return counts;
  }

  public List<CircuitFamily> families() {
    return List.copyOf(counts.keySet());
  }

  /** The count a family gets when chosen by hand (with --families) without --per-family. */
  public int perFamily() {
    return perFamily;
  }

  public int size() {
    return counts.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** Whether this preset's files use the open format (topology splits, order and signature). */
  public boolean open() {
    return this == OPEN;
  }

  /** The lower-case name used in files and on the command line. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Preset parse(String s) {
    for (Preset p : values()) {
      if (p.id().equalsIgnoreCase(s.trim())) {
        return p;
      }
    }
    throw new IllegalArgumentException(
        "unknown preset '"
            + s
            + "' (expected "
            + String.join(", ", Arrays.stream(values()).map(Preset::id).toList())
            + ")");
  }
}
