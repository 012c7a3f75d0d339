package org.zged.circuit;

/** The three passive two-terminal element kinds zged knows. */
public enum ElementKind {
  R("ohm"),
  C("F"),
  L("H");

  private final String unit;

  ElementKind(String unit) {
    this.unit = unit;
  }

  public String unit() {
    return unit;
  }

  /** The SPICE element letter (first character of an element name). */
  public char letter() {
    return name().charAt(0);
  }

  /** Parses a SPICE element letter (case-insensitive); returns null for anything else. */
  public static ElementKind ofLetter(char c) {
    return switch (Character.toUpperCase(c)) {
      case 'R' -> R;
      case 'C' -> C;
      case 'L' -> L;
      default -> null;
    };
  }
}
