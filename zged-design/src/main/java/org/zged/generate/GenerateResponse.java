package org.zged.generate;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * What {@code zged generate --json} prints and {@code POST /api/generate} returns: the target and
 * the candidates, best first. {@code diagnosis} is present when no candidate meets the target
 * within {@link SpecGenerator#ACCEPTANCE}: it says which part of the target is out of reach. {@code
 * analyses} counts the exact analyses the search spent.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GenerateResponse(
    TargetReport target,
    List<CandidateReport> candidates,
    String diagnosis,
    int topologiesTried,
    int analyses,
    double elapsedMs) {}
