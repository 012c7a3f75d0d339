package org.zged.dataset;

/**
 * The stratified split of one family's {@code n} circuits: a seeded random permutation ranks the
 * indices, the first 80 % of ranks are train, the next 10 % val, the rest test. The permutation is
 * a keyed Feistel bijection evaluated per index (cycle walking), so the split of circuit {@code i}
 * needs no table: memory stays flat however many circuits are generated, and any thread can compute
 * it.
 */
final class SplitAssigner {
  private static final int ROUNDS = 4;

  private final long n;
  private final long trainCount;
  private final long valCount;
  private final int halfBits;
  private final long halfMask;
  private final long[] roundKeys = new long[ROUNDS];

  SplitAssigner(long seed, CircuitFamily family, long n) {
    if (n < 0) {
      throw new IllegalArgumentException("negative count");
    }
    this.n = n;
    this.trainCount = Math.round(0.8 * n);
    this.valCount = Math.min(n - trainCount, Math.round(0.1 * n));
    int bits = Math.max(2, 64 - Long.numberOfLeadingZeros(Math.max(1, n - 1)));
    this.halfBits = (bits + 1) / 2;
    this.halfMask = (1L << halfBits) - 1;
    long k =
        CircuitSeeds.mix(seed ^ CircuitSeeds.mix(family.id().hashCode() * 0x9E3779B97F4A7C15L));
    for (int i = 0; i < ROUNDS; i++) {
      k = CircuitSeeds.mix(k + 0x632BE59BD9B4E019L);
      roundKeys[i] = k;
    }
  }

  long trainCount() {
    return trainCount;
  }

  long valCount() {
    return valCount;
  }

  long testCount() {
    return n - trainCount - valCount;
  }

  Split splitOf(long index) {
    long rank = rank(index);
    if (rank < trainCount) {
      return Split.TRAIN;
    }
    return rank < trainCount + valCount ? Split.VAL : Split.TEST;
  }

  /** The position of {@code index} in the seeded permutation of 0..n−1. */
  long rank(long index) {
    if (index < 0 || index >= n) {
      throw new IndexOutOfBoundsException(index);
    }
    long x = index;
    do {
      x = permute(x); // a bijection on [0, 4^halfBits); walk until back inside [0, n)
    } while (x >= n);
    return x;
  }

  private long permute(long x) {
    long left = x >>> halfBits;
    long right = x & halfMask;
    for (long key : roundKeys) {
      long next = left ^ (CircuitSeeds.mix(right ^ key) & halfMask);
      left = right;
      right = next;
    }
    return left << halfBits | right;
  }
}
