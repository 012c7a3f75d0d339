package org.zged.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A canonical labelling of a small edge-coloured graph whose first three vertices (GND, VIN, VOUT)
 * are fixed: the order of the other vertices that gives the lexicographically smallest adjacency
 * code, found by individualisation–refinement, the method of nauty (McKay &amp; Piperno, "Practical
 * graph isomorphism II", 2014), here without its more elaborate pruning.
 *
 * <p>Refinement splits the cells of an ordered partition by a hash of each vertex's multiset of
 * (edge colour, neighbour's cell) until nothing splits. The hash and the cell order derive only
 * from isomorphism-invariant data, so a collision can only leave a cell coarser, never break
 * canonicity; the final comparison is on the exact adjacency code. When refinement stalls, every
 * vertex of the first non-singleton cell is tried in turn (individualised, then refined again),
 * except vertices that an automorphism already known to fix the path maps onto a tried one: twins
 * (same neighbours with the same colours) and the automorphisms revealed by leaves with equal
 * codes. Hand-written rather than JGraphT's VF2, because VF2 decides isomorphism of a pair while
 * datasets need a hashable form of each graph, in microseconds.
 */
final class CanonicalLabelling {
  private final int n;
  private final byte[] colour;
  private final int[] prefix;
  private int depth;
  private byte[] bestCode;
  private int[] bestLab;
  private final byte[] scratch;
  private final List<int[]> automorphisms = new ArrayList<>();

  private CanonicalLabelling(int n, byte[] colour) {
    this.n = n;
    this.colour = colour;
    this.prefix = new int[n];
    this.scratch = new byte[n * (n - 1) / 2];
  }

  /**
   * The canonical order: {@code result[p]} is the vertex at canonical position p, with 0, 1, 2 kept
   * in place. {@code colour[i * n + j]} is the (symmetric) colour of the pair, 0 for no edge.
   */
  static int[] of(int n, byte[] colour) {
    CanonicalLabelling c = new CanonicalLabelling(n, colour);
    int[] lab = new int[n];
    boolean[] begins = new boolean[n + 1];
    for (int i = 0; i < n; i++) {
      lab[i] = i;
    }
    for (int i = 0; i <= Math.min(SlotGraph.TERMINALS, n); i++) {
      begins[i] = true;
    }
    begins[n] = true;
    c.search(lab, begins);
    return c.bestLab;
  }

  private void search(int[] lab, boolean[] begins) {
    refine(lab, begins);
    int start = -1;
    int end = -1;
    for (int p = 0; p < n; p++) {
      if (!begins[p + 1]) {
        start = p;
        end = p + 1;
        while (!begins[end]) {
          end++;
        }
        break;
      }
    }
    if (start < 0) {
      leaf(lab);
      return;
    }
    int[] cell = Arrays.copyOfRange(lab, start, end);
    int[] tried = new int[cell.length];
    int triedCount = 0;
    for (int v : cell) {
      if (equivalentToTried(v, tried, triedCount)) {
        continue;
      }
      int[] childLab = lab.clone();
      boolean[] childBegins = begins.clone();
      int at = indexOf(childLab, v, start, end);
      childLab[at] = childLab[start];
      childLab[start] = v;
      childBegins[start + 1] = true;
      prefix[depth++] = v;
      search(childLab, childBegins);
      depth--;
      tried[triedCount++] = v;
    }
  }

  /** Whether a known automorphism fixing the current path maps {@code v} onto a tried vertex. */
  private boolean equivalentToTried(int v, int[] tried, int count) {
    for (int i = 0; i < count; i++) {
      if (twins(v, tried[i])) {
        return true;
      }
    }
    if (count == 0 || automorphisms.isEmpty()) {
      return false;
    }
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    for (int[] gamma : automorphisms) {
      if (fixesPrefix(gamma)) {
        for (int i = 0; i < n; i++) {
          union(parent, i, gamma[i]);
        }
      }
    }
    int root = find(parent, v);
    for (int i = 0; i < count; i++) {
      if (find(parent, tried[i]) == root) {
        return true;
      }
    }
    return false;
  }

  private boolean fixesPrefix(int[] gamma) {
    for (int i = 0; i < depth; i++) {
      if (gamma[prefix[i]] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  private static void union(int[] parent, int a, int b) {
    parent[find(parent, a)] = find(parent, b);
  }

  /** Swapping u and v maps the graph onto itself: same colour to every third vertex. */
  private boolean twins(int u, int v) {
    for (int w = 0; w < n; w++) {
      if (w != u && w != v && colour[u * n + w] != colour[v * n + w]) {
        return false;
      }
    }
    return true;
  }

  private void leaf(int[] lab) {
    int k = 0;
    for (int i = 0; i < n; i++) {
      int row = lab[i] * n;
      for (int j = i + 1; j < n; j++) {
        scratch[k++] = colour[row + lab[j]];
      }
    }
    int cmp = bestCode == null ? -1 : Arrays.compare(scratch, bestCode);
    if (cmp < 0) {
      bestCode = scratch.clone();
      bestLab = lab.clone();
    } else if (cmp == 0) {
      int[] gamma = new int[n]; // bestLab[p] -> lab[p] preserves every colour
      for (int p = 0; p < n; p++) {
        gamma[bestLab[p]] = lab[p];
      }
      automorphisms.add(gamma);
    }
  }

  /** Splits cells until every vertex of a cell sees the same multiset of (colour, cell). */
  private void refine(int[] lab, boolean[] begins) {
    int[] cellOf = new int[n];
    long[] hash = new long[n];
    boolean changed = true;
    while (changed) {
      changed = false;
      int cellStart = 0;
      for (int p = 0; p < n; p++) {
        if (begins[p]) {
          cellStart = p;
        }
        cellOf[lab[p]] = cellStart;
      }
      for (int v = 0; v < n; v++) {
        long h = 0;
        int row = v * n;
        for (int w = 0; w < n; w++) {
          byte col = colour[row + w];
          if (col != 0) {
            h += mix(((long) cellOf[w] << 8 | col) + 0x9E3779B97F4A7C15L);
          }
        }
        hash[v] = h;
      }
      int s = 0;
      while (s < n) {
        int e = s + 1;
        while (!begins[e]) {
          e++;
        }
        if (e - s > 1) {
          sortByHash(lab, s, e, hash);
          for (int p = s + 1; p < e; p++) {
            if (hash[lab[p]] != hash[lab[p - 1]]) {
              begins[p] = true;
              changed = true;
            }
          }
        }
        s = e;
      }
    }
  }

  private static void sortByHash(int[] lab, int from, int to, long[] hash) {
    for (int i = from + 1; i < to; i++) {
      int v = lab[i];
      int j = i - 1;
      while (j >= from && hash[lab[j]] > hash[v]) {
        lab[j + 1] = lab[j];
        j--;
      }
      lab[j + 1] = v;
    }
  }

  private static int indexOf(int[] a, int v, int from, int to) {
    for (int i = from; i < to; i++) {
      if (a[i] == v) {
        return i;
      }
    }
    throw new IllegalStateException("vertex " + v + " not in its cell");
  }

  /** The 64-bit finaliser of MurmurHash3. */
  private static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
    return z ^ (z >>> 33);
  }
}
