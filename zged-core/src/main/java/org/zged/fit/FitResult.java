package org.zged.fit;

import java.util.List;
import org.zged.analysis.FilterSpecs;
import org.zged.analysis.TransferFunction;
import org.zged.circuit.Circuit;

/**
 * A fitted circuit with the exact analysis that verifies it.
 *
 * @param circuit the circuit with fitted values (always structurally valid)
 * @param transferFunction its exact transfer function (null if the analysis failed)
 * @param specs its exact specs (null if the analysis failed)
 * @param errors relative errors against a response target (null for a pole/zero target)
 * @param chamferBefore pole+zero Chamfer distance to a pole/zero target before fitting (NaN
 *     otherwise)
 * @param chamferAfter the same after fitting
 * @param rangeViolations values outside the practical ranges (empty when all are buyable)
 * @param evaluations exact analyses spent
 */
public record FitResult(
    Circuit circuit,
    TransferFunction transferFunction,
    FilterSpecs specs,
    SpecErrors errors,
    double chamferBefore,
    double chamferAfter,
    List<String> rangeViolations,
    int evaluations) {

  public boolean analysed() {
    return specs != null;
  }

  public boolean inRange() {
    return rangeViolations.isEmpty();
  }

  /**
   * The number used to rank candidates: the worst relative spec error for a response target, the
   * Chamfer distance after fitting for a pole/zero target; infinite when not analysable.
   */
  public double score() {
    if (!analysed()) {
      return Double.POSITIVE_INFINITY;
    }
    return errors != null ? errors.worst() : chamferAfter;
  }
}
