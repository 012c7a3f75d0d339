package org.zged.dataset;

import java.util.SplittableRandom;

/**
 * The random stream of each circuit, derived from (dataset seed, family, index) alone: never from a
 * generator shared between circuits, whose state would depend on which thread drew first. This is
 * what makes a dataset byte-identical for any thread count, and lets a family's circuits be the
 * same whichever other families are generated with it.
 */
final class CircuitSeeds {
  private CircuitSeeds() {}

  static SplittableRandom forCircuit(long seed, CircuitFamily family, long index) {
    long familyKey = mix(family.id().hashCode() + 0x9E3779B97F4A7C15L); // String.hashCode is fixed
    return new SplittableRandom(mix(mix(seed ^ familyKey) + index));
  }

  /** The 64-bit finaliser of MurmurHash3: a fixed bijection that scrambles every input bit. */
  static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
    return z ^ (z >>> 33);
  }
}
