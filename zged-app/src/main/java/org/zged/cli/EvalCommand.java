package org.zged.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.zged.InputException;
import org.zged.dataset.Dataset;
import org.zged.dataset.DatasetReader;
import org.zged.dataset.Datasets;
import org.zged.dataset.Split;
import org.zged.eval.EvalJson;
import org.zged.eval.EvalMarkdown;
import org.zged.eval.EvalReport;
import org.zged.eval.ModelEvaluator;
import org.zged.generate.SpecGenerator;
import org.zged.generate.UsefulNovelty;
import org.zged.model.DjlEnvironment;
import org.zged.model.ZgedModel;
import org.zged.plot.ConfusionHeatmap;
import org.zged.plot.LatentPcaPlot;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code zged eval}: reconstruction, latent-space, TF-head and prior metrics of a model. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = {
      "Evaluate a model: reconstruction, latent space, transfer-function head, latent vs graph",
      "edit distance, and the generative protocol on the prior (see docs/evaluation.md)."
    })
public final class EvalCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--model",
      paramLabel = "FILE",
      description = "Model or checkpoint file (default: the shipped model).")
  Path modelFile;

  @Option(
      names = "--data",
      paramLabel = "FILE",
      description = "Dataset file (default: the --preset, regenerated in memory).")
  Path dataFile;

  @Option(
      names = "--preset",
      paramLabel = "PRESET",
      description =
          "seed, full or open: the preset regenerated in memory when no --data is given"
              + " (default: full; open takes minutes, prefer a file from zged dataset).")
  String preset;

  @Option(
      names = "--split",
      paramLabel = "SPLIT",
      defaultValue = "test",
      description =
          "train, val, test, test_unseen (the open preset's held-out topologies) or all"
              + " (default: ${DEFAULT-VALUE}).")
  String split;

  @Option(names = "--json", description = "Print one JSON object instead of the text summary.")
  boolean json;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Also write eval.md, eval.json and the plots into DIR.")
  Path out;

  @Option(
      names = "--temperature",
      paramLabel = "T",
      defaultValue = "1.0",
      description = "Sampling temperature of the prior decodes (default: ${DEFAULT-VALUE}).")
  double temperature;

  @Option(
      names = "--prior-samples",
      paramLabel = "N",
      defaultValue = "1000",
      description = "Latents drawn from N(0, I); 0 skips the protocol (default: ${DEFAULT-VALUE}).")
  int priorSamples;

  @Option(
      names = "--decodes",
      paramLabel = "N",
      defaultValue = "10",
      description = "Sampled decodes per prior latent (default: ${DEFAULT-VALUE}).")
  int decodes;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "42",
      description =
          "Seed of the prior draws, k-means and the GED subsample (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--novelty-targets",
      paramLabel = "N",
      defaultValue = "60",
      description =
          "Out-of-template targets for novel_useful_topologies (novel canonical topologies that"
              + " meet a target no template meets); 0 skips (default: ${DEFAULT-VALUE}).")
  int noveltyTargets;

  @Option(
      names = "--consistency-samples",
      paramLabel = "N",
      defaultValue = "0",
      description =
          "Also decode each latent by agreement with the encoder: N samples at T = 0.6 beside the"
              + " argmax decode, the one whose re-encoded topology latent is nearest kept"
              + " (topology_match_consistent, latent_swap.topology_kept_consistent); costs 1 + N"
              + " decodes and encodes per circuit; 0 skips (default: ${DEFAULT-VALUE}; the"
              + " documented figures use 16).")
  int consistencySamples;

  @Option(
      names = "--novelty-candidates",
      paramLabel = "N",
      defaultValue = "5",
      description =
          "Candidates the pipeline returns per novelty target (1..50); every returned candidate"
              + " that meets is counted, so more candidates let the search go on after the"
              + " first few (default: ${DEFAULT-VALUE}).")
  int noveltyCandidates;

  @Override
  public void run() {
    Split chosen = parseSplit(split);
    if (preset != null && dataFile != null) {
      throw new InputException("--preset", "give either --preset or --data, not both");
    }
    org.zged.dataset.Preset chosenPreset;
    try {
      chosenPreset = org.zged.dataset.Preset.parse(preset == null ? "full" : preset);
    } catch (IllegalArgumentException ex) {
      throw new InputException("--preset", ex.getMessage());
    }
    if (priorSamples < 0) {
      throw new InputException("--prior-samples", "must be >= 0, got " + priorSamples);
    }
    if (noveltyTargets < 0 || noveltyTargets > 10_000) {
      throw new InputException("--novelty-targets", "must be 0..10000, got " + noveltyTargets);
    }
    if (noveltyCandidates < 1 || noveltyCandidates > 50) {
      throw new InputException(
          "--novelty-candidates", "must be between 1 and 50, got " + noveltyCandidates);
    }
    if (consistencySamples < 0 || consistencySamples > 256) {
      throw new InputException(
          "--consistency-samples", "must be 0..256, got " + consistencySamples);
    }
    if (decodes < 1) {
      throw new InputException("--decodes", "must be >= 1, got " + decodes);
    }
    if (out != null && Files.exists(out) && !Files.isDirectory(out)) {
      throw new InputException("--out", out + " exists and is not a folder");
    }
    DjlEnvironment.prepare();
    try (ZgedModel model =
        modelFile == null ? ZgedModel.loadDefault() : ZgedModel.load(modelFile)) {
      // After the model: a bad model file fails before the data is generated.
      Dataset data = dataFile == null ? Datasets.of(chosenPreset) : DatasetReader.read(dataFile);
      ModelEvaluator.Evaluation e =
          ModelEvaluator.builder()
              .setModel(model)
              .setData(data)
              .optSplit(chosen)
              .optNames(
                  modelFile == null ? "shipped model" : modelFile.toString(),
                  dataFile == null ? chosenPreset.id() + " preset" : dataFile.toString())
              .optPriorSamples(priorSamples)
              .optDecodesPerSample(decodes)
              .optTemperature(temperature)
              .optConsistencySamples(consistencySamples)
              .optSeed(seed)
              .optProgress(msg -> stderr().println("eval: " + msg))
              .build()
              .run();
      UsefulNovelty.Result novel =
          noveltyTargets == 0 ? null : usefulNovelty(model, data, noveltyTargets, seed);
      if (out != null) {
        writeOutputs(e, novel);
      }
      stdout()
          .println(
              json
                  ? withNovelty(EvalJson.write(e.report()), novel)
                  : summary(e.report()) + novelty(novel));
    }
  }

  /**
   * Novel canonical topologies (absent from the training split) meeting out-of-template targets.
   */
  private UsefulNovelty.Result usefulNovelty(ZgedModel model, Dataset data, int n, long seed) {
    stderr().println("eval: novel useful topologies on " + n + " out-of-template targets");
    // TopologySignature is the canonical form after reduction (series/parallel merges, parts
    // across the ideal source dropped), the same form the candidates' topologies are given in.
    java.util.Set<String> train = new java.util.HashSet<>();
    for (var r : data.records()) {
      if (r.split() == Split.TRAIN) {
        train.add(org.zged.graph.TopologySignature.of(r.circuit()).key());
      }
    }
    // The pipeline as `zged generate` runs it, with the model's own reference set (the open
    // preset's train split for an open-space model): the evaluated data holds the test_unseen
    // circuits the targets come from, which must not be neighbours.
    SpecGenerator gen = SpecGenerator.builder().setModel(model).build();
    return UsefulNovelty.count(gen, train, n, 2000, noveltyCandidates, seed);
  }

  private static String withNovelty(String json, UsefulNovelty.Result novel) {
    if (novel == null) {
      return json;
    }
    try {
      var mapper =
          new com.fasterxml.jackson.databind.ObjectMapper()
              .enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT);
      var j = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(json);
      j.put("novel_useful_topologies", novel.count());
      var list = j.putArray("novel_useful_topology_list");
      for (UsefulNovelty.Found f : novel.topologies()) {
        list.addObject()
            .put("topology", f.topology())
            .put("source", f.source())
            .put("target", f.target());
      }
      return mapper.writeValueAsString(j);
    } catch (java.io.IOException ex) {
      throw new IllegalStateException(ex);
    }
  }

  private static String novelty(UsefulNovelty.Result novel) {
    return novel == null
        ? ""
        : String.format(
            java.util.Locale.ROOT,
            "%nnovel useful topologies: %d (canonical, not in the training split, each meeting one of"
                + " %d out-of-template targets no template meets; budget %d analyses)",
            novel.count(),
            novel.targets(),
            novel.budget());
  }

  static Split parseSplit(String s) {
    if (s.equalsIgnoreCase("all")) {
      return null;
    }
    try {
      return Split.parse(s);
    } catch (IllegalArgumentException ex) {
      throw new InputException(
          "--split", "expected train, val, test, test_unseen or all, got '" + s + "'");
    }
  }

  private void writeOutputs(ModelEvaluator.Evaluation e, UsefulNovelty.Result novel) {
    try {
      Files.createDirectories(out);
    } catch (IOException ex) {
      throw new InputException("--out", "cannot create " + out + ": " + ex.getMessage());
    }
    EvalReport r = e.report();
    List<LatentPcaPlot.Panel> panels = new ArrayList<>();
    panels.add(new LatentPcaPlot.Panel("all " + e.mu()[0].length + " dims", e.mu()));
    r.latentGroups()
        .forEach(
            (name, g) ->
                panels.add(
                    new LatentPcaPlot.Panel(
                        name + " z[" + g.fromDim() + ":" + g.toDim() + "]",
                        e.latentGroup(g.fromDim(), g.toDim()))));
    List<String> plots = List.of("latent-pca.png", "confusion.png");
    new OutputFiles()
        .add(
            "--out",
            out.resolve("eval.json"),
            withNovelty(EvalJson.write(r), novel).getBytes(StandardCharsets.UTF_8))
        .add(
            "--out",
            out.resolve("eval.md"),
            EvalMarkdown.render(r, plots).getBytes(StandardCharsets.UTF_8))
        .add(
            "--out",
            out.resolve("latent-pca.png"),
            LatentPcaPlot.png(panels, e.familyLabels(), e.familyNames()))
        .add(
            "--out",
            out.resolve("confusion.png"),
            ConfusionHeatmap.png(r.confusion(), "joint edge class, " + r.split() + " split"))
        .commit();
    stderr().println("eval: wrote " + out.resolve("eval.md") + " and plots");
  }

  static String summary(EvalReport r) {
    StringBuilder s = new StringBuilder();
    s.append(
        String.format(
            Locale.ROOT,
            "%s on %s, split %s: %d circuits (%.1f s)%n",
            r.model(),
            r.data(),
            r.split(),
            r.circuits(),
            r.seconds()));
    line(s, "node-type accuracy", r.nodeTypeAccuracy());
    line(s, "edge-class accuracy", r.edgeClassAccuracy());
    line(s, "component-type accuracy", r.componentTypeAccuracy());
    line(s, "edge-count match", r.edgeCountMatch());
    line(s, "VIN connectivity", r.vinConnectivity());
    line(s, "VOUT connectivity", r.voutConnectivity());
    line(s, "canonical topology match", r.topologyMatch());
    line(s, "  without the decoder's rules", r.topologyMatchRaw());
    if (!Double.isNaN(r.topologyMatchConsistent())) {
      line(s, "  decoded by agreement with the encoder", r.topologyMatchConsistent());
    }
    line(s, "swap: topology kept", r.latentSwap().topologyKept());
    if (!Double.isNaN(r.latentSwap().topologyKeptConsistent())) {
      line(s, "  decoded by agreement with the encoder", r.latentSwap().topologyKeptConsistent());
    }
    s.append(
        String.format(
            Locale.ROOT,
            "latent space by canonical topology (%d circuits of %d topologies with 2+ circuits;"
                + " %d topologies in the split):%n",
            r.groupedCircuits(),
            r.groupedTopologies(),
            r.topologies()));
    s.append(
        String.format(
            Locale.ROOT,
            "  %-24s silhouette %6.3f, purity %6.2f %%%n",
            "all dims",
            r.silhouette(),
            100 * r.purity()));
    r.latentGroups()
        .forEach(
            (name, g) ->
                s.append(
                    String.format(
                        Locale.ROOT,
                        "  %-24s silhouette %6.3f, purity %6.2f %%%n",
                        name + " z[" + g.fromDim() + ":" + g.toDim() + "]",
                        g.silhouette(),
                        100 * g.purity())));
    s.append(
        String.format(
            Locale.ROOT,
            "pole Chamfer %.4f, zero Chamfer %.4f; GED Spearman %.3f%n",
            r.poleChamfer(),
            r.zeroChamfer(),
            r.gedSpearman()));
    if (r.prior() != null) {
      EvalReport.Prior p = r.prior();
      s.append(
          String.format(
              Locale.ROOT,
              "prior (%d × %d at T=%.2f): validity %.2f %% (unconstrained network: %.2f %%),"
                  + " electrical %.2f %%, uniqueness %.2f %%,"
                  + " novelty %.2f %%, %d novel topologies%n",
              p.samples(),
              p.decodesPerSample(),
              p.temperature(),
              100 * p.validity(),
              100 * p.rawValidity(),
              100 * p.electricalValidity(),
              100 * p.uniqueness(),
              100 * p.novelty(),
              p.novelTopologies().size()));
    }
    return s.toString().stripTrailing();
  }

  private static void line(StringBuilder s, String name, double v) {
    s.append(String.format(Locale.ROOT, "  %-24s %7.2f %%%n", name, 100 * v));
  }

  private java.io.PrintWriter stdout() {
    return spec.commandLine().getOut();
  }

  private java.io.PrintWriter stderr() {
    return spec.commandLine().getErr();
  }
}
