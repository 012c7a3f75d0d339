package org.zged.fit;

import java.util.List;

/**
 * A circuit with every value taken from preferred-number series, with its verification and the
 * per-element table against the ideal (continuous) fit.
 */
public record SnapResult(
    ESeries series, ESeries resistorSeries, FitResult result, List<SnappedValue> table) {}
