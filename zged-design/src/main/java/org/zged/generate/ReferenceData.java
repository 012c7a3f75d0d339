package org.zged.generate;

import java.util.ArrayList;
import java.util.List;
import org.zged.circuit.CircuitGraph;
import org.zged.dataset.CircuitFamily;
import org.zged.dataset.CircuitRecord;
import org.zged.dataset.Dataset;
import org.zged.dataset.DatasetGenerator;
import org.zged.dataset.Datasets;
import org.zged.dataset.Preset;
import org.zged.dataset.RandomFamily;
import org.zged.dataset.Split;
import org.zged.model.ModelConfig;

/**
 * Which circuits the neighbour search encodes, chosen from the model's config rather than assumed:
 * a model with the five node slots of the twelve families gets the full preset (2,400 circuits); a
 * model with more slots (an open-space model) gets the open preset's train split — the circuits it
 * learned from, so that neighbours in latent space are ones it encodes well — capped per family so
 * that encoding it stays a matter of seconds, and filtered to what fits its node slots.
 */
final class ReferenceData {
  /** Node slots the twelve families need (GND, VIN, VOUT and two internal nodes). */
  static final int FAMILY_NODES = 5;

  /** Train circuits taken per open-preset family (the random family gets {@link #RANDOM_CAP}). */
  static final int FAMILY_CAP = 150;

  static final int RANDOM_CAP = 1500;

  static final String FULL = "full";
  static final String OPEN_TRAIN = "open-train";

  private ReferenceData() {}

  /** The name of the reference data a model with this config uses. */
  static String choice(ModelConfig c) {
    return c.maxNodes() > FAMILY_NODES ? OPEN_TRAIN : FULL;
  }

  static Dataset forModel(ModelConfig c) {
    return of(choice(c), c.maxNodes());
  }

  static Dataset of(String choice, int maxNodes) {
    return of(choice, maxNodes, FAMILY_CAP, RANDOM_CAP);
  }

  static Dataset of(String choice, int maxNodes, int familyCap, int randomCap) {
    if (choice.equals(FULL)) {
      return Datasets.full();
    }
    if (!choice.equals(OPEN_TRAIN)) {
      throw new IllegalArgumentException("unknown reference data " + choice);
    }
    DatasetGenerator open = DatasetGenerator.builder().optPreset(Preset.OPEN).build();
    List<CircuitRecord> out = new ArrayList<>();
    for (var e : Preset.OPEN.counts().entrySet()) {
      CircuitFamily f = e.getKey();
      int cap = f.id().equals(RandomFamily.ID) ? randomCap : familyCap;
      int taken = 0;
      for (long i = 0; i < e.getValue() && taken < cap; i++) {
        CircuitRecord r = open.record(f, i);
        if (r.split() == Split.TRAIN && CircuitGraph.of(r.circuit()).nodeCount() <= maxNodes) {
          out.add(r);
          taken++;
        }
      }
    }
    return new Dataset(open.header(), out);
  }
}
