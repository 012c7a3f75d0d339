package org.zged.dataset;

import java.nio.charset.StandardCharsets;

/**
 * The splits of the open preset. A seeded hash of the canonical topology signature holds out {@link
 * #UNSEEN_FRACTION} of all topologies: every circuit of those is {@link Split#TEST_UNSEEN}, so none
 * of them appears in train or val. The circuits of the other topologies go to train, val and test
 * with probabilities 80 / 10 / 10 by a seeded hash of (family, index). Both are pure functions of
 * the circuit, so the split needs no table and any thread can compute it; disjointness by signature
 * holds by construction.
 */
final class TopologySplit {
  static final double UNSEEN_FRACTION = 0.15;
  private static final double TRAIN = 0.8;
  private static final double VAL = 0.1;

  private final long topologyKey;
  private final long circuitKey;

  TopologySplit(long seed) {
    this.topologyKey = CircuitSeeds.mix(seed ^ 0x3C6EF372FE94F82BL);
    this.circuitKey = CircuitSeeds.mix(seed ^ 0xA54FF53A5F1D36F1L);
  }

  /** Whether the topology with this signature is held out of train and val. */
  boolean unseen(String signature) {
    return unit(CircuitSeeds.mix(topologyKey ^ fnv(signature))) < UNSEEN_FRACTION;
  }

  Split splitOf(String signature, CircuitFamily family, long index) {
    if (unseen(signature)) {
      return Split.TEST_UNSEEN;
    }
    long familyKey = CircuitSeeds.mix(circuitKey ^ fnv(family.id()));
    double u = unit(CircuitSeeds.mix(familyKey + index));
    return u < TRAIN ? Split.TRAIN : u < TRAIN + VAL ? Split.VAL : Split.TEST;
  }

  /** 64-bit FNV-1a of the UTF-8 bytes: fixed by definition, unlike a library's hash. */
  static long fnv(String s) {
    long h = 0xcbf29ce484222325L;
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    return h;
  }

  private static double unit(long h) {
    return (h >>> 11) * 0x1.0p-53;
  }
}
