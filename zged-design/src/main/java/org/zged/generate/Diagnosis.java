package org.zged.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.zged.fit.FamilyDesign;
import org.zged.fit.FitResult;
import org.zged.fit.SpecErrors;
import org.zged.fit.SpecTarget;
import org.zged.fit.Units;

/**
 * Explains, in one line, why no candidate meets a target: which targeted spec none of the known
 * families can set, and by how much the closest candidate misses each spec.
 */
final class Diagnosis {
  private Diagnosis() {}

  /** Null when {@code best} meets the target and the constraints. */
  static String of(
      SpecTarget t, Constraints limits, FitResult best, double acceptance, int analyses) {
    if (best != null && SpecGenerator.meets(best) && limits.violations(best.circuit()).isEmpty()) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    String limited = ConstraintBounds.reason(t, limits);
    String structural = limited == null && limits.allowsInductors() ? structural(t) : null;
    if (limited != null) {
      parts.add(limited);
    }
    if (structural != null) {
      parts.add(
          structural
              + (analyses > 0
                  ? ", and the search outside them found none in " + analyses + " exact analyses"
                  : ""));
    }
    if (best == null) {
      parts.add("no valid circuit was found");
    } else {
      SpecErrors e = best.errors();
      if (e != null && !e.classMatches()) {
        parts.add("the closest circuit is a " + best.specs().responseClass().label());
      } else if (e != null) {
        miss(parts, "fc", e.fc(), acceptance);
        miss(parts, "Q", e.q(), acceptance);
        miss(parts, "gain", e.gain(), acceptance);
      } else if (best.transferFunction() != null
          && (best.transferFunction().poles().size() != t.poles().size()
              || best.transferFunction().zeros().size() != t.zeros().size())) {
        parts.add(
            String.format(
                Locale.ROOT,
                "the target has %d poles and %d zeros, the closest circuit %d and %d (the known"
                    + " families are first and second order)",
                t.poles().size(),
                t.zeros().size(),
                best.transferFunction().poles().size(),
                best.transferFunction().zeros().size()));
      } else if (best.chamferAfter() > acceptance) {
        parts.add(
            String.format(
                Locale.ROOT,
                "the closest circuit's poles/zeros are %.3g (Chamfer, in units of the target pole"
                    + " scale) from the target",
                best.chamferAfter()));
      }
      List<String> broken = limits.violations(best.circuit());
      if (!broken.isEmpty()) {
        parts.add("the closest circuit breaks the constraints: " + String.join(", ", broken));
      }
      if (!best.inRange()) {
        parts.add(
            "values outside the practical ranges: " + String.join(", ", best.rangeViolations()));
      }
    }
    return "no candidate meets "
        + t.describe()
        + " within "
        + Units.plain(acceptance * 100)
        + "%"
        + (limits.isNone() ? "" : " (" + limits.describe() + ")")
        + ": "
        + String.join("; ", parts);
  }

  private static void miss(List<String> parts, String name, Double err, double acceptance) {
    if (err == null || err <= acceptance) {
      return;
    }
    if (Double.isInfinite(err)) {
      parts.add("the closest circuit has no " + name + (name.equals("Q") ? " (first order)" : ""));
    } else {
      parts.add(
          String.format(Locale.ROOT, "the closest circuit misses %s by %.3g%%", name, err * 100));
    }
  }

  /** Which part of a response target no known family can set, or null. */
  static String structural(SpecTarget t) {
    if (t.isPoleZero()) {
      return null;
    }
    for (FamilyDesign d : FamilyDesign.values()) {
      if (d.canMeet(t)) {
        return null;
      }
    }
    String type = t.type() == null ? "filter" : t.type().label();
    SpecTarget withoutGain =
        SpecTarget.builder().optType(t.type()).optFc(t.fcHz()).optQ(t.q()).build();
    boolean qReachable = false;
    for (FamilyDesign d : FamilyDesign.values()) {
      qReachable |= d.canMeet(withoutGain);
    }
    if (!qReachable) {
      return "none of the twelve known families is a "
          + type
          + " with an adjustable Q"
          + (t.type() != null && t.type().label().equals("highpass")
              ? " (the only second-order highpass, cl_highpass, is lossless)"
              : "");
    }
    return "none of the known "
        + type
        + " families has both an adjustable Q and an adjustable passband gain";
  }
}
