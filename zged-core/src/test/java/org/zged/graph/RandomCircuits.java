package org.zged.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.zged.circuit.Circuit;
import org.zged.circuit.EdgeClass;
import org.zged.circuit.ElementKind;

/** Random small circuits for property tests: terminals plus up to a few internal nodes. */
final class RandomCircuits {
  private RandomCircuits() {}

  static Circuit circuit(Random rnd, int maxInternal, double edgeProbability) {
    int internal = rnd.nextInt(maxInternal + 1);
    List<String> nodes = new ArrayList<>(List.of(Circuit.GND, Circuit.VIN, Circuit.VOUT));
    for (int i = 0; i < internal; i++) {
      nodes.add("x" + i);
    }
    Circuit.Builder b = Circuit.builder();
    int count = 0;
    for (int i = 0; i < nodes.size(); i++) {
      for (int j = i + 1; j < nodes.size(); j++) {
        if (rnd.nextDouble() >= edgeProbability) {
          continue;
        }
        EdgeClass c = EdgeClass.ofIndex(1 + rnd.nextInt(7));
        for (ElementKind k : ElementKind.values()) {
          if (c.has(k)) {
            b.add(
                k.name() + ++count,
                k,
                nodes.get(i),
                nodes.get(j),
                Math.pow(10, rnd.nextDouble() * 6 - 3));
          }
        }
      }
    }
    if (count == 0) {
      b.r("R0", Circuit.VIN, Circuit.VOUT, 1000);
    }
    return b.build();
  }

  /** The same circuit with its internal nodes renamed by a random permutation. */
  static Circuit relabel(Circuit c, Random rnd) {
    List<String> internal = new ArrayList<>(c.internalNodes());
    List<String> shuffled = new ArrayList<>(internal);
    Collections.shuffle(shuffled, rnd);
    List<org.zged.circuit.Element> out = new ArrayList<>();
    for (org.zged.circuit.Element e : c.elements()) {
      out.add(
          new org.zged.circuit.Element(
              e.name(),
              e.kind(),
              rename(e.nodeA(), internal, shuffled),
              rename(e.nodeB(), internal, shuffled),
              e.value()));
    }
    Collections.shuffle(out, rnd);
    return new Circuit(out);
  }

  private static String rename(String node, List<String> from, List<String> to) {
    int i = from.indexOf(node);
    return i < 0 ? node : "y" + to.get(i);
  }
}
