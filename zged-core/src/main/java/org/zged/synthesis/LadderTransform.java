package org.zged.synthesis;

import java.util.ArrayList;
import java.util.List;
import org.zged.circuit.ElementKind;
import org.zged.filter.FrequencyTransform;

/**
 * Turns a normalised low-pass prototype ladder (passband edge 1 rad/s, impedance level 1) into a
 * real one: impedance level R0 and the reactance transformation element by element (ω in rad/s):
 *
 * <ul>
 *   <li>low-pass: L → L·R0/ωc, C → C/(R0·ωc);
 *   <li>high-pass: L → C = 1/(ωc·L·R0), C → L = R0/(ωc·C);
 *   <li>band-pass: L → series L·R0/B with C = B/(ω0²·L·R0); C → parallel C/(R0·B) with L =
 *       R0·B/(ω0²·C);
 *   <li>band-stop: L → parallel L·R0·B/ω0² with C = 1/(B·L·R0); C → series L = R0/(B·C) with C =
 *       C·B/(R0·ω0²).
 * </ul>
 */
public final class LadderTransform {
  private LadderTransform() {}

  public static Ladder apply(Ladder proto, FrequencyTransform t, double r0) {
    List<Arm> arms = new ArrayList<>();
    for (Arm a : proto.arms()) {
      arms.add(new Arm(a.series(), map(a.branch(), t, r0)));
    }
    return new Ladder(proto.rs() * r0, proto.rl() * r0, arms, proto.form());
  }

  private static Branch map(Branch b, FrequencyTransform t, double r0) {
    if (b instanceof Branch.Series s) {
      List<Branch> out = new ArrayList<>();
      for (Branch x : s.parts()) {
        Branch m = map(x, t, r0);
        if (m instanceof Branch.Series inner) {
          out.addAll(inner.parts());
        } else {
          out.add(m);
        }
      }
      return new Branch.Series(out);
    }
    if (b instanceof Branch.Parallel p) {
      List<Branch> out = new ArrayList<>();
      for (Branch x : p.parts()) {
        Branch m = map(x, t, r0);
        if (m instanceof Branch.Parallel inner) {
          out.addAll(inner.parts());
        } else {
          out.add(m);
        }
      }
      return new Branch.Parallel(out);
    }
    Branch.Part part = (Branch.Part) b;
    double v = part.value();
    boolean inductor = part.kind() == ElementKind.L;
    double w0 = t.centre();
    double bw = t.bandwidth();
    return switch (t.type()) {
      case LOWPASS -> inductor ? Branch.l(v * r0 / t.edge()) : Branch.c(v / (r0 * t.edge()));
      case HIGHPASS -> inductor ? Branch.c(1 / (t.edge() * v * r0)) : Branch.l(r0 / (t.edge() * v));
      case BANDPASS ->
          inductor
              ? new Branch.Series(List.of(Branch.l(v * r0 / bw), Branch.c(bw / (w0 * w0 * v * r0))))
              : new Branch.Parallel(
                  List.of(Branch.l(r0 * bw / (w0 * w0 * v)), Branch.c(v / (r0 * bw))));
      case BANDSTOP ->
          inductor
              ? new Branch.Parallel(
                  List.of(Branch.l(v * r0 * bw / (w0 * w0)), Branch.c(1 / (bw * v * r0))))
              : new Branch.Series(
                  List.of(Branch.l(r0 / (bw * v)), Branch.c(v * bw / (r0 * w0 * w0))));
      default -> throw new IllegalArgumentException("no ladder transform to " + t.type());
    };
  }
}
