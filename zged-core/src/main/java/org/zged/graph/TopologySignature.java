package org.zged.graph;

import org.zged.circuit.Circuit;
import org.zged.circuit.CircuitGraph;

/**
 * The canonical topology of a circuit: which element kinds (the joint R/C/L class) connect which
 * nodes of its reduced form ({@link CanonicalForm}), up to renaming the internal nodes, with GND,
 * VIN and VOUT fixed; element values are ignored. Equal signatures mean isomorphic reduced graphs,
 * exactly, not by a hash: the key is the adjacency in canonical order.
 *
 * <p>The {@link #key()} is readable, e.g. {@code C(0,vout) R(vin,vout)} or {@code R(0,vout)
 * L(vin,n1) C(vout,n1)}, with internal nodes renamed n1, n2, ... in canonical order; the pairs are
 * listed in canonical order. {@link #exact} forms, which skip the reduction, count isolated
 * internal nodes at the end.
 */
public final class TopologySignature implements Comparable<TopologySignature> {
  private final String key;
  private final int internalNodes;
  private final int edges;

  TopologySignature(String key, int internalNodes, int edges) {
    this.key = key;
    this.internalNodes = internalNodes;
    this.edges = edges;
  }

  /** The signature of the reduced circuit: what novelty, dedup and splits compare. */
  public static TopologySignature of(Circuit circuit) {
    return CanonicalForm.of(circuit).signature();
  }

  public static TopologySignature of(CircuitGraph graph) {
    return CanonicalForm.of(graph).signature();
  }

  /**
   * The signature of the graph as it is, without reduction: for asking whether a decoder reproduced
   * a graph element for element.
   */
  public static TopologySignature exact(CircuitGraph graph) {
    return CanonicalForm.exact(graph).signature();
  }

  public static TopologySignature exact(Circuit circuit) {
    return CanonicalForm.exact(circuit).signature();
  }

  /** The readable canonical form; equal keys mean isomorphic topologies. */
  public String key() {
    return key;
  }

  /** Internal nodes that carry an element. */
  public int internalNodes() {
    return internalNodes;
  }

  /** Node pairs that carry at least one element. */
  public int edges() {
    return edges;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TopologySignature other && key.equals(other.key);
  }

  @Override
  public int hashCode() {
    return key.hashCode();
  }

  @Override
  public int compareTo(TopologySignature o) {
    return key.compareTo(o.key);
  }

  @Override
  public String toString() {
    return key;
  }
}
