package org.zged.generate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.zged.circuit.Circuit;
import org.zged.circuit.Element;
import org.zged.circuit.ElementKind;
import org.zged.fit.SpecTarget;

/**
 * Random circuit graphs and graph edits for the blind and evolutionary arms: a random topology of
 * up to {@code maxParts} elements on VIN, VOUT, GND and a few internal nodes; mutations (change a
 * kind, add a shunt/series/parallel element, delete an element, split an element through a new
 * node); crossover (a random part of each parent, internal nodes kept apart). Starting values sit
 * at a 1 kΩ impedance level at the target frequency, spread ×/÷ 3, since the fitter scales them
 * anyway. Results that are not valid circuits are dropped (the caller draws again); every returned
 * proposal is tidied and respects the kind limits of the constraints.
 */
final class TopologyMoves {
  static final int DEFAULT_MAX_PARTS = 7;
  private static final int MAX_INTERNAL = 4;

  private final SplittableRandom rng;
  private final double omega;
  private final List<ElementKind> kinds;
  private final int maxParts;
  private final Integer maxInductors;

  TopologyMoves(SpecTarget target, Constraints constraints, long seed) {
    this.rng = new SplittableRandom(seed);
    this.omega = 2 * Math.PI * ResponseAssembler.centreFrequency(null, target);
    this.kinds =
        constraints.allowsInductors()
            ? List.of(ElementKind.R, ElementKind.C, ElementKind.L)
            : List.of(ElementKind.R, ElementKind.C);
    this.maxParts = constraints.maxParts() == null ? DEFAULT_MAX_PARTS : constraints.maxParts();
    this.maxInductors = constraints.maxInductors();
  }

  /** A random valid topology with 2..maxParts elements, or null after a few failed draws. */
  Proposal random(String source) {
    for (int attempt = 0; attempt < 50; attempt++) {
      int parts = 2 + rng.nextInt(Math.max(1, maxParts - 1));
      int internal = rng.nextInt(Math.min(MAX_INTERNAL, parts - 1) + 1);
      List<String> nodes = new ArrayList<>(List.of(Circuit.GND, Circuit.VIN, Circuit.VOUT));
      for (int i = 1; i <= internal; i++) {
        nodes.add("n" + i);
      }
      List<Element> els = new ArrayList<>();
      for (int i = 0; i < parts; i++) {
        String a = nodes.get(rng.nextInt(nodes.size()));
        String b = nodes.get(rng.nextInt(nodes.size()));
        if (a.equals(b) || pair(a, b, Circuit.VIN, Circuit.GND)) {
          i--;
          continue;
        }
        els.add(element("E" + i, kind(), a, b));
      }
      Proposal p = proposal(els, source);
      if (p != null) {
        return p;
      }
    }
    return null;
  }

  /** One random edit of {@code parent}; null when the edit gives no valid circuit. */
  Proposal mutate(Circuit parent, String source) {
    List<Element> els = new ArrayList<>(parent.elements());
    List<String> nodes = new ArrayList<>(parent.nodes());
    if (!nodes.contains(Circuit.GND)) {
      nodes.add(Circuit.GND);
    }
    int move = rng.nextInt(5);
    int i = rng.nextInt(els.size());
    Element e = els.get(i);
    switch (move) {
      case 0 -> els.set(i, element(e.name(), otherKind(e.kind()), e.nodeA(), e.nodeB()));
      case 1 -> {
        if (els.size() <= 2) {
          return null;
        }
        els.remove(i);
      }
      case 2 -> { // split e through a new node: a - e - new - f - b
        String fresh = freshNode(nodes);
        els.set(i, element(e.name(), e.kind(), e.nodeA(), fresh));
        els.add(element("S" + els.size(), kind(), fresh, e.nodeB()));
      }
      case 3 -> els.add(element("P" + els.size(), kind(), e.nodeA(), e.nodeB())); // parallel
      default -> { // a new element between two existing nodes (often a shunt to ground)
        String a = nodes.get(rng.nextInt(nodes.size()));
        String b = rng.nextBoolean() ? Circuit.GND : nodes.get(rng.nextInt(nodes.size()));
        if (a.equals(b) || pair(a, b, Circuit.VIN, Circuit.GND)) {
          return null;
        }
        els.add(element("A" + els.size(), kind(), a, b));
      }
    }
    return proposal(els, source);
  }

  /** Elements of A touching a random half of its nodes, joined with the rest taken from B. */
  Proposal crossover(Circuit a, Circuit b, String source) {
    List<Element> els = new ArrayList<>();
    for (Element e : a.elements()) {
      if (rng.nextBoolean()) {
        els.add(e);
      }
    }
    for (Element e : b.elements()) {
      if (rng.nextBoolean()) {
        els.add(
            new Element(
                "X" + e.name(), e.kind(), renamed(e.nodeA()), renamed(e.nodeB()), e.value()));
      }
    }
    if (els.size() < 2) {
      return null;
    }
    return proposal(els, source);
  }

  /** B's internal nodes get their own names, so that the parents' graphs meet only at terminals. */
  private static String renamed(String node) {
    return node.equals(Circuit.GND) || node.equals(Circuit.VIN) || node.equals(Circuit.VOUT)
        ? node
        : "x" + node;
  }

  private Proposal proposal(List<Element> els, String source) {
    if (els.size() > maxParts) {
      return null;
    }
    List<Element> named = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (Element e : els) {
      String n = e.kind().name() + "t" + named.size();
      names.add(n);
      named.add(new Element(n, e.kind(), e.nodeA(), e.nodeB(), e.value()));
    }
    Circuit c = new Circuit(named);
    if (!c.isValid()) {
      return null;
    }
    Proposal p = Proposal.of(c, source);
    if (p == null
        || (maxInductors != null && Constraints.inductors(p.circuit()) > maxInductors)
        || !grounded(p.circuit())) {
      return null;
    }
    return p;
  }

  /** Without a path from VOUT to ground, V(vout) = V(vin): no filter. */
  private static boolean grounded(Circuit c) {
    for (Element e : c.elements()) {
      if (e.touches(Circuit.GND)) {
        return true;
      }
    }
    return false;
  }

  private static boolean pair(String a, String b, String x, String y) {
    return (a.equals(x) && b.equals(y)) || (a.equals(y) && b.equals(x));
  }

  private static String freshNode(List<String> nodes) {
    for (int i = 1; ; i++) {
      if (!nodes.contains("n" + i) && !nodes.contains("m" + i)) {
        return "m" + i;
      }
    }
  }

  private ElementKind kind() {
    return kinds.get(rng.nextInt(kinds.size()));
  }

  private ElementKind otherKind(ElementKind k) {
    ElementKind o;
    do {
      o = kind();
    } while (o == k && kinds.size() > 1);
    return o;
  }

  private Element element(String name, ElementKind kind, String a, String b) {
    double spread = Math.exp(rng.nextDouble(-1.1, 1.1));
    double z0 = 1000;
    double v =
        switch (kind) {
          case R -> z0 * spread;
          case C -> spread / (omega * z0);
          case L -> z0 * spread / omega;
        };
    return new Element(name, kind, a, b, v);
  }
}
