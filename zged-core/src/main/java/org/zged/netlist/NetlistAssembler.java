package org.zged.netlist;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.zged.InputException;
import org.zged.circuit.Circuit;
import org.zged.circuit.Element;

/** Builds the circuit from raw elements: which node is VIN/VOUT, canonical names, checks. */
final class NetlistAssembler {
  private final ParsedNetlist p;
  private final String inOption;
  private final String outOption;

  NetlistAssembler(ParsedNetlist parsed, String inNode, String outNode) {
    this.p = parsed;
    this.inOption = inNode == null ? null : NetlistReader.node(inNode.strip());
    this.outOption = outNode == null ? null : NetlistReader.node(outNode.strip());
  }

  Netlist assemble() {
    if (p.elements.isEmpty()) {
      throw p.error(p.lastLine, "the netlist has no R, C or L elements");
    }
    List<String> nodes = userNodes();
    ParsedNetlist.Source acSource = acSource();
    String in = inputNode(nodes, acSource);
    String out = outputNode(nodes);
    if (in.equals(out)) {
      throw p.error(
          p.lastLine, "input and output are the same node '" + in + "'; choose another --out");
    }
    Map<String, String> canonical = canonicalNames(nodes, in, out);
    List<Element> elements = new ArrayList<>();
    Map<String, Integer> lines = new LinkedHashMap<>();
    for (ParsedNetlist.RawElement r : p.elements) {
      elements.add(
          new Element(r.name(), r.kind(), canonical.get(r.a()), canonical.get(r.b()), r.value()));
      lines.put(r.name(), r.line());
    }
    Circuit circuit = new Circuit(p.title, elements);
    new ConnectivityCheck(p, in, out).run();
    // Safety net: anything the located checks above missed still stops here.
    List<String> problems = circuit.problems();
    if (!problems.isEmpty()) {
      throw p.error(p.lastLine, problems.get(0));
    }
    Map<String, String> userNodes = new HashMap<>();
    canonical.forEach((user, canon) -> userNodes.put(canon, user));
    return new Netlist(p.source, circuit, p.sweep, in, out, lines, userNodes);
  }

  /** Nodes of the R, C, L elements in order of appearance. */
  private List<String> userNodes() {
    List<String> nodes = new ArrayList<>();
    for (ParsedNetlist.RawElement r : p.elements) {
      for (String n : List.of(r.a(), r.b())) {
        if (!nodes.contains(n)) {
          nodes.add(n);
        }
      }
    }
    return nodes;
  }

  private ParsedNetlist.Source acSource() {
    ParsedNetlist.Source found = null;
    for (ParsedNetlist.Source s : p.sources) {
      if (!s.ac()) {
        throw p.error(
            s.line(),
            "voltage source "
                + s.name()
                + " has no AC part; zged analyses exactly one AC source (e.g. 'V1 in 0 AC 1')");
      }
      if (found != null) {
        throw p.error(
            s.line(),
            "second AC source "
                + s.name()
                + " (the first is "
                + found.name()
                + " on line "
                + found.line()
                + "); zged analyses exactly one");
      }
      if (!s.a().equals(Circuit.GND) && !s.b().equals(Circuit.GND)) {
        throw p.error(
            s.line(), "source " + s.name() + " must have one terminal at ground (0 or gnd)");
      }
      found = s;
    }
    return found;
  }

  private String inputNode(List<String> nodes, ParsedNetlist.Source acSource) {
    if (inOption != null) {
      return existing(inOption, nodes, "--in");
    }
    if (acSource != null) {
      String n = acSource.a().equals(Circuit.GND) ? acSource.b() : acSource.a();
      if (!nodes.contains(n)) {
        throw p.error(
            acSource.line(),
            "the source's node '" + n + "' touches no R, C or L element" + nodeList(nodes));
      }
      return n;
    }
    if (nodes.contains(Circuit.VIN)) {
      return Circuit.VIN;
    }
    throw p.error(
        p.lastLine,
        "no AC voltage source (e.g. 'V1 in 0 AC 1') and no node named 'vin': "
            + "tell zged the input node with --in NODE"
            + nodeList(nodes));
  }

  private String outputNode(List<String> nodes) {
    if (outOption != null) {
      return existing(outOption, nodes, "--out");
    }
    if (nodes.contains(Circuit.VOUT)) {
      return Circuit.VOUT;
    }
    throw p.error(
        p.lastLine,
        "no node named 'vout': tell zged which node is the output with --out NODE"
            + nodeList(nodes));
  }

  private String existing(String n, List<String> nodes, String option) {
    if (n.equals(Circuit.GND)) {
      throw new InputException(option, "ground (0) cannot be the " + option.substring(2) + "put");
    }
    if (!nodes.contains(n)) {
      throw new InputException(
          option, "no node named '" + n + "' in " + p.source + nodeList(nodes));
    }
    return n;
  }

  private static String nodeList(List<String> nodes) {
    List<String> shown = nodes.stream().filter(n -> !n.equals(Circuit.GND)).toList();
    return shown.isEmpty() ? "" : " (nodes: " + String.join(", ", shown) + ")";
  }

  /**
   * User name to canonical name. A user's node that happens to be called "vin" or "vout" but is not
   * the input/output is renamed so it cannot merge with the real VIN/VOUT.
   */
  private static Map<String, String> canonicalNames(List<String> nodes, String in, String out) {
    Map<String, String> map = new HashMap<>();
    for (String n : nodes) {
      if (n.equals(in)) {
        map.put(n, Circuit.VIN);
      } else if (n.equals(out)) {
        map.put(n, Circuit.VOUT);
      } else if (n.equals(Circuit.VIN) || n.equals(Circuit.VOUT)) {
        String renamed = "x_" + n;
        while (nodes.contains(renamed)) {
          renamed = "x_" + renamed;
        }
        map.put(n, renamed);
      } else {
        map.put(n, n);
      }
    }
    return map;
  }
}
