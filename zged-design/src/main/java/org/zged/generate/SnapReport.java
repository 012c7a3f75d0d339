package org.zged.generate;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;
import org.zged.fit.SnappedValue;

/**
 * The candidate moved onto preferred values: per element ideal / snapped / error, the specs of the
 * snapped circuit, their errors against the target and its netlist. {@code meetsTarget} is the
 * verdict of an exact analysis of the snapped values (target within 1 %, constraints kept).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SnapReport(
    String series,
    String resistorSeries,
    List<SnappedValue> table,
    List<ElementReport> elements,
    AchievedSpecs achieved,
    Map<String, Double> error,
    Double chamfer,
    String netlist,
    boolean meetsTarget) {}
