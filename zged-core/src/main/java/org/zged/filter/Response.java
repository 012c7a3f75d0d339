package org.zged.filter;

import java.util.Locale;

/** The classical approximations of an ideal low-pass magnitude response. */
public enum Response {
  BUTTERWORTH,
  CHEBYSHEV,
  BESSEL,
  ELLIPTIC;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether the passband edge of an order design is the ripple edge (else the -3 dB point). */
  public boolean rippleEdge() {
    return this == CHEBYSHEV || this == ELLIPTIC;
  }

  /** Parses butterworth, chebyshev (cheby1, chebyshev1), bessel (thomson) or elliptic (cauer). */
  public static Response parse(String text) {
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "butterworth", "butter" -> BUTTERWORTH;
      case "chebyshev", "chebyshev1", "cheby1", "chebyshev-i" -> CHEBYSHEV;
      case "bessel", "thomson", "bessel-thomson" -> BESSEL;
      case "elliptic", "cauer", "ellip" -> ELLIPTIC;
      default ->
          throw new IllegalArgumentException(
              "unknown response '"
                  + text
                  + "' (expected butterworth, chebyshev, bessel, elliptic)");
    };
  }
}
