package org.zged.generate;

import org.zged.circuit.Circuit;
import org.zged.graph.TopologySignature;

/**
 * A candidate topology with starting values, and where it came from (see {@link CandidateReport}).
 */
public record Proposal(Circuit circuit, TopologySignature topology, String source) {}
