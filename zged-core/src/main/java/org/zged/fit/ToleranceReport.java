package org.zged.fit;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The outcome of a tolerance Monte Carlo: spreads of the targeted frequency and Q as relative
 * deviations from their nominal values, and the share of trials that still meet the target.
 *
 * @param tolerancePct each value was drawn uniformly within ±this percent of nominal
 * @param trials number of trials
 * @param acceptance the relative spec error a trial may have and still count as meeting the target
 * @param fc spread of fc (or f0)
 * @param q spread of Q (null when the circuit has no Q)
 * @param shareWithin fraction of trials whose every targeted spec is within {@code acceptance}
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ToleranceReport(
    double tolerancePct, int trials, double acceptance, Spread fc, Spread q, double shareWithin) {

  /** Statistics of a spec over the trials, each as achieved/nominal − 1. */
  public record Spread(
      double nominal, double mean, double std, double min, double p05, double p95, double max) {}
}
