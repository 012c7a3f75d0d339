package org.zged.generate;

import org.zged.circuit.Circuit;
import org.zged.graph.CanonicalForm;
import org.zged.graph.TopologySignature;

/**
 * A candidate topology with starting values, and where it came from (see {@link CandidateReport}).
 */
public record Proposal(Circuit circuit, TopologySignature topology, String source) {

  /**
   * A circuit in its reduced form (series/parallel elements of one kind merged, dangling parts
   * dropped — {@link CanonicalForm}), tidied, so that every source spends its fits on distinct
   * irreducible topologies and parts counts are not inflated. Null when the reduced circuit is not
   * a valid filter.
   */
  static Proposal of(Circuit c, String source) {
    Circuit reduced = c;
    try {
      Circuit r = CanonicalForm.of(c).reduced();
      if (r.isValid()) {
        reduced = r;
      }
    } catch (RuntimeException e) {
      // Keep the circuit as it is; the fitter's validation decides.
    }
    Circuit tidy = CircuitTidy.tidy(reduced);
    if (!tidy.isValid()) {
      return null;
    }
    return new Proposal(tidy, TopologySignature.of(tidy), source);
  }
}
