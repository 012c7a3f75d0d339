package org.zged.generate;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * Where an arm's analyses went up to each target's first success (all of them for a target it
 * missed), by what the fit they paid for came to; every fit counts in exactly one part, so the
 * parts add up to the analyses spent:
 *
 * <ul>
 *   <li>{@code meeting}: the fit that met the target;
 *   <li>{@code no_response}: fits that ended with no usable response (not analysable, or the wrong
 *       response class: an infinite error);
 *   <li>{@code out_of_range}: fits whose values had to be clamped into the practical ranges (R 1
 *       Ω–10 MΩ, C 1 pF–1 mF, L 1 nH–10 H) — the target lies beyond what the fitter reached within
 *       them with this topology;
 *   <li>{@code close}: fits in range that came within {@link SearchRun#REFINE_BELOW} of the target
 *       and did not meet it;
 *   <li>{@code far}: fits in range that stayed further off.
 * </ul>
 *
 * {@code fits} counts the fits of each kind ({@code screen}, {@code refine}, {@code full}, {@code
 * mask}) together.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AnalysesSpent(
    int meeting, int noResponse, int outOfRange, int close, int far, int fits) {

  static final AnalysesSpent NONE = new AnalysesSpent(0, 0, 0, 0, 0, 0);

  /** The split of one run's fits, up to and including the first one that met the target. */
  static AnalysesSpent of(List<SearchRun.Fit> fits) {
    int meeting = 0;
    int none = 0;
    int range = 0;
    int close = 0;
    int far = 0;
    int n = 0;
    for (SearchRun.Fit f : fits) {
      n++;
      if (f.meets()) {
        meeting += f.analyses();
        break;
      }
      if (!Double.isFinite(f.score())) {
        none += f.analyses();
      } else if (f.clamped()) {
        range += f.analyses();
      } else if (f.score() < SearchRun.REFINE_BELOW) {
        close += f.analyses();
      } else {
        far += f.analyses();
      }
    }
    return new AnalysesSpent(meeting, none, range, close, far, n);
  }

  AnalysesSpent plus(AnalysesSpent o) {
    return new AnalysesSpent(
        meeting + o.meeting,
        noResponse + o.noResponse,
        outOfRange + o.outOfRange,
        close + o.close,
        far + o.far,
        fits + o.fits);
  }

  /** The analyses of all the parts. */
  @com.fasterxml.jackson.annotation.JsonIgnore
  public int total() {
    return meeting + noResponse + outOfRange + close + far;
  }
}
