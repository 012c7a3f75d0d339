package org.zged.model;

import org.zged.circuit.CircuitGraph;
import org.zged.circuit.Edge;
import org.zged.circuit.EdgeClass;
import org.zged.circuit.ElementKind;

/**
 * A structural guarantee that a decoded circuit filters, whatever its element values: H(s) is
 * exactly 0 at s → ∞ or at s → 0. A circuit with such a zero is a low-pass, high-pass or band-pass
 * (its response cannot be flat, and the response class is decided by the two limits), never an
 * all-pass divider or "other" (docs/evaluation.md, "Electrical validity by construction").
 *
 * <p>At s → ∞ every capacitor is a short, every resistor finite and every inductor open; at s → 0
 * the inductors short and the capacitors open. Call the kind that shorts at the limit the
 * <i>short</i> kind (C at ∞, L at 0) and the third kind, which opens, the <i>open</i> kind. On
 * nodes 0 = GND, 1 = VIN, 2 = VOUT the limit of V(VOUT) is 0 when VIN is not shorted to GND (no
 * path of short-kind edges) and either
 *
 * <ul>
 *   <li><b>A</b>: VOUT is shorted to GND (a path of edges that hold the short kind), or
 *   <li><b>B</b>: VOUT is held at GND through resistors: outside the two shorted groups S(GND) and
 *       S(VIN), the component of VOUT under edges holding R or the short kind touches S(GND) and
 *       not S(VIN) (at the limit its nodes are a resistive network whose only fixed potential is
 *       0).
 * </ul>
 *
 * <p>Both conditions are sufficient, not necessary (a network can have a zero at a limit that needs
 * a finer analysis). {@link #feasible} answers for a partly decoded graph whether some completion —
 * every open pair present, with a class chosen for it — satisfies one of the four conditions (A or
 * B at ∞ or at 0): the witnesses below give the open pairs classes that never hold the short kind
 * next to VIN's side, so with every open pair present they are compatible with the structural rules
 * of {@link ValidCompletion}, which ask only for presence.
 */
final class FilterCompletion {
  /** An undecided pair in a class array. */
  static final int OPEN = -1;

  private static final int GND = ValidCompletion.GND;
  private static final int VIN = ValidCompletion.VIN;
  private static final int VOUT = ValidCompletion.VOUT;

  private FilterCompletion() {}

  /**
   * @param cls [k·k] symmetric: an {@link EdgeClass} ordinal per decided pair, {@link #OPEN} per
   *     undecided one (the VIN–GND pair is never present, whatever it holds)
   * @return some completion with every open pair present has H = 0 at s → ∞ or at s → 0
   */
  static boolean feasible(int[] cls, int k) {
    return shortedToGround(cls, k, ElementKind.C)
        || heldAtGround(cls, k, ElementKind.C)
        || shortedToGround(cls, k, ElementKind.L)
        || heldAtGround(cls, k, ElementKind.L);
  }

  /** Whether a complete decoded graph has H = 0 at s → ∞ or at s → 0 by the rules above. */
  static boolean zeroAtALimit(CircuitGraph g) {
    boolean[] zero = zeroLimits(g);
    return zero[0] || zero[1];
  }

  /** Which limits are exactly 0 by the rules above: {@code [at ∞, at 0]}. */
  static boolean[] zeroLimits(CircuitGraph g) {
    int k = g.nodeCount();
    int[] cls = new int[k * k];
    java.util.Arrays.fill(cls, EdgeClass.NONE.ordinal());
    for (Edge e : g.edges()) {
      cls[e.a() * k + e.b()] = e.edgeClass().ordinal();
      cls[e.b() * k + e.a()] = e.edgeClass().ordinal();
    }
    return new boolean[] {
      shortedToGround(cls, k, ElementKind.C) || heldAtGround(cls, k, ElementKind.C),
      shortedToGround(cls, k, ElementKind.L) || heldAtGround(cls, k, ElementKind.L)
    };
  }

  private static boolean open(int[] cls, int k, int a, int b) {
    return cls[a * k + b] == OPEN && !ValidCompletion.forbidden(a, b);
  }

  private static boolean decidedWith(int[] cls, int k, int a, int b, ElementKind kind) {
    int c = cls[a * k + b];
    return c > 0 && !ValidCompletion.forbidden(a, b) && EdgeClass.ofIndex(c).has(kind);
  }

  /** Decided pair holding R or {@code kind}. */
  private static boolean decidedConducting(int[] cls, int k, int a, int b, ElementKind kind) {
    return decidedWith(cls, k, a, b, kind) || decidedWith(cls, k, a, b, ElementKind.R);
  }

  /** Which pairs a search may cross. */
  @FunctionalInterface
  private interface Link {
    boolean joins(int x, int y);
  }

  /**
   * The nodes reached from the nodes of {@code from} through pairs {@code link} accepts, without
   * entering a node of {@code barred}, as a bit set (breadth-first; {@code from} is included).
   */
  private static int closure(int k, int from, int barred, Link link) {
    int seen = from;
    int[] todo = new int[k];
    int head = 0;
    int tail = 0;
    for (int i = 0; i < k; i++) {
      if ((from & 1 << i) != 0) {
        todo[tail++] = i;
      }
    }
    while (head < tail) {
      int x = todo[head++];
      for (int y = 0; y < k; y++) {
        if (((seen | barred) & 1 << y) == 0 && link.joins(x, y)) {
          seen |= 1 << y;
          todo[tail++] = y;
        }
      }
    }
    return seen;
  }

  /** Nodes joined to {@code from} by decided pairs holding {@code kind}, as a bit set. */
  private static int shortClosure(int[] cls, int k, int from, ElementKind kind) {
    return closure(k, 1 << from, 0, (x, y) -> decidedWith(cls, k, x, y, kind));
  }

  /**
   * Condition A with {@code shortKind}: witness — open pairs touching VIN's shorted group get a
   * class without the short kind (R), every other open pair gets the short kind; feasible iff that
   * joins VOUT to GND by short-kind pairs outside VIN's group.
   */
  private static boolean shortedToGround(int[] cls, int k, ElementKind shortKind) {
    int vinSide = shortClosure(cls, k, VIN, shortKind);
    if ((vinSide & (1 << GND | 1 << VOUT)) != 0) {
      return false;
    }
    Link shortOrOpen = (x, y) -> decidedWith(cls, k, x, y, shortKind) || open(cls, k, x, y);
    return (closure(k, 1 << GND, vinSide, shortOrOpen) & 1 << VOUT) != 0;
  }

  /**
   * Condition B with {@code shortKind}: witness — no open pair gets the short kind (so both shorted
   * groups stay as decided); open pairs touching VIN's side (the nodes joined to S(VIN) by decided
   * R or short-kind pairs, not through S(GND)) get the open kind only, every other open pair an R;
   * feasible iff VOUT is not on VIN's side and reaches S(GND) through decided R / short-kind pairs
   * and open pairs outside VIN's side.
   */
  private static boolean heldAtGround(int[] cls, int k, ElementKind shortKind) {
    int gndGroup = shortClosure(cls, k, GND, shortKind);
    int vinGroup = shortClosure(cls, k, VIN, shortKind);
    if ((gndGroup & vinGroup) != 0 || (gndGroup & 1 << VOUT) != 0) {
      return false;
    }
    // VIN's side at the limit: S(VIN) and what decided conducting pairs join to it outside S(GND)
    Link conducting = (x, y) -> decidedConducting(cls, k, x, y, shortKind);
    int vinSide = closure(k, vinGroup, gndGroup, conducting);
    if ((vinSide & 1 << VOUT) != 0) {
      return false;
    }
    // VOUT's part outside both sides, then one more conducting or open pair into S(GND)
    Link conductingOrOpen = (x, y) -> conducting.joins(x, y) || open(cls, k, x, y);
    int voutPart = closure(k, 1 << VOUT, vinSide | gndGroup, conductingOrOpen);
    for (int x = 0; x < k; x++) {
      for (int y = 0; y < k; y++) {
        if ((voutPart & 1 << x) != 0 && (gndGroup & 1 << y) != 0 && conductingOrOpen.joins(x, y)) {
          return true;
        }
      }
    }
    return false;
  }
}
