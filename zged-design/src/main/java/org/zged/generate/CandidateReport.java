package org.zged.generate;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;
import org.zged.fit.ToleranceReport;

/**
 * One returned circuit, verified by the exact analysis. {@code error} holds the relative error of
 * each targeted spec ({@code {"fc": 0.0004, "q": 0.001}}); {@code source} says where the topology
 * came from: {@code vae-blend} (the decoded blend of the nearest references' latents), {@code
 * vae-neighbour} (one reference's latent decoded), {@code vae-sample} (a temperature sample around
 * the blend), {@code vae-tf} (pole/zero targets: the encoded transfer function) or {@code
 * closed-form} (a known family's design, used only when no decoded topology meets the target),
 * {@code vae-cem} (the latent-space search over the topology part of z), {@code evolutionary}
 * (graph mutation and crossover of what the other sources found) or {@code random} (a random
 * canonical topology, benchmark only). {@code parts} counts the elements. {@code family} names the
 * dataset family with this topology (null for a novel topology). For a mask, {@code margins_db}
 * holds each band's exact margin in dB in the order of the target's {@code mask.bands} (negative:
 * the band is missed by that much), {@code margin_at_hz} where each band is tightest; {@code
 * classical} (the envelope's ladder) and {@code ladder} (the same ladder among the templates) are
 * further sources.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CandidateReport(
    int rank,
    String source,
    int parts,
    String topology,
    String family,
    boolean meetsTarget,
    boolean inRange,
    List<String> rangeViolations,
    String netlist,
    List<ElementReport> elements,
    AchievedSpecs achieved,
    Map<String, Double> error,
    List<double[]> poles,
    List<double[]> zeros,
    Double chamferBefore,
    Double chamferAfter,
    SnapReport eSeries,
    ToleranceReport tolerance,
    List<Double> marginsDb,
    List<Double> marginAtHz) {}
