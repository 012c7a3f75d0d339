package org.zged.fit;

/**
 * What the fitter drives to zero: a fixed-length residual vector computed from one exact analysis.
 * Residuals are dimensionless (log ratios or normalised coefficients), so one tolerance fits all.
 */
interface Objective {
  /** Residual returned for a spec the circuit does not have, or a failed analysis. */
  double PENALTY = 5.0;

  int size();

  double[] residuals(SpecEvaluator ev);

  /**
   * The factor by which to multiply every frequency of this circuit so that its frequency scale
   * matches the target (1 when unknown); applied exactly through frequency scaling.
   */
  double frequencyCorrection(SpecEvaluator ev);

  static Objective of(SpecTarget t) {
    return t.isPoleZero() ? new PoleZeroObjective(t) : new ResponseObjective(t);
  }
}
