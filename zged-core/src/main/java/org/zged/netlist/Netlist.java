package org.zged.netlist;

import java.util.Map;
import org.zged.circuit.Circuit;

/**
 * A netlist as read from a file: the circuit (canonical node names, title from the title line or
 * {@code .title}), the {@code .ac} sweep if the file has one, which of the user's nodes became VIN
 * and VOUT, and the line of every element so later checks can point at the file.
 *
 * @param source the file name used in error messages
 * @param circuit the circuit, validated
 * @param sweep the file's {@code .ac dec} sweep, or null when it has none
 * @param inNode the user's name (lower case) of the node that became {@link Circuit#VIN}
 * @param outNode the user's name (lower case) of the node that became {@link Circuit#VOUT}
 * @param elementLines element name to its line in the file
 * @param userNodes canonical node name to the user's name (lower case) for every node
 */
public record Netlist(
    String source,
    Circuit circuit,
    AcSweep sweep,
    String inNode,
    String outNode,
    Map<String, Integer> elementLines,
    Map<String, String> userNodes) {

  public Netlist {
    elementLines = Map.copyOf(elementLines);
    userNodes = Map.copyOf(userNodes);
  }

  /** The user's name for a canonical node ({@code vin} → {@code in}); itself when unknown. */
  public String userNode(String canonical) {
    return userNodes.getOrDefault(canonical, canonical);
  }

  /** The file's sweep, or {@code fallback} when the file has no {@code .ac} line. */
  public AcSweep sweepOr(AcSweep fallback) {
    return sweep == null ? fallback : sweep;
  }
}
