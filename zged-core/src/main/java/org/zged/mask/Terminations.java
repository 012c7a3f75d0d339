package org.zged.mask;

/**
 * Source and load resistance in ohms. The source resistance is an element in series with the ideal
 * source (between {@code vin} and the first ladder node), the load an element from {@code vout} to
 * ground. {@code rs = 0} is an ideal voltage source, {@code rl = ∞} no load (singly terminated).
 */
public record Terminations(double rs, double rl) {
  public static final double DEFAULT_OHMS = 50;
  public static final Terminations DEFAULT = new Terminations(DEFAULT_OHMS, DEFAULT_OHMS);

  public Terminations {
    if (!(rs >= 0) || Double.isInfinite(rs)) {
      throw new IllegalArgumentException(
          "the source resistance must be finite and >= 0, got " + rs);
    }
    if (!(rl > 0)) {
      throw new IllegalArgumentException("the load resistance must be > 0 or open, got " + rl);
    }
    if (rs == 0 && Double.isInfinite(rl)) {
      throw new IllegalArgumentException(
          "an ideal source with no load leaves the ladder unterminated; give --rs or --rl");
    }
  }

  public boolean idealSource() {
    return rs == 0;
  }

  public boolean openLoad() {
    return Double.isInfinite(rl);
  }

  public boolean doublyTerminated() {
    return !idealSource() && !openLoad();
  }
}
