package org.zged.mask;

/**
 * One band of a mask, in Hz: a passband allows at most {@code limitDb} of attenuation, a stopband
 * needs at least {@code limitDb}. {@code highHz} may be infinite, {@code lowHz} may be 0.
 */
public record Band(Kind kind, double lowHz, double highHz, double limitDb) {
  public enum Kind {
    PASS,
    STOP
  }

  public Band {
    if (!(lowHz >= 0 && highHz > lowHz)) {
      throw new IllegalArgumentException(
          "a band needs 0 <= low < high, got " + lowHz + ".." + highHz);
    }
  }

  public boolean pass() {
    return kind == Kind.PASS;
  }

  public boolean contains(double hz) {
    return hz >= lowHz && hz <= highHz;
  }
}
