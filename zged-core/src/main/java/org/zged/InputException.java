package org.zged;

/**
 * Bad input from a user: a netlist, spec, config, dataset or checkpoint that cannot be used. The
 * message is one line, {@code WHERE: reason} (WHERE is e.g. {@code FILE:LINE} or {@code --fc}); the
 * command line prints it as {@code error: MESSAGE} and exits with code 2.
 */
public class InputException extends RuntimeException {
  public InputException(String where, String reason) {
    super(where == null || where.isEmpty() ? reason : where + ": " + reason);
  }

  public InputException(String message) {
    super(message);
  }
}
