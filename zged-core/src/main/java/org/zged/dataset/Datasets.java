package org.zged.dataset;

/** The standard datasets, regenerated deterministically in memory (seed 42, all cores). */
public final class Datasets {
  private Datasets() {}

  /** All twelve families × 200 = 2,400 circuits. */
  public static Dataset full() {
    return of(Preset.FULL);
  }

  /** The seed's six families × 20 = 120 circuits. */
  public static Dataset seed() {
    return of(Preset.SEED);
  }

  public static Dataset of(Preset preset) {
    return DatasetGenerator.builder().optPreset(preset).build().generate();
  }
}
