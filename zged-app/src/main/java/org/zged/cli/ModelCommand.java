package org.zged.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.zged.InputException;
import org.zged.model.DjlEnvironment;
import org.zged.model.ModelConfig;
import org.zged.model.ZgedModel;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code zged model}: inspect model files. */
@Command(
    name = "model",
    mixinStandardHelpOptions = true,
    description = "Inspect model files.",
    subcommands = {ModelCommand.Info.class, ModelCommand.Export.class})
public final class ModelCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code zged model export CKPT OUT}: a checkpoint's weights as a plain model file. */
  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      description = {
        "Write a checkpoint's weights as a model file (no optimizer state or history).",
        "This is how the shipped model is made from runs/production/best.ckpt."
      })
  public static final class Export implements Runnable {
    @Parameters(index = "0", paramLabel = "CKPT", description = "Checkpoint or model file.")
    Path from;

    @Parameters(index = "1", paramLabel = "OUT", description = "Model file to write.")
    Path to;

    @Override
    public void run() {
      if (OutputFiles.isStdout(to)) {
        throw new InputException("OUT", "a model file cannot go to standard output; give a file");
      }
      OutputFiles.checkTarget("OUT", to, from);
      DjlEnvironment.prepare();
      try (ZgedModel model = ZgedModel.load(from)) {
        model.save(to);
      } catch (java.io.IOException e) {
        throw new InputException(to.toString(), "cannot write: " + e.getMessage());
      }
      System.out.printf(
          Locale.ROOT,
          "wrote %s (%,d parameters, %,d bytes)%n",
          to,
          model(to),
          to.toFile().length());
    }

    private static long model(Path p) {
      try (ZgedModel m = ZgedModel.load(p)) {
        return m.parameterCounts().get("total");
      }
    }
  }

  /** The provenance lines of {@code model info}: seed, dataset, commit, then the full config. */
  static void printProvenance(com.fasterxml.jackson.databind.JsonNode p) {
    if (p == null || p.isNull()) {
      System.out.println("provenance: not recorded (a model file written before zged kept it)");
      return;
    }
    var d = p.path("dataset");
    System.out.println("provenance:");
    System.out.println("  seed       " + p.path("seed").asText());
    System.out.printf(
        Locale.ROOT,
        "  dataset    %s (preset %s, %d train + %d validation circuits)%n",
        d.path("source").asText(),
        d.path("preset").asText(),
        d.path("train_circuits").asInt(),
        d.path("val_circuits").asInt());
    System.out.println("  sha256     " + d.path("sha256").asText());
    System.out.println("  commit     " + p.path("commit").asText());
    System.out.println("  training config:");
    try {
      String yaml =
          new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
              .writeValueAsString(p.path("config"));
      yaml.lines().filter(l -> !l.equals("---")).forEach(l -> System.out.println("    " + l));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** {@code zged model info [FILE] [--json]}: architecture, parameter counts, provenance. */
  @Command(
      name = "info",
      mixinStandardHelpOptions = true,
      description =
          "Architecture, parameter counts and provenance (training config, dataset hash and"
              + " preset, seed, source commit) of a model (default: the shipped model).")
  public static final class Info implements Runnable {
    @Parameters(
        arity = "0..1",
        paramLabel = "FILE",
        description = "Model or checkpoint file (default: the shipped model).")
    Path file;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Override
    public void run() {
      DjlEnvironment.prepare();
      try (ZgedModel model = file == null ? ZgedModel.loadDefault() : ZgedModel.load(file)) {
        ModelConfig cfg = model.config();
        Map<String, Long> counts = model.parameterCounts();
        String source = file == null ? "shipped model" : file.toString();
        if (json) {
          ObjectMapper mapper = new ObjectMapper();
          ObjectNode root = mapper.createObjectNode();
          root.put("source", source);
          root.set("parameters", mapper.valueToTree(counts));
          root.set("config", mapper.valueToTree(cfg));
          root.put("latent_dims", cfg.latentDims());
          root.set("provenance", model.provenance()); // null when not recorded
          System.out.println(root.toPrettyString());
          return;
        }
        System.out.println("model: " + source);
        System.out.printf(
            Locale.ROOT,
            "latent: %d-D = topology %d + values %d + transfer function %d%n",
            cfg.latentDims(),
            cfg.topologyDims(),
            cfg.valueDims(),
            cfg.tfDims());
        System.out.printf(
            Locale.ROOT,
            "encoder: %d impedance-aware message-passing layers, hidden %d; DeepSets pole/zero"
                + " encoder%n",
            cfg.messageLayers(),
            cfg.hidden());
        if (cfg.attention()) {
          System.out.printf(
              Locale.ROOT,
              "decoder: %d node slots, %s edge head, %d latent tokens of width %d, hidden %d%n",
              cfg.maxNodes(),
              cfg.edgeHead(),
              3 * cfg.tokensPerPart(),
              cfg.tokenDim(),
              cfg.decoderHidden());
        } else {
          System.out.printf(
              Locale.ROOT,
              "decoder: %d node slots, %s (hidden %d), per-edge values (width %d)%n",
              cfg.maxNodes(),
              cfg.sharedEdges()
                  ? "slot embeddings from z_topology and one edge MLP shared by every pair"
                  : "edge logits from z_topology",
              cfg.decoderHidden(),
              cfg.tokenDim());
        }
        if (cfg.canonicalOrder() || cfg.slotReadout()) {
          System.out.printf(
              Locale.ROOT,
              "slots: %s node order, %s topology readout%n",
              cfg.canonicalOrder() ? "canonical" : "graph",
              cfg.slotReadout() ? "per-slot" : "pooled");
        }
        System.out.printf(
            Locale.ROOT,
            "transfer-function head: %d pole and %d zero slots%n",
            cfg.maxPoles(),
            cfg.maxZeros());
        System.out.println("parameters:");
        counts.forEach((k, v) -> System.out.printf(Locale.ROOT, "  %-10s %,9d%n", k, v));
        printProvenance(model.provenance());
      }
    }
  }
}
