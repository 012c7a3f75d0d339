package org.zged.dataset;

import java.util.ArrayList;
import java.util.List;

/** Looks up the families a dataset file may name. */
public final class CircuitFamilies {
  private CircuitFamilies() {}

  /**
   * The family with this id: one of the twelve templates, a classical ladder family, or {@code
   * random} with the given bounds (the open space when null).
   *
   * @throws IllegalArgumentException for an unknown id
   */
  public static CircuitFamily parse(String id, RandomGraphs space) {
    if (id.trim().equalsIgnoreCase(RandomFamily.ID)) {
      return new RandomFamily(space != null ? space : RandomGraphs.openSpace());
    }
    LadderFamily ladder = LadderFamily.byId(id);
    if (ladder != null) {
      return ladder;
    }
    try {
      return FilterFamily.parse(id);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown family '" + id + "' (known: " + String.join(", ", ids()) + ")");
    }
  }

  public static List<String> ids() {
    List<String> out = new ArrayList<>(FilterFamily.ids());
    out.add(RandomFamily.ID);
    out.addAll(LadderFamily.ids());
    return out;
  }
}
