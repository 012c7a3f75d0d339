package org.zged.dataset;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The first record of a dataset file: how it was made and what it holds.
 *
 * @param formatVersion the file format version ({@link #FORMAT_VERSION})
 * @param generator the generator's name and version; a changed sampler changes this
 * @param seed the dataset seed
 * @param preset "seed" or "full", or "custom" when families or counts were chosen by hand
 * @param counts circuits per family, in file order
 * @param withResponse whether each record also stores its frequency response
 */
public record DatasetHeader(
    int formatVersion,
    String generator,
    long seed,
    String preset,
    Map<FilterFamily, Integer> counts,
    boolean withResponse) {
  public static final int FORMAT_VERSION = 1;
  public static final String GENERATOR = "zged-dataset 1";

  public DatasetHeader {
    counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
  }

  public long total() {
    long sum = 0;
    for (int c : counts.values()) {
      sum += c;
    }
    return sum;
  }

  public List<FilterFamily> families() {
    return List.copyOf(counts.keySet());
  }
}
