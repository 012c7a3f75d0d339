package org.zged.circuit;

/**
 * The joint 8-way class of a node pair: which of R, C, L are present between the two nodes. The
 * ordinal is the class index the model predicts.
 */
public enum EdgeClass {
  NONE(false, false, false),
  R(true, false, false),
  C(false, true, false),
  L(false, false, true),
  RC(true, true, false),
  RL(true, false, true),
  CL(false, true, true),
  RCL(true, true, true);

  public static final int COUNT = 8;
  private static final EdgeClass[] BY_MASK = new EdgeClass[8];

  static {
    for (EdgeClass c : values()) {
      BY_MASK[c.mask()] = c;
    }
  }

  private final boolean hasR;
  private final boolean hasC;
  private final boolean hasL;

  EdgeClass(boolean hasR, boolean hasC, boolean hasL) {
    this.hasR = hasR;
    this.hasC = hasC;
    this.hasL = hasL;
  }

  public boolean hasR() {
    return hasR;
  }

  public boolean hasC() {
    return hasC;
  }

  public boolean hasL() {
    return hasL;
  }

  public boolean has(ElementKind kind) {
    return switch (kind) {
      case R -> hasR;
      case C -> hasC;
      case L -> hasL;
    };
  }

  /** Number of element kinds present (0 to 3). */
  public int elementCount() {
    return (hasR ? 1 : 0) + (hasC ? 1 : 0) + (hasL ? 1 : 0);
  }

  /** Bit mask R=1, C=2, L=4. */
  public int mask() {
    return (hasR ? 1 : 0) | (hasC ? 2 : 0) | (hasL ? 4 : 0);
  }

  public static EdgeClass of(boolean r, boolean c, boolean l) {
    return BY_MASK[(r ? 1 : 0) | (c ? 2 : 0) | (l ? 4 : 0)];
  }

  public static EdgeClass ofIndex(int index) {
    return values()[index];
  }
}
