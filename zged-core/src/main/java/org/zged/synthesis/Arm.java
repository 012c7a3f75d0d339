package org.zged.synthesis;

/** One arm of a ladder: in series along the signal path, or shunt from a node to ground. */
public record Arm(boolean series, Branch branch) {
  public static Arm series(Branch b) {
    return new Arm(true, b);
  }

  public static Arm shunt(Branch b) {
    return new Arm(false, b);
  }
}
