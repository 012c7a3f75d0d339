package org.zged.fit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import org.zged.circuit.ElementKind;

/**
 * One row of the ideal / snapped / error table: {@code error} = snapped/ideal − 1. A trim part (see
 * {@link ESeriesSnapper.Builder#optTrimAbove}) names the element it is in parallel with in {@code
 * parallelWith}; its {@code ideal} is that element's ideal value and its {@code error} the change
 * of the parallel combination.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SnappedValue(
    String name,
    ElementKind kind,
    double ideal,
    double snapped,
    double error,
    String parallelWith) {}
