package org.zged.dataset;

import org.zged.circuit.Circuit;

/** Builds a family's circuit from its sampled values, in the order of the family's ranges. */
@FunctionalInterface
interface Topology {
  Circuit build(double[] values);
}
