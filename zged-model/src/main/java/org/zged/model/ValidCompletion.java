package org.zged.model;

import java.util.ArrayDeque;
import java.util.Deque;
import org.zged.circuit.EdgeClass;
import org.zged.circuit.ElementKind;

/**
 * The structural rules a decoded filter must satisfy, checked on the most optimistic completion of
 * a partly decoded graph: every pair still undecided counts as present (except VIN–GND, which may
 * never hold an element: it would sit straight across the ideal source). The rules are monotone —
 * adding an element never breaks one — so a decoder that only takes decisions after which the
 * optimistic completion still satisfies them ends with a graph that satisfies them.
 *
 * <p>Rules, on the nodes 0 = GND, 1 = VIN, 2 = VOUT, 3.. internal: the graph is connected (no
 * isolated node); a path VIN → VOUT that avoids GND and a path VOUT → GND that avoids VIN (the
 * output is fed from the input and loaded towards ground); VOUT and every internal node touch at
 * least two elements (no dangling node); at least one element is a capacitor or an inductor, and
 * not every element is of one kind (a response that depends on frequency: a network of resistors
 * alone, of capacitors alone or of inductors alone has a constant voltage ratio, since every
 * admittance then carries the same factor 1, s or 1/s and it cancels from H(s)).
 */
final class ValidCompletion {
  static final int GND = 0;
  static final int VIN = 1;
  static final int VOUT = 2;

  /** Pair state: not decided yet (optimistically present), decided empty, decided present. */
  static final byte OPEN = 0;

  static final byte EMPTY = 1;
  static final byte PRESENT = 2;

  private ValidCompletion() {}

  /** The element kinds of an edge class as a bit set (bit = {@link ElementKind#ordinal()}). */
  static int kinds(EdgeClass c) {
    int bits = 0;
    for (ElementKind kind : ElementKind.values()) {
      if (c.has(kind)) {
        bits |= 1 << kind.ordinal();
      }
    }
    return bits;
  }

  /**
   * Whether a network with exactly these element kinds can have a frequency-dependent response: a C
   * or an L, and at least two kinds. Monotone: more kinds never break it.
   */
  static boolean frequencyDependent(int kinds) {
    int reactive = 1 << ElementKind.C.ordinal() | 1 << ElementKind.L.ordinal();
    return (kinds & reactive) != 0 && Integer.bitCount(kinds) >= 2;
  }

  static boolean forbidden(int a, int b) {
    return a == VIN && b == GND || a == GND && b == VIN;
  }

  /**
   * @param state [k·k] pair states of the k decoded nodes (symmetric)
   * @return the structural rules hold when every open, allowed pair is present
   */
  static boolean structurallyFeasible(byte[] state, int k) {
    boolean[][] adj = new boolean[k][k];
    int[] degree = new int[k];
    for (int a = 0; a < k; a++) {
      for (int b = a + 1; b < k; b++) {
        byte s = state[a * k + b];
        if (s == PRESENT || s == OPEN && !forbidden(a, b)) {
          adj[a][b] = true;
          adj[b][a] = true;
          degree[a]++;
          degree[b]++;
        }
      }
    }
    for (int i = VOUT; i < k; i++) {
      if (degree[i] < 2) {
        return false;
      }
    }
    return reach(adj, GND, -1) == (1 << k) - 1
        && (reach(adj, VIN, GND) & (1 << VOUT)) != 0
        && (reach(adj, VOUT, VIN) & (1 << GND)) != 0;
  }

  /** Bit set of the nodes reachable from {@code from} without passing through {@code avoid}. */
  private static int reach(boolean[][] adj, int from, int avoid) {
    int k = adj.length;
    int seen = 1 << from;
    Deque<Integer> todo = new ArrayDeque<>();
    todo.add(from);
    while (!todo.isEmpty()) {
      int x = todo.poll();
      for (int y = 0; y < k; y++) {
        if (adj[x][y] && (seen & (1 << y)) == 0) {
          seen |= 1 << y;
          if (y != avoid) {
            todo.add(y);
          }
        }
      }
    }
    return seen;
  }
}
