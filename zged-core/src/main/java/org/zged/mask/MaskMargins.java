package org.zged.mask;

import java.util.List;

/**
 * The margins of a response against a mask: the smallest passband margin and the smallest stopband
 * margin in dB (NaN when the mask has no stopband), per band, and whether every band is within its
 * limit (with {@link MaskVerifier#SLACK_DB} of numerical slack). {@code peakHz} is where |H| has
 * its passband maximum, the 0 dB reference of every attenuation.
 */
public record MaskMargins(
    double passbandDb, double stopbandDb, List<BandResult> bands, boolean meets, double peakHz) {
  public MaskMargins {
    bands = List.copyOf(bands);
  }
}
