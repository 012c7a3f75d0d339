package org.zged.synthesis;

import java.util.List;
import org.zged.circuit.Circuit;
import org.zged.filter.FrequencyTransform;
import org.zged.filter.Prototype;
import org.zged.filter.Response;
import org.zged.filter.Roots;
import org.zged.mask.Mask;
import org.zged.mask.MaskMargins;

/**
 * A synthesised and verified ladder.
 *
 * @param formulaOrder the scipy-formula minimum order of this response for the mask (buttord,
 *     cheb1ord, ellipord; Bessel: the smallest order found to meet it); 0 for order designs
 * @param ideal the transfer function the ladder was synthesised for (poles/zeros in rad/s)
 * @param margins the exact margins of the circuit itself (from {@link
 *     org.zged.analysis.CircuitAnalyzer}) against {@code mask}
 * @param idealMargins the same for {@code ideal}, from the synthesised poles and zeros
 * @param method "closed-form g-values" or "driving-point synthesis"
 * @param marginsSource where {@code margins} come from: the nodal analysis of the circuit, or (when
 *     that fails or loses a cancelling pole-zero pair) the synthesised poles/zeros, which the
 *     ladder realises to {@code realisationError}
 * @param realisationError the largest relative deviation of the ladder's |H| from the synthesised
 *     one ({@link RealisationCheck})
 * @param notes why the order or form differs from the one asked, if it does
 */
public record LadderDesign(
    Response response,
    int order,
    int formulaOrder,
    Prototype prototype,
    FrequencyTransform transform,
    Ladder ladder,
    Circuit circuit,
    Mask mask,
    Roots ideal,
    MaskMargins margins,
    MaskMargins idealMargins,
    String method,
    String marginsSource,
    double realisationError,
    String convention,
    List<String> notes) {

  public LadderDesign {
    notes = List.copyOf(notes);
  }

  public boolean meets() {
    return margins.meets();
  }
}
