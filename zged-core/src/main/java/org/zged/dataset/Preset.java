package org.zged.dataset;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The two standard datasets. */
public enum Preset {
  /** The seed's six families × 20 = 120 circuits (the seed's dataset size). */
  SEED(FilterFamily.seedFamilies(), 20),
  /** All twelve families × 200 = 2,400 circuits, for the production model. */
  FULL(List.of(FilterFamily.values()), 200);

  private final List<FilterFamily> families;
  private final int perFamily;

  Preset(List<FilterFamily> families, int perFamily) {
    this.families = List.copyOf(families);
    this.perFamily = perFamily;
  }

  public List<FilterFamily> families() {
    return families;
  }

  public int perFamily() {
    return perFamily;
  }

  public int size() {
    return families.size() * perFamily;
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
            + String.join(" or ", Arrays.stream(values()).map(Preset::id).toList())
            + ")");
  }
}
