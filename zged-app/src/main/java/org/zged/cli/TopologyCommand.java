package org.zged.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.zged.InputException;
import org.zged.circuit.Circuit;
import org.zged.graph.CanonicalForm;
import org.zged.netlist.Netlist;
import org.zged.netlist.NetlistReader;
import org.zged.netlist.NetlistWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code zged topology}: the canonical form of a netlist, i.e. the circuit after the reduction
 * rules (series and parallel merges, dead elements dropped) with canonically named nodes, and its
 * topology signature (docs/dataset.md, "Canonical form").
 */
@Command(
    name = "topology",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Reduce a SPICE netlist to its canonical form and print its topology signature.",
      "Equal signatures mean the same topology up to renaming the internal nodes."
    })
public final class TopologyCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "FILE.cir",
      description = "The netlist (SPICE subset); '-' reads it from standard input.")
  Path file;

  @Option(
      names = "--json",
      description = "Print {signature, reduced_netlist, nodes, elements} as one JSON object.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    Netlist netlist = readNetlist();
    Circuit circuit = netlist.circuit();
    CanonicalForm form = CanonicalForm.of(circuit);
    String reduced = NetlistWriter.write(form.reduced());
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      ObjectNode o = JSON.createObjectNode();
      o.put("signature", form.signature().key());
      o.put("reduced_netlist", reduced);
      o.put("nodes", form.nodes());
      o.put("elements", form.elements());
      out.println(JSON.writeValueAsString(o));
    } else {
      out.printf(Locale.ROOT, "signature: %s%n", form.signature().key());
      out.printf(
          Locale.ROOT,
          "reduced: %d nodes, %d elements (the netlist has %d nodes, %d elements)%n%n",
          form.nodes(),
          form.elements(),
          circuit.nodes().size(),
          circuit.elements().size());
      out.print(reduced);
    }
    out.flush();
    return 0;
  }

  private Netlist readNetlist() {
    if (!file.toString().equals("-")) {
      return NetlistReader.readNetlist(file, null, null);
    }
    String text;
    try {
      text = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InputException("<stdin>", "cannot read: " + e.getMessage());
    }
    return NetlistReader.parseNetlist(text, "<stdin>", null, null);
  }
}
