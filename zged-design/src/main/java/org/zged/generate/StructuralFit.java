package org.zged.generate;

import java.util.HashMap;
import java.util.Map;
import org.zged.analysis.ResponseClass;
import org.zged.circuit.Circuit;
import org.zged.circuit.Element;
import org.zged.circuit.ElementKind;
import org.zged.fit.SpecTarget;

/**
 * What a topology can reach whatever its values, read off its graph without any analysis: the VAE
 * arm's cheap prediction of a fit, used to defer the decodes that cannot meet the target. The
 * response at the two frequency limits is fixed by the graph — at DC every inductor is a short and
 * every capacitor an open, at infinite frequency the other way round — and so is the kind of poles
 * an RC-only or RL-only network has (real, so a pole pair's Q below ½). A topology is predicted not
 * to meet a response target when
 *
 * <ul>
 *   <li>it has no resistor (lossless: its poles lie on the jω axis);
 *   <li>the target asks for a Q and the circuit has fewer than two natural frequencies (reactive
 *       elements less the loops of capacitors and the source and the cutsets of inductors alone:
 *       first order, no pole pair), or a low/high-pass Q above ½ and it lacks either an inductor or
 *       a capacitor;
 *   <li>its response at DC or at infinite frequency is zero where the target's class needs
 *       transmission, or non-zero where it needs none (a low-pass transmits at DC and not at ∞, a
 *       high-pass the reverse, a band-pass at neither, a band-stop at both);
 *   <li>the target asks for a passband gain below 1 − 2 % and the passband limit joins VOUT to VIN
 *       (the gain there is exactly 1).
 * </ul>
 *
 * A limit where VOUT's part of the network reaches neither VIN nor ground through resistors (a
 * capacitive or inductive divider) is left undecided, never counted against the topology. The
 * prediction only orders proposals; nothing it defers is lost (the VAE arm screens deferred
 * topologies last).
 */
final class StructuralFit {
  /** |H| at a frequency limit, as far as the graph tells. */
  enum Limit {
    ZERO,
    UNITY,
    NONZERO,
    UNKNOWN
  }

  /** Gains below this are out of reach of a passband that joins VOUT to VIN. */
  static final double UNITY_GAIN_BELOW = 1 - 2 * SpecGenerator.ACCEPTANCE;

  private StructuralFit() {}

  /** False when the graph alone shows that no values make {@code c} meet {@code t}. */
  static boolean canMeet(Circuit c, SpecTarget t) {
    if (t.isPoleZero()) {
      return true;
    }
    int inductors = 0;
    int capacitors = 0;
    for (Element e : c.elements()) {
      inductors += e.kind() == ElementKind.L ? 1 : 0;
      capacitors += e.kind() == ElementKind.C ? 1 : 0;
    }
    ResponseClass cls = t.type();
    if (inductors + capacitors == c.elements().size()) {
      return false; // no resistor: lossless, poles on the jω axis
    }
    if (t.q() != null) {
      if (order(c) < 2) {
        return false;
      }
      boolean lowOrHigh = cls == ResponseClass.LOWPASS || cls == ResponseClass.HIGHPASS;
      if (lowOrHigh && t.q() > 0.5 && (inductors == 0 || capacitors == 0)) {
        return false;
      }
    }
    if (cls == null) {
      return true;
    }
    Limit dc = limit(c, false);
    Limit hf = limit(c, true);
    Boolean needDc;
    Boolean needHf;
    switch (cls) {
      case LOWPASS -> {
        needDc = true;
        needHf = false;
      }
      case HIGHPASS -> {
        needDc = false;
        needHf = true;
      }
      case BANDPASS -> {
        needDc = false;
        needHf = false;
      }
      case BANDSTOP -> {
        needDc = true;
        needHf = true;
      }
      default -> {
        return true;
      }
    }
    if (!agrees(dc, needDc) || !agrees(hf, needHf)) {
      return false;
    }
    if (t.gain() != null && t.gain() < UNITY_GAIN_BELOW) {
      Limit pass =
          cls == ResponseClass.LOWPASS ? dc : cls == ResponseClass.HIGHPASS ? hf : Limit.UNKNOWN;
      if (pass == Limit.UNITY) {
        return false;
      }
    }
    return true;
  }

  /**
   * The number of natural frequencies: reactive elements less the independent loops of capacitors
   * and the source (VIN–ground) and the independent cutsets of inductors alone.
   */
  static int order(Circuit c) {
    int reactive = 0;
    Map<String, String> cv = new HashMap<>();
    java.util.Set<String> cvNodes =
        new java.util.HashSet<>(java.util.List.of(Circuit.VIN, Circuit.GND));
    int cvEdges = 1;
    union(cv, Circuit.VIN, Circuit.GND);
    Map<String, String> rest = new HashMap<>();
    union(rest, Circuit.VIN, Circuit.GND);
    for (Element e : c.elements()) {
      if (e.kind() == ElementKind.C) {
        reactive++;
        cvEdges++;
        cvNodes.add(e.nodeA());
        cvNodes.add(e.nodeB());
      }
      if (e.kind() == ElementKind.L) {
        reactive++;
      } else {
        union(rest, e.nodeA(), e.nodeB()); // contract every edge but the inductors
      }
    }
    for (Element e : c.elements()) {
      if (e.kind() == ElementKind.C) {
        union(cv, e.nodeA(), e.nodeB());
      }
    }
    int loops = cvEdges - (cvNodes.size() - components(cv, cvNodes));
    java.util.Set<String> lNodes = new java.util.HashSet<>();
    Map<String, String> l = new HashMap<>();
    for (Element e : c.elements()) {
      if (e.kind() == ElementKind.L) {
        String a = find(rest, e.nodeA());
        String b = find(rest, e.nodeB());
        if (!a.equals(b)) {
          lNodes.add(a);
          lNodes.add(b);
          union(l, a, b);
        }
      }
    }
    int cutsets = lNodes.size() - components(l, lNodes);
    return reactive - loops - cutsets;
  }

  private static int components(Map<String, String> parent, java.util.Set<String> nodes) {
    java.util.Set<String> roots = new java.util.HashSet<>();
    for (String n : nodes) {
      roots.add(find(parent, n));
    }
    return roots.size();
  }

  private static boolean agrees(Limit l, boolean transmits) {
    return switch (l) {
      case UNKNOWN -> true;
      case ZERO -> !transmits;
      case UNITY, NONZERO -> transmits;
    };
  }

  /**
   * |H| at DC ({@code high} false: inductors short, capacitors open) or at infinite frequency
   * (capacitors short, inductors open). VIN and ground are fixed potentials, so a resistive path
   * counts only up to the first of them: zero when VOUT is shorted to ground or tied through
   * resistors to ground but not to VIN; unity when VOUT is shorted to VIN, or tied through
   * resistors to VIN and not to ground (no current flows); non-zero for a resistive divider between
   * the two (strictly between 0 and 1); unknown when VOUT's resistive part reaches neither (a
   * capacitive or inductive divider), or VIN itself is shorted to ground.
   */
  static Limit limit(Circuit c, boolean high) {
    Map<String, String> parent = new HashMap<>();
    ElementKind shorted = high ? ElementKind.C : ElementKind.L;
    for (Element e : c.elements()) {
      if (e.kind() == shorted) {
        union(parent, e.nodeA(), e.nodeB());
      }
    }
    String gnd = find(parent, Circuit.GND);
    String vin = find(parent, Circuit.VIN);
    String vout = find(parent, Circuit.VOUT);
    if (vin.equals(gnd)) {
      return Limit.UNKNOWN;
    }
    if (vout.equals(gnd)) {
      return Limit.ZERO;
    }
    if (vout.equals(vin)) {
      return Limit.UNITY;
    }
    // VIN and ground are fixed potentials: a path through either carries nothing further. The
    // free groups joined by resistors form parts; which fixed node does VOUT's part touch?
    Map<String, String> joined = new HashMap<>();
    for (Element e : c.elements()) {
      String a = find(parent, e.nodeA());
      String b = find(parent, e.nodeB());
      if (e.kind() == ElementKind.R && !fixed(a, vin, gnd) && !fixed(b, vin, gnd)) {
        union(joined, a, b);
      }
    }
    String part = find(joined, vout);
    boolean toVin = false;
    boolean toGnd = false;
    for (Element e : c.elements()) {
      if (e.kind() != ElementKind.R) {
        continue;
      }
      String a = find(parent, e.nodeA());
      String b = find(parent, e.nodeB());
      for (int side = 0; side < 2; side++) {
        String free = side == 0 ? a : b;
        String other = side == 0 ? b : a;
        if (!fixed(free, vin, gnd) && find(joined, free).equals(part)) {
          toVin |= other.equals(vin);
          toGnd |= other.equals(gnd);
        }
      }
    }
    if (toVin && toGnd) {
      return Limit.NONZERO;
    }
    if (toVin) {
      return Limit.UNITY;
    }
    return toGnd ? Limit.ZERO : Limit.UNKNOWN;
  }

  private static boolean fixed(String group, String vin, String gnd) {
    return group.equals(vin) || group.equals(gnd);
  }

  private static String find(Map<String, String> parent, String x) {
    String p = parent.getOrDefault(x, x);
    if (p.equals(x)) {
      return x;
    }
    String root = find(parent, p);
    parent.put(x, root);
    return root;
  }

  private static void union(Map<String, String> parent, String a, String b) {
    String ra = find(parent, a);
    String rb = find(parent, b);
    if (!ra.equals(rb)) {
      parent.put(ra, rb);
    }
  }
}
