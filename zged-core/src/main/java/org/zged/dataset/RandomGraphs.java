package org.zged.dataset;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.zged.circuit.Circuit;
import org.zged.circuit.Element;
import org.zged.circuit.ElementKind;

/**
 * Random connected two-ports of the open space: GND, VIN, VOUT and {@code k} internal nodes joined
 * by {@code m} elements, kinds uniform over R, L, C and values log-uniform over several decades. A
 * random spanning tree makes every node reachable (so m ≥ k + 2), the remaining elements go on
 * random node pairs; nothing is placed across the source (VIN–GND), where it could not change
 * V(vout). The circuits are raw draws: whether one is electrically valid, and what it reduces to,
 * is decided by {@link RandomFamily} and {@link OpenSpaceCheck}.
 */
public final class RandomGraphs {
  /** The open space: up to 13 internal nodes (16 nodes in all) and 2–20 elements. */
  public static final int MAX_INTERNAL = 13;

  public static final int MIN_ELEMENTS = 2;
  public static final int MAX_ELEMENTS = 20;

  static final ValueRange R = new ValueRange("R", ElementKind.R, 1, 5);
  static final ValueRange L = new ValueRange("L", ElementKind.L, -6, -1);
  static final ValueRange C = new ValueRange("C", ElementKind.C, -12, -5);

  private final int maxInternal;
  private final int minElements;
  private final int maxElements;

  /**
   * @throws IllegalArgumentException when no circuit satisfies the bounds (outside the open space,
   *     or min above max)
   */
  public RandomGraphs(int maxInternal, int minElements, int maxElements) {
    if (maxInternal < 0 || maxInternal > MAX_INTERNAL) {
      throw new IllegalArgumentException(
          "internal nodes must be between 0 and " + MAX_INTERNAL + ", got " + maxInternal);
    }
    if (minElements < MIN_ELEMENTS || maxElements > MAX_ELEMENTS || minElements > maxElements) {
      throw new IllegalArgumentException(
          "element bounds must satisfy "
              + MIN_ELEMENTS
              + " <= min <= max <= "
              + MAX_ELEMENTS
              + ", got "
              + minElements
              + ".."
              + maxElements);
    }
    if (capacity(maxInternal) < minElements) {
      throw new IllegalArgumentException(
          maxInternal
              + " internal node(s) can hold at most "
              + capacity(maxInternal)
              + " elements, fewer than the minimum "
              + minElements);
    }
    this.maxInternal = maxInternal;
    this.minElements = minElements;
    this.maxElements = maxElements;
  }

  public static RandomGraphs openSpace() {
    return new RandomGraphs(MAX_INTERNAL, MIN_ELEMENTS, MAX_ELEMENTS);
  }

  public int maxInternal() {
    return maxInternal;
  }

  public int minElements() {
    return minElements;
  }

  public int maxElements() {
    return maxElements;
  }

  /**
   * One connected draw: the element count m from the bounds with weight m − min + 1 (small graphs
   * have few topologies, so drawing them as often as large ones would pile many circuits onto
   * each), then the internal node count uniform among those that can hold m elements (a tree needs
   * k + 2; each pair but VIN–GND holds at most one R, one L and one C).
   */
  public Circuit draw(SplittableRandom rng) {
    int span = maxElements - minElements + 1;
    long u = rng.nextLong((long) span * (span + 1) / 2);
    int w = 1;
    while ((long) w * (w + 1) / 2 <= u) {
      w++;
    }
    int m = minElements + w - 1;
    int kMin = 0;
    while (capacity(kMin) < m) {
      kMin++;
    }
    int kMax = Math.min(maxInternal, m - 2);
    if (kMin > kMax) { // only with a tight --max-internal: take the fullest graph allowed
      kMin = kMax;
      m = Math.min(m, capacity(kMax));
    }
    int k = kMin + rng.nextInt(kMax - kMin + 1);
    int nodes = k + 3;
    // Spanning tree: VOUT first, then the others in random order, each tied to an earlier node.
    int[] order = new int[nodes];
    order[0] = 2;
    int fill = 1;
    for (int v = 0; v < nodes; v++) {
      if (v != 2) {
        order[fill++] = v;
      }
    }
    for (int i = nodes - 1; i > 1; i--) {
      int j = 1 + rng.nextInt(i);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    int[] kinds = new int[nodes * nodes]; // bit mask of kinds per pair, to avoid parallel repeats
    List<Element> out = new ArrayList<>(m);
    for (int i = 1; i < nodes; i++) {
      int a = order[i];
      int b;
      do {
        b = order[rng.nextInt(i)];
      } while (acrossSource(a, b));
      add(out, kinds, nodes, a, b, rng);
    }
    int guard = 0;
    while (out.size() < m && guard++ < 50 * m) {
      int a = rng.nextInt(nodes);
      int b = rng.nextInt(nodes);
      if (a != b && !acrossSource(a, b)) {
        add(out, kinds, nodes, a, b, rng);
      }
    }
    return new Circuit(out);
  }

  /** Elements that k internal nodes can hold without repeating a kind on a pair. */
  static int capacity(int k) {
    int nodes = k + 3;
    return 3 * (nodes * (nodes - 1) / 2 - 1);
  }

  private static boolean acrossSource(int a, int b) {
    return (a == 0 && b == 1) || (a == 1 && b == 0);
  }

  private static void add(
      List<Element> out, int[] kinds, int nodes, int a, int b, SplittableRandom rng) {
    int pick = rng.nextInt(3);
    int mask = kinds[a * nodes + b];
    if (mask == 7) {
      return;
    }
    while ((mask & (1 << pick)) != 0) {
      pick = (pick + 1) % 3;
    }
    kinds[a * nodes + b] = kinds[b * nodes + a] = mask | (1 << pick);
    ValueRange range = pick == 0 ? R : pick == 1 ? L : C;
    String name = range.kind().name() + (out.size() + 1);
    out.add(new Element(name, range.kind(), node(a), node(b), range.sample(rng)));
  }

  private static String node(int slot) {
    return switch (slot) {
      case 0 -> Circuit.GND;
      case 1 -> Circuit.VIN;
      case 2 -> Circuit.VOUT;
      default -> "n" + (slot - 2);
    };
  }
}
