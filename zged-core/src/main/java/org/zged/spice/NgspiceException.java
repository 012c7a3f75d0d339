package org.zged.spice;

/** ngspice is missing, failed, timed out, or printed something we cannot read. */
public class NgspiceException extends RuntimeException {
  public NgspiceException(String message) {
    super(message);
  }

  public NgspiceException(String message, Throwable cause) {
    super(message, cause);
  }
}
