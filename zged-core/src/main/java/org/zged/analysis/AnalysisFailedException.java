package org.zged.analysis;

import org.zged.circuit.CircuitException;

/**
 * The exact analysis could not produce a result it can vouch for: every path it has disagreed with
 * a direct solve of the nodal equations. The message names the circuit and the disagreement in one
 * line; callers treat it like any other {@link CircuitException} (exit 2 on the command line, HTTP
 * 400 on the web), never as a result.
 */
public final class AnalysisFailedException extends CircuitException {
  public AnalysisFailedException(String message) {
    super(message);
  }
}
