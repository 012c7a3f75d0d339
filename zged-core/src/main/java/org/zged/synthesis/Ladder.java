package org.zged.synthesis;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.zged.circuit.Circuit;
import org.zged.circuit.Element;
import org.zged.circuit.ElementKind;

/**
 * A terminated LC ladder: source resistance {@code rs} (0 = ideal source) from {@code vin} to the
 * first node, the arms from source to load, and the load {@code rl} (∞ = open) from {@code vout} to
 * ground. Values in Ω, H and F (or normalised units for a prototype).
 */
public record Ladder(double rs, double rl, List<Arm> arms, LadderForm form) {
  public Ladder {
    arms = List.copyOf(arms);
  }

  /** The number of L and C parts (terminations not counted). */
  public int parts() {
    return arms.stream().mapToInt(a -> a.branch().count()).sum();
  }

  public int inductors() {
    return count(ElementKind.L);
  }

  public int capacitors() {
    return count(ElementKind.C);
  }

  private int count(ElementKind kind) {
    int[] n = {0};
    for (Arm a : arms) {
      visit(a.branch(), p -> n[0] += p.kind() == kind ? 1 : 0);
    }
    return n[0];
  }

  private static void visit(Branch b, java.util.function.Consumer<Branch.Part> f) {
    if (b instanceof Branch.Part p) {
      f.accept(p);
    } else if (b instanceof Branch.Series s) {
      s.parts().forEach(x -> visit(x, f));
    } else if (b instanceof Branch.Parallel p) {
      p.parts().forEach(x -> visit(x, f));
    }
  }

  /** Every L/C value in source-to-load order (for comparisons and tests). */
  public List<Double> values() {
    List<Double> out = new ArrayList<>();
    for (Arm a : arms) {
      visit(a.branch(), p -> out.add(p.value()));
    }
    return out;
  }

  /** The netlist: Rs, the arms with nodes n1, n2, …, the last node named vout, then RL. */
  public Circuit toCircuit(String title) {
    Emitter e = new Emitter();
    String node = Circuit.VIN;
    if (rs > 0) {
      node = e.node();
      e.add("Rs", ElementKind.R, Circuit.VIN, node, rs);
    }
    for (Arm a : arms) {
      if (a.series()) {
        String next = e.node();
        e.branch(a.branch(), node, next);
        node = next;
      } else {
        e.branch(a.branch(), node, Circuit.GND);
      }
    }
    if (Double.isFinite(rl)) {
      e.add("RL", ElementKind.R, node, Circuit.GND, rl);
    }
    String out = node;
    List<Element> renamed = new ArrayList<>();
    for (Element x : e.elements) {
      renamed.add(
          new Element(
              x.name(),
              x.kind(),
              x.nodeA().equals(out) ? Circuit.VOUT : x.nodeA(),
              x.nodeB().equals(out) ? Circuit.VOUT : x.nodeB(),
              x.value()));
    }
    return new Circuit(title, renamed);
  }

  private static final class Emitter {
    final List<Element> elements = new ArrayList<>();
    final Map<ElementKind, Integer> counts = new EnumMap<>(ElementKind.class);
    int nodes;

    String node() {
      return "n" + (++nodes);
    }

    void add(String name, ElementKind kind, String a, String b, double v) {
      elements.add(new Element(name, kind, a, b, v));
    }

    void branch(Branch b, String from, String to) {
      if (b instanceof Branch.Part p) {
        int k = counts.merge(p.kind(), 1, Integer::sum);
        add(p.kind().name() + k, p.kind(), from, to, p.value());
      } else if (b instanceof Branch.Series s) {
        String at = from;
        for (int i = 0; i < s.parts().size(); i++) {
          String next = i == s.parts().size() - 1 ? to : node();
          branch(s.parts().get(i), at, next);
          at = next;
        }
      } else if (b instanceof Branch.Parallel p) {
        p.parts().forEach(x -> branch(x, from, to));
      }
    }
  }
}
