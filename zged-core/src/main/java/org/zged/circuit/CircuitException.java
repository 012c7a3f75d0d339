package org.zged.circuit;

/** A circuit that is not a well-formed filter; the message says what is wrong, in one line. */
public class CircuitException extends RuntimeException {
  public CircuitException(String message) {
    super(message);
  }
}
