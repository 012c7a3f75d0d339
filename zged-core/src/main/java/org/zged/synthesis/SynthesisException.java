package org.zged.synthesis;

/** A ladder that cannot be built as asked; the message says why in one line. */
public class SynthesisException extends RuntimeException {
  public SynthesisException(String message) {
    super(message);
  }
}
