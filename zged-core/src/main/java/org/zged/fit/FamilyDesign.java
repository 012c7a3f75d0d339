package org.zged.fit;

import java.util.Locale;
import org.zged.analysis.ResponseClass;
import org.zged.circuit.Circuit;

/**
 * Closed-form designs of the twelve dataset families (ids as in {@code org.zged.dataset
 * .FilterFamily}): given a target frequency, Q and gain, the textbook formulas give the values
 * directly. This is the "exact oracle" baseline of the generation benchmark and a seed for the
 * fitter. Designs start at a 1 kΩ impedance level and are then impedance-scaled into the practical
 * ranges (which does not change the response).
 *
 * <p>Formulas, with ω = 2π·fc, Z0 = √(L/C) and x = ω/ω0:
 *
 * <ul>
 *   <li>first order: RC = 1/ω or L/R = 1/ω at the −3 dB point;
 *   <li>2nd-order lowpass 1/(s²LC + sRC + 1): Q = Z0/R, and the −3 dB point relative to H(0) is at
 *       x² = y where y² − (2 − 1/Q²)y − 1 = 0;
 *   <li>lossless LC lowpass / CL highpass: |H| = 1/|1 − x²| (resp. x²/|1 − x²|), −3 dB at x² = 1 +
 *       √2 (resp. 1/(1 + √2));
 *   <li>band-pass and notch sections are standard second-order sections with Q = f0/BW: series
 *       R-L-C into a load Q = Z0/R_total; parallel tank Q = R_eff/Z0 with R_eff the resistance
 *       across it; series-LC notch Q = Z0/R' with R' the source resistance seen by the trap.
 * </ul>
 *
 * Q is free in every second-order family except the lossless ones; the passband gain is free where
 * the family has a resistive divider (rlc_series, rlc_parallel, tank_bandpass, notch_bandstop).
 * Unset Q/gain take the defaults stated in {@link #DEFAULT_Q} and per family.
 */
public enum FamilyDesign {
  RC_LOWPASS(ResponseClass.LOWPASS, 1),
  RC_HIGHPASS(ResponseClass.HIGHPASS, 1),
  RL_LOWPASS(ResponseClass.LOWPASS, 1),
  RL_HIGHPASS(ResponseClass.HIGHPASS, 1),
  LC_LOWPASS(ResponseClass.LOWPASS, 2),
  CL_HIGHPASS(ResponseClass.HIGHPASS, 2),
  RLC_LOWPASS(ResponseClass.LOWPASS, 2),
  RLC_BANDPASS(ResponseClass.BANDPASS, 2),
  RLC_SERIES(ResponseClass.BANDPASS, 2),
  RLC_PARALLEL(ResponseClass.BANDPASS, 2),
  TANK_BANDPASS(ResponseClass.BANDPASS, 2),
  NOTCH_BANDSTOP(ResponseClass.BANDSTOP, 2);

  /** Q used when the target leaves it open: Butterworth for lowpass, 1 for band sections. */
  public static final double DEFAULT_Q = Math.sqrt(0.5);

  private static final double Z0 = 1000;
  private final ResponseClass responseClass;
  private final int order;

  FamilyDesign(ResponseClass responseClass, int order) {
    this.responseClass = responseClass;
    this.order = order;
  }

  /** The dataset family id, e.g. {@code rc_lowpass}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public ResponseClass responseClass() {
    return responseClass;
  }

  public int order() {
    return order;
  }

  /** True for the LC/CL families whose poles sit on the jω axis: no finite Q can be set. */
  public boolean lossless() {
    return this == LC_LOWPASS || this == CL_HIGHPASS;
  }

  /** Whether the passband gain is a free parameter of this family (otherwise it is 1). */
  public boolean gainAdjustable() {
    return this == RLC_SERIES
        || this == RLC_PARALLEL
        || this == TANK_BANDPASS
        || this == NOTCH_BANDSTOP;
  }

  /**
   * Whether this family can meet every targeted spec of {@code t} (type, Q, gain) in principle;
   * frequency is always reachable.
   */
  public boolean canMeet(SpecTarget t) {
    if (t.type() != null && t.type() != responseClass) {
      return false;
    }
    if (t.q() != null && (order < 2 || lossless())) {
      return false;
    }
    return t.gain() == null || Math.abs(t.gain() - 1) < 1e-12 || gainAdjustable();
  }

  public static FamilyDesign ofId(String id) {
    for (FamilyDesign d : values()) {
      if (d.id().equals(id)) {
        return d;
      }
    }
    throw new IllegalArgumentException("unknown family '" + id + "'");
  }

  /**
   * The closed-form circuit for a response target (fc, optional Q and gain). Specs this family
   * cannot meet are ignored (see {@link #canMeet}); the verification will show the miss.
   */
  public Circuit design(SpecTarget t) {
    if (t.fcHz() == null) {
      throw new IllegalArgumentException("closed-form designs need a frequency target");
    }
    double w = 2 * Math.PI * t.fcHz();
    double q = t.q() != null ? t.q() : (responseClass == ResponseClass.LOWPASS ? DEFAULT_Q : 1.0);
    Double g = t.gain();
    Circuit.Builder b = Circuit.builder().title(id() + " (closed-form design)");
    switch (this) {
      case RC_LOWPASS -> b.r("R1", "vin", "vout", Z0).c("C1", "vout", "0", 1 / (w * Z0));
      case RC_HIGHPASS -> b.c("C1", "vin", "vout", 1 / (w * Z0)).r("R1", "vout", "0", Z0);
      case RL_LOWPASS -> b.l("L1", "vin", "vout", Z0 / w).r("R1", "vout", "0", Z0);
      case RL_HIGHPASS -> b.r("R1", "vin", "vout", Z0).l("L1", "vout", "0", Z0 / w);
      case LC_LOWPASS -> {
        double w0 = w / Math.sqrt(1 + Math.sqrt(2));
        b.l("L1", "vin", "vout", Z0 / w0).c("C1", "vout", "0", 1 / (w0 * Z0));
      }
      case CL_HIGHPASS -> {
        double w0 = w * Math.sqrt(1 + Math.sqrt(2));
        b.c("C1", "vin", "vout", 1 / (w0 * Z0)).l("L1", "vout", "0", Z0 / w0);
      }
      case RLC_LOWPASS -> {
        double w0 = w / Math.sqrt(lowpassCutoffRatioSquared(q));
        b.r("R1", "vin", "n1", Z0 / q)
            .l("L1", "n1", "vout", Z0 / w0)
            .c("C1", "vout", "0", 1 / (w0 * Z0));
      }
      case RLC_BANDPASS ->
          b.l("L1", "vin", "n1", Z0 / w)
              .c("C1", "n1", "vout", 1 / (w * Z0))
              .r("R1", "vout", "0", Z0 / q);
      case RLC_SERIES -> {
        double gain = clampGain(g, 10.0 / 11);
        double total = Z0 / q;
        b.r("R1", "vin", "n1", (1 - gain) * total)
            .l("L1", "n1", "n2", Z0 / w)
            .c("C1", "n2", "vout", 1 / (w * Z0))
            .r("Rl", "vout", "0", gain * total);
      }
      case RLC_PARALLEL -> {
        double gain = clampGain(g, 0.9);
        double rs = q * Z0 / gain; // Rs‖R = Rs·gain = Q·Z0
        b.r("Rs", "vin", "vout", rs)
            .l("L1", "vout", "0", Z0 / w)
            .c("C1", "vout", "0", 1 / (w * Z0))
            .r("R1", "vout", "0", rs * gain / (1 - gain));
      }
      case TANK_BANDPASS -> {
        double[] split = dividerSplit(g, 2.0 / 3);
        double gn1 = split[0];
        double rs = q * Z0 / gn1; // Rs‖(Rp‖Rr) = Rs·gn1 = Q·Z0
        double rpar = rs * gn1 / (1 - gn1);
        double rr = 3 * rpar; // so that Rp = 1.5·Rpar: both branches load the tank
        double rp = 1 / (1 / rpar - 1 / rr);
        b.r("Rs", "vin", "n1", rs)
            .l("L1", "n1", "0", Z0 / w)
            .c("C1", "n1", "0", 1 / (w * Z0))
            .r("Rp", "n1", "0", rp)
            .r("Rl", "n1", "vout", (1 - split[1]) * rr)
            .r("Ro", "vout", "0", split[1] * rr);
      }
      case NOTCH_BANDSTOP -> {
        double[] split = dividerSplit(g, 0.9);
        double gn1 = split[0];
        double rs = Z0 / q / gn1; // R' = Rs‖Rr = Rs·gn1 = Z0/Q
        double rr = rs * gn1 / (1 - gn1);
        b.r("Rs", "vin", "n1", rs)
            .l("L1", "n1", "n2", Z0 / w)
            .c("C1", "n2", "0", 1 / (w * Z0))
            .r("Rl", "n1", "vout", (1 - split[1]) * rr)
            .r("Ro", "vout", "0", split[1] * rr);
      }
    }
    return PracticalRanges.centreImpedance(b.build());
  }

  /** x² of the −3 dB point (relative to H(0)) of 1/(1 − x² + jx/Q). */
  static double lowpassCutoffRatioSquared(double q) {
    double a = 2 - 1 / (q * q);
    return (a + Math.sqrt(a * a + 4)) / 2;
  }

  private static double clampGain(Double g, double dflt) {
    return g == null ? dflt : Math.min(g, 0.999);
  }

  /**
   * Splits a target gain into the section gain at N1 and the output divider Ro/(Rl+Ro): half when
   * that leaves the section gain below 1, otherwise halfway between the gain and 1.
   */
  private static double[] dividerSplit(Double g, double sectionDefault) {
    if (g == null) {
      return new double[] {sectionDefault, 0.5};
    }
    double gain = Math.min(g, 0.998);
    double d = gain < 0.45 ? 0.5 : (1 + gain) / 2;
    return new double[] {gain / d, d};
  }
}
