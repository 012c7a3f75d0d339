package org.zged.dataset;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The first record of a dataset file: how it was made and what it holds.
 *
 * @param formatVersion the file format version: {@link #FORMAT_VERSION} for the seed and full
 *     presets, {@link #OPEN_FORMAT_VERSION} for the open one (records add {@code order} and {@code
 *     signature}, splits are by topology)
 * @param generator the generator's name and version; a changed sampler changes this
 * @param seed the dataset seed
 * @param preset "seed", "full" or "open", or "custom" when families or counts were chosen by hand
 * @param counts circuits per family, in file order
 * @param withResponse whether each record also stores its frequency response
 */
public record DatasetHeader(
    int formatVersion,
    String generator,
    long seed,
    String preset,
    Map<CircuitFamily, Integer> counts,
    boolean withResponse) {
  public static final int FORMAT_VERSION = 1;
  public static final int OPEN_FORMAT_VERSION = 2;
  public static final String GENERATOR = "zged-dataset 1";
  public static final String OPEN_GENERATOR = "zged-dataset-open 1";

  public DatasetHeader {
    counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
  }

  /** Whether the file is in the open format (topology splits, order and signature labels). */
  public boolean open() {
    return formatVersion == OPEN_FORMAT_VERSION;
  }

  /** The bounds of the random graphs, or null when the file has none. */
  public RandomGraphs space() {
    for (CircuitFamily f : counts.keySet()) {
      if (f instanceof RandomFamily r) {
        return r.graphs();
      }
    }
    return null;
  }

  public long total() {
    long sum = 0;
    for (int c : counts.values()) {
      sum += c;
    }
    return sum;
  }

  public List<CircuitFamily> families() {
    return List.copyOf(counts.keySet());
  }
}
