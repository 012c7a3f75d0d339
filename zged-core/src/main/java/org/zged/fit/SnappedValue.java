package org.zged.fit;

import org.zged.circuit.ElementKind;

/** One row of the ideal / snapped / error table: {@code error} = snapped/ideal − 1. */
public record SnappedValue(
    String name, ElementKind kind, double ideal, double snapped, double error) {}
