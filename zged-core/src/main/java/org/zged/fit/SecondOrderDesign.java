package org.zged.fit;

import java.util.Locale;
import org.zged.analysis.ResponseClass;
import org.zged.circuit.Circuit;

/**
 * Closed-form designs for the first- and second-order targets that the dataset families cannot
 * meet: a high-pass with a Q, and low/high-pass responses with a passband gain 0 < G < 1 (band-pass
 * and band-stop with any Q and gain are covered by {@link FamilyDesign}). A resistive divider Ra,
 * Rb in front is a source of gain G = Rb/(Ra + Rb) and resistance Rth = Ra‖Rb (Thevenin), which
 * then damps the section like a source resistance. With ω = 2π·fc and Z0 = √(L/C) = 1 kΩ:
 *
 * <ul>
 *   <li>{@code rlc_highpass}: C in series, L and R from the output to ground: H = s²/(s² + s/(RC) +
 *       1/(LC)), Q = R/Z0, the −3 dB point at ω0/√y (y as for the low-pass, {@link
 *       FamilyDesign#lowpassCutoffRatioSquared});
 *   <li>{@code divider_rlc_lowpass}: divider, series L, shunt C: H = G/(s²LC + s·Rth·C + 1), Q =
 *       Z0/Rth, −3 dB at ω0·√y;
 *   <li>{@code divider_rlc_highpass}: divider, series C, shunt L: H = G·s²LC/(s²LC + s·Rth·C + 1);
 *   <li>{@code divider_rc_lowpass}: divider with C across Rb: H = G/(1 + s·Rth·C);
 *   <li>{@code divider_rc_highpass}: divider, series C, load R: H = G_d·R·sC/(1 + s(Rth + R)C) with
 *       G_d = (1 + G)/2 and R/(Rth + R) = G/G_d.
 * </ul>
 *
 * Designs are impedance-scaled into the practical ranges afterwards (the response is unchanged).
 */
public enum SecondOrderDesign {
  RLC_HIGHPASS(ResponseClass.HIGHPASS, 2, false),
  DIVIDER_RLC_LOWPASS(ResponseClass.LOWPASS, 2, true),
  DIVIDER_RLC_HIGHPASS(ResponseClass.HIGHPASS, 2, true),
  DIVIDER_RC_LOWPASS(ResponseClass.LOWPASS, 1, true),
  DIVIDER_RC_HIGHPASS(ResponseClass.HIGHPASS, 1, true);

  private static final double Z0 = 1000;
  private final ResponseClass type;
  private final int order;
  private final boolean divider;

  SecondOrderDesign(ResponseClass type, int order, boolean divider) {
    this.type = type;
    this.order = order;
    this.divider = divider;
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public ResponseClass responseClass() {
    return type;
  }

  public int order() {
    return order;
  }

  /**
   * Whether this design meets every targeted spec: the type, a Q only at second order (a
   * second-order design also serves an unset Q with the Butterworth 0.707), and a gain below 1
   * exactly for the divider designs.
   */
  public boolean canMeet(SpecTarget t) {
    if (t.isPoleZero() || t.fcHz() == null || t.type() != type) {
      return false;
    }
    if (order == 1 && t.q() != null) {
      return false;
    }
    boolean belowOne = t.gain() != null && t.gain() < 1 - 1e-12;
    return divider == belowOne;
  }

  public Circuit design(SpecTarget t) {
    double w = 2 * Math.PI * t.fcHz();
    double q = t.q() != null ? t.q() : FamilyDesign.DEFAULT_Q;
    double g = t.gain() == null ? 1 : t.gain();
    Circuit.Builder b = Circuit.builder().title(id() + " (closed-form design)");
    double y = order == 2 ? FamilyDesign.lowpassCutoffRatioSquared(q) : 1;
    switch (this) {
      case RLC_HIGHPASS -> {
        double w0 = w * Math.sqrt(y);
        b.c("C1", "vin", "vout", 1 / (w0 * Z0))
            .l("L1", "vout", "0", Z0 / w0)
            .r("R1", "vout", "0", q * Z0);
      }
      case DIVIDER_RLC_LOWPASS -> {
        double w0 = w / Math.sqrt(y);
        divider(b, g, Z0 / q, "n1");
        b.l("L1", "n1", "vout", Z0 / w0).c("C1", "vout", "0", 1 / (w0 * Z0));
      }
      case DIVIDER_RLC_HIGHPASS -> {
        double w0 = w * Math.sqrt(y);
        divider(b, g, Z0 / q, "n1");
        b.c("C1", "n1", "vout", 1 / (w0 * Z0)).l("L1", "vout", "0", Z0 / w0);
      }
      case DIVIDER_RC_LOWPASS -> {
        divider(b, g, Z0, "vout");
        b.c("C1", "vout", "0", 1 / (w * Z0));
      }
      case DIVIDER_RC_HIGHPASS -> {
        double gd = (1 + g) / 2;
        double share = g / gd; // R/(Rth + R)
        double rth = Z0;
        double r = rth * share / (1 - share);
        divider(b, gd, rth, "n1");
        b.c("C1", "n1", "vout", 1 / (w * (rth + r))).r("R1", "vout", "0", r);
      }
    }
    return PracticalRanges.centreImpedance(b.build());
  }

  /** Ra from vin to {@code node} and Rb from it to ground: gain g, Thevenin resistance rth. */
  private static void divider(Circuit.Builder b, double g, double rth, String node) {
    b.r("Ra", "vin", node, rth / g).r("Rb", node, "0", rth / (1 - g));
  }
}
