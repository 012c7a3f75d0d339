package org.zged.model;

import java.util.List;
import org.zged.circuit.Circuit;
import org.zged.circuit.CircuitGraph;

/**
 * One decoded circuit. {@code graph} is what the decoder produced (nodes in the order GND, VIN,
 * VOUT, internal; never a self-loop). {@code circuit} is that graph with one R, C and L per edge
 * where present, or null when no edge was decoded. {@code problems} lists everything that keeps it
 * from being a valid filter (empty when valid). {@code vinConnected}: VIN was decoded and is joined
 * through elements to GND; {@code voutConnected}: VOUT was decoded and is joined to VIN.
 */
public record DecodeResult(
    CircuitGraph graph,
    Circuit circuit,
    List<String> problems,
    boolean vinConnected,
    boolean voutConnected) {

  public DecodeResult {
    problems = List.copyOf(problems);
  }

  public boolean valid() {
    return circuit != null && problems.isEmpty();
  }
}
