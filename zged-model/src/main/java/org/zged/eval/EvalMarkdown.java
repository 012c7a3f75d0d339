package org.zged.eval;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.zged.circuit.EdgeClass;

/** The human-readable eval.md of a {@link EvalReport}. */
public final class EvalMarkdown {
  /** Novel topologies listed in the markdown (all of them are in eval.json). */
  static final int MAX_LISTED = 30;

  private EvalMarkdown() {}

  /**
   * @param plots file names of the plots written next to eval.md (may be empty)
   */
  public static String render(EvalReport r, List<String> plots) {
    StringBuilder s = new StringBuilder();
    s.append("# zged eval\n\n");
    s.append(
        String.format(
            Locale.ROOT,
            "Model: %s. Data: %s, split %s (%d circuits). Parameters: %s. Run time %.1f s.%n%n",
            r.model(),
            r.data(),
            r.split(),
            r.circuits(),
            r.parameters().getOrDefault("total", -1L),
            r.seconds()));
    s.append("## Reconstruction (encode → μ → argmax decode)\n\n");
    s.append("| metric | value |\n|---|---|\n");
    row(s, "node-type accuracy (role-anchored slots)", pct(r.nodeTypeAccuracy()));
    row(s, "joint edge-class accuracy (all slot pairs)", pct(r.edgeClassAccuracy()));
    row(s, "component-type accuracy (true edges)", pct(r.componentTypeAccuracy()));
    row(s, "edge-count match", pct(r.edgeCountMatch()));
    row(s, "VIN connectivity (VIN joined to GND)", pct(r.vinConnectivity()));
    row(s, "VOUT connectivity (VOUT joined to VIN)", pct(r.voutConnectivity()));
    row(
        s,
        "exact canonical topology match (reduced, isomorphism, terminals fixed)",
        pct(r.topologyMatch()));
    if (!Double.isNaN(r.topologyMatchConsistent())) {
      row(
          s,
          "the same, decoded by agreement with the encoder (samples re-encoded, nearest z_topology)",
          pct(r.topologyMatchConsistent()));
    }
    s.append("\nPer-class accuracy (recall of the true class):\n\n| class |");
    for (EdgeClass c : EdgeClass.values()) {
      s.append(' ').append(c.name()).append(" |");
    }
    s.append("\n|---|");
    s.append("---|".repeat(EdgeClass.COUNT));
    s.append("\n| accuracy |");
    for (EdgeClass c : EdgeClass.values()) {
      s.append(' ').append(pct(r.perClassAccuracy().get(c.name()))).append(" |");
    }
    s.append(
        "\n\nConfusion matrix (rows: true class, columns: decoded class, counts):\n\n| true \\ decoded |");
    for (EdgeClass c : EdgeClass.values()) {
      s.append(' ').append(c.name()).append(" |");
    }
    s.append("\n|---|").append("---|".repeat(EdgeClass.COUNT)).append('\n');
    for (EdgeClass t : EdgeClass.values()) {
      s.append("| ").append(t.name()).append(" |");
      for (long v : r.confusion()[t.ordinal()]) {
        s.append(' ').append(v).append(" |");
      }
      s.append('\n');
    }
    s.append(
        "\nValue error |Δlog10| per element kind (edges where truth and decode both have it):\n\n");
    s.append("| kind | n | median | p95 |\n|---|---|---|---|\n");
    for (Map.Entry<String, EvalReport.ValueError> e : r.valueError().entrySet()) {
      s.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %s | %s |%n",
              e.getKey(),
              e.getValue().count(),
              num(e.getValue().median()),
              num(e.getValue().p95())));
    }
    s.append("\n## Latent space (μ)\n\n");
    s.append(
        String.format(
            Locale.ROOT,
            "Labels: canonical topology. %d distinct topologies in the split; the %d circuits of"
                + " the %d topologies with at least two circuits are scored (k-means k = %d).%n%n",
            r.topologies(),
            r.groupedCircuits(),
            r.groupedTopologies(),
            r.groupedTopologies()));
    s.append(
        "| latent group | dims | silhouette (topology labels) | k-means purity |\n"
            + "|---|---|---|---|\n");
    int dims =
        r.latentGroups().values().stream().mapToInt(EvalReport.LatentGroup::toDim).max().orElse(0);
    s.append(
        String.format(
            Locale.ROOT, "| all | 0–%d | %s | %s |%n", dims, num(r.silhouette()), pct(r.purity())));
    for (Map.Entry<String, EvalReport.LatentGroup> e : r.latentGroups().entrySet()) {
      EvalReport.LatentGroup g = e.getValue();
      s.append(
          String.format(
              Locale.ROOT,
              "| %s | %d–%d | %s | %s |%n",
              e.getKey(),
              g.fromDim(),
              g.toDim(),
              num(g.silhouette()),
              pct(g.purity())));
    }
    s.append(
        String.format(
            Locale.ROOT,
            "%nTransfer-function head: pole Chamfer %s, zero Chamfer %s (squared distances in the"
                + " normalised root plane).%n%nSpearman(latent distance, graph edit distance) = %s"
                + " over %d pairs.%n",
            num(r.poleChamfer()),
            num(r.zeroChamfer()),
            num(r.gedSpearman()),
            r.gedPairs()));
    s.append(
        String.format(
            Locale.ROOT,
            "%nLatent swap test: decoding [z_topology(A), z_values(B), z_tf(B)] for %d pairs of"
                + " circuits with different topologies kept A's canonical topology in %s.%n",
            r.latentSwap().pairs(),
            pct(r.latentSwap().topologyKept())));
    if (!Double.isNaN(r.latentSwap().topologyKeptConsistent())) {
      s.append(
          String.format(
              Locale.ROOT,
              "Decoded by agreement with the encoder, the swapped latents kept it in %s.%n",
              pct(r.latentSwap().topologyKeptConsistent())));
    }
    EvalReport.Prior p = r.prior();
    if (p != null) {
      s.append("\n## Generative protocol (prior)\n\n");
      s.append(
          String.format(
              Locale.ROOT,
              "%d latents z ~ N(0, I), each decoded %d times at temperature %s.%n%n",
              p.samples(),
              p.decodesPerSample(),
              num(p.temperature())));
      s.append("| metric | value |\n|---|---|\n");
      row(s, "structural validity (constrained decoder)", pct(p.validity()));
      row(s, "raw validity (network alone, no constraints)", pct(p.rawValidity()));
      row(s, "electrical validity", pct(p.electricalValidity()));
      row(
          s,
          "electrically invalid decodes by reason",
          p.electricalFailures().isEmpty() ? "none" : p.electricalFailures().toString());
      row(s, "uniqueness (distinct valid topologies / valid decodes)", pct(p.uniqueness()));
      row(
          s,
          "novelty (distinct valid topologies not in training / distinct valid)",
          pct(p.novelty()));
      row(s, "distinct valid topologies", Integer.toString(p.distinctValidTopologies()));
      if (!p.novelTopologies().isEmpty()) {
        s.append(
            "\nNovel valid topologies:\n\n| topology | decodes | response classes | example |\n|---|---|---|---|\n");
        List<EvalReport.NovelTopology> shown =
            p.novelTopologies().subList(0, Math.min(MAX_LISTED, p.novelTopologies().size()));
        for (EvalReport.NovelTopology t : shown) {
          s.append(
              String.format(
                  Locale.ROOT,
                  "| `%s` | %d | %s | `%s` |%n",
                  t.signature(),
                  t.count(),
                  t.responseClasses(),
                  t.example()));
        }
        if (shown.size() < p.novelTopologies().size()) {
          s.append(
              String.format(
                  Locale.ROOT,
                  "%n(%d more in eval.json.)%n",
                  p.novelTopologies().size() - shown.size()));
        }
      }
    }
    if (!plots.isEmpty()) {
      s.append("\n## Plots\n\n");
      for (String p2 : plots) {
        s.append("![").append(p2).append("](").append(p2).append(")\n\n");
      }
    }
    return s.toString();
  }

  private static void row(StringBuilder s, String name, String value) {
    s.append("| ").append(name).append(" | ").append(value).append(" |\n");
  }

  static String pct(Double v) {
    return v == null || !Double.isFinite(v)
        ? "n/a"
        : String.format(Locale.ROOT, "%.2f %%", 100 * v);
  }

  static String num(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4g", v) : "n/a";
  }
}
