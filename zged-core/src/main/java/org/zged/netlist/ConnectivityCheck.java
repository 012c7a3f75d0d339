package org.zged.netlist;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.zged.circuit.Circuit;

/**
 * The structural checks of a netlist, located at the line of the element to blame: floating nodes,
 * parts connected to nothing, and an output that cannot be reached from the input. Each of these
 * makes the nodal equations singular or the transfer function meaningless.
 */
final class ConnectivityCheck {
  private final ParsedNetlist p;
  private final String in;
  private final String out;
  private final Map<String, List<ParsedNetlist.RawElement>> byNode = new HashMap<>();

  ConnectivityCheck(ParsedNetlist parsed, String in, String out) {
    this.p = parsed;
    this.in = in;
    this.out = out;
    for (ParsedNetlist.RawElement r : parsed.elements) {
      byNode.computeIfAbsent(r.a(), k -> new ArrayList<>()).add(r);
      byNode.computeIfAbsent(r.b(), k -> new ArrayList<>()).add(r);
    }
  }

  void run() {
    floatingNodes();
    detachedParts();
    if (!reachable(Set.of(in)).contains(out)) {
      throw p.error(
          p.lastLine,
          "the output '" + out + "' cannot be reached from the input '" + in + "' through R, C, L");
    }
  }

  /** An internal node with a single element carries no current: almost always a typo. */
  private void floatingNodes() {
    for (ParsedNetlist.RawElement r : p.elements) {
      for (String n : List.of(r.a(), r.b())) {
        boolean internal = !n.equals(Circuit.GND) && !n.equals(in) && !n.equals(out);
        if (internal && byNode.get(n).size() < 2) {
          throw p.error(
              r.line(), "node '" + n + "' is floating: only " + r.name() + " connects to it");
        }
      }
    }
  }

  /** Elements that touch neither the input's nor ground's part leave their voltages undefined. */
  private void detachedParts() {
    Set<String> anchored = reachable(Set.of(in, Circuit.GND));
    for (ParsedNetlist.RawElement r : p.elements) {
      if (!anchored.contains(r.a())) {
        throw p.error(
            r.line(),
            r.name()
                + " (nodes "
                + r.a()
                + ", "
                + r.b()
                + ") is connected to neither the input nor ground");
      }
    }
  }

  private Set<String> reachable(Set<String> from) {
    Set<String> seen = new HashSet<>(from);
    Deque<String> todo = new ArrayDeque<>(from);
    while (!todo.isEmpty()) {
      String n = todo.poll();
      for (ParsedNetlist.RawElement r : byNode.getOrDefault(n, List.of())) {
        String m = r.a().equals(n) ? r.b() : r.a();
        if (seen.add(m)) {
          todo.add(m);
        }
      }
    }
    return seen;
  }
}
