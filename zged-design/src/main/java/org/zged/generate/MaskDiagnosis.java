package org.zged.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hipparchus.complex.Complex;
import org.zged.fit.Units;
import org.zged.mask.BandResult;
import org.zged.mask.MaskMargins;

/**
 * Why no candidate meets a mask, in one line with its numbers: a bound the constraints break
 * (reactive elements for the mask's minimum order, real poles of RC networks against the
 * prototype's pole Q), then how far the closest circuit misses its worst band.
 */
final class MaskDiagnosis {
  private MaskDiagnosis() {}

  /** Null when {@code best} meets the mask and the constraints. */
  static String of(MaskGoal g, Constraints limits, Generation.Ranked best, int analyses) {
    if (best != null && best.meets()) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    String bound = bound(g, limits);
    if (bound != null) {
      parts.add(bound);
    }
    if (best == null || best.margins() == null) {
      parts.add("no valid circuit was found in " + analyses + " exact analyses");
    } else {
      MaskMargins m = best.margins();
      BandResult worst = null;
      for (BandResult b : m.bands()) {
        if (worst == null || b.marginDb() < worst.marginDb()) {
          worst = b;
        }
      }
      if (worst != null && worst.marginDb() < 0) {
        parts.add(
            String.format(
                Locale.ROOT,
                "the closest circuit (%d parts, after %d exact analyses) misses the %s %s–%s by"
                    + " %.3g dB (%.3g dB at %s)",
                best.parts(),
                analyses,
                worst.band().pass() ? "passband" : "stopband",
                Units.hz(worst.band().lowHz()),
                Double.isInfinite(worst.band().highHz()) ? "∞" : Units.hz(worst.band().highHz()),
                -worst.marginDb(),
                worst.worstDb(),
                Units.hz(worst.worstAtHz())));
      }
      List<String> broken = limits.violations(best.fit().circuit());
      if (!broken.isEmpty()) {
        parts.add("the closest circuit breaks the constraints: " + String.join(", ", broken));
      }
      if (!best.fit().inRange()) {
        parts.add(
            "values outside the practical ranges: "
                + String.join(", ", best.fit().rangeViolations()));
      }
    }
    return "no candidate meets the "
        + g.describe()
        + (limits.isNone() ? "" : " (" + limits.describe() + ")")
        + ": "
        + String.join("; ", parts);
  }

  /**
   * A bound the constraints break: the prototype's pole Q against an RC-only limit (RC poles are
   * real), the lowest-order classical design's poles against the parts limit (quoted as what is
   * known to suffice, not as a proof that nothing smaller exists).
   */
  static String bound(MaskGoal g, Constraints limits) {
    Integer maxParts = limits.maxParts();
    Integer maxInd = limits.maxInductors();
    if (maxInd != null && maxInd == 0) {
      double q = 0;
      for (Complex p : g.prototype().poles()) {
        q = Math.max(q, p.norm() / (2 * Math.abs(p.getReal())));
      }
      boolean jwZeros =
          g.prototype().zeros().stream()
              .anyMatch(z -> Math.abs(z.getReal()) < 1e-9 * z.norm() && z.norm() > 0);
      if (q > ConstraintBounds.RC_MAX_POLE_Q) {
        return String.format(
            Locale.ROOT,
            "an RC-only network has real poles only (pole Q ≤ %s); this mask's prototype has a"
                + " pole pair with Q = %.3g%s",
            Units.plain(ConstraintBounds.RC_MAX_POLE_Q),
            q,
            jwZeros ? " and zeros on the jω axis" : "");
      }
    }
    if (maxParts != null && g.classical() != null) {
      int poles = g.classical().ideal().poles().size();
      if (poles > maxParts) {
        return String.format(
            Locale.ROOT,
            "the lowest-order classical design that meets this mask has %d poles, one reactive"
                + " element each; the parts limit allows %d",
            poles,
            maxParts);
      }
    }
    return null;
  }
}
