package org.zged.generate;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.zged.dataset.FilterFamily;
import org.zged.graph.TopologySignature;

/** Names a topology after the dataset family that has it; anything else is novel. */
public final class KnownTopologies {
  private static final Map<String, String> FAMILY_BY_KEY = new HashMap<>();

  static {
    for (FilterFamily f : FilterFamily.values()) {
      FAMILY_BY_KEY.put(TopologySignature.of(f.sample(new SplittableRandom(0))).key(), f.id());
    }
  }

  private KnownTopologies() {}

  /** The family id for a topology key, or null when no dataset family has this topology. */
  public static String familyOf(String topologyKey) {
    return FAMILY_BY_KEY.get(topologyKey);
  }
}
