package org.zged.model.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.zged.InputException;
import org.zged.model.ModelConfig;
import org.zged.model.loss.LossWeights;

/**
 * A training run's configuration, read from YAML with a closed schema: every key below is required
 * and any other key is an error naming it.
 *
 * <pre>
 * seed, data.preset (seed|full), model.{max_nodes, hidden, message_layers, topology_dims,
 * value_dims, tf_dims, tokens_per_part, token_dim, decoder_hidden, max_poles, max_zeros},
 * decoder.{edge_head, gumbel, temperature_start, temperature_end},
 * loss.{reconstruction, transfer_function, kl, kl_warmup_epochs, connectivity, no_edge_weight},
 * training.{epochs, batch_size, learning_rate, grad_clip}
 * </pre>
 */
public record TrainConfig(
    long seed,
    String preset,
    ModelConfig model,
    boolean gumbel,
    double temperatureStart,
    double temperatureEnd,
    double reconstruction,
    double transferFunction,
    double kl,
    int klWarmupEpochs,
    double connectivity,
    double noEdgeWeight,
    int epochs,
    int batchSize,
    double learningRate,
    double gradClip) {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  public static TrainConfig load(Path file) {
    String where = file.toString();
    if (!Files.isRegularFile(file)) {
      throw new InputException(where, "no such file");
    }
    JsonNode root;
    try {
      root = YAML.readTree(file.toFile());
    } catch (IOException e) {
      throw new InputException(where, "not valid YAML: " + firstLine(e.getMessage()));
    }
    return parse(root, where);
  }

  public static TrainConfig parse(String yaml, String where) {
    try {
      return parse(YAML.readTree(yaml), where);
    } catch (IOException e) {
      throw new InputException(where, "not valid YAML: " + firstLine(e.getMessage()));
    }
  }

  static TrainConfig parse(JsonNode root, String where) {
    StrictNode top = new StrictNode(root, where, "");
    long seed = top.integer("seed");
    StrictNode data = top.section("data");
    String preset = data.text("preset");
    if (!preset.equals("seed") && !preset.equals("full")) {
      throw data.bad("preset", "must be 'seed' or 'full', got '" + preset + "'");
    }
    data.finish();

    StrictNode m = top.section("model");
    StrictNode d = top.section("decoder");
    ModelConfig model;
    try {
      model =
          new ModelConfig(
              m.integer("max_nodes"),
              m.integer("hidden"),
              m.integer("message_layers"),
              m.integer("topology_dims"),
              m.integer("value_dims"),
              m.integer("tf_dims"),
              m.integer("tokens_per_part"),
              m.integer("token_dim"),
              m.integer("decoder_hidden"),
              m.integer("max_poles"),
              m.integer("max_zeros"),
              d.text("edge_head"));
    } catch (InputException e) {
      if (e.getMessage().startsWith(where)) {
        throw e;
      }
      throw new InputException(where, e.getMessage());
    }
    m.finish();
    boolean gumbel = d.bool("gumbel");
    double t0 = d.number("temperature_start");
    double t1 = d.number("temperature_end");
    if (!(t0 > 0) || !(t1 > 0)) {
      throw d.bad("temperature_start", "temperatures must be > 0");
    }
    d.finish();

    StrictNode l = top.section("loss");
    double recon = nonNegative(l, "reconstruction");
    double tf = nonNegative(l, "transfer_function");
    double kl = nonNegative(l, "kl");
    int warm = l.integer("kl_warmup_epochs");
    if (warm < 0) {
      throw l.bad("kl_warmup_epochs", "must be >= 0");
    }
    double conn = nonNegative(l, "connectivity");
    double noEdge = nonNegative(l, "no_edge_weight");
    l.finish();

    StrictNode t = top.section("training");
    int epochs = t.integer("epochs");
    int batch = t.integer("batch_size");
    double lr = t.number("learning_rate");
    double clip = t.number("grad_clip");
    if (epochs <= 0) {
      throw t.bad("epochs", "must be > 0");
    }
    if (batch <= 0) {
      throw t.bad("batch_size", "must be > 0");
    }
    if (!(lr > 0)) {
      throw t.bad("learning_rate", "must be > 0");
    }
    if (!(clip >= 0)) {
      throw t.bad("grad_clip", "must be >= 0 (0 disables clipping)");
    }
    t.finish();
    top.finish();
    return new TrainConfig(
        seed, preset, model, gumbel, t0, t1, recon, tf, kl, warm, conn, noEdge, epochs, batch, lr,
        clip);
  }

  public TrainConfig withSeed(long newSeed) {
    return new TrainConfig(
        newSeed,
        preset,
        model,
        gumbel,
        temperatureStart,
        temperatureEnd,
        reconstruction,
        transferFunction,
        kl,
        klWarmupEpochs,
        connectivity,
        noEdgeWeight,
        epochs,
        batchSize,
        learningRate,
        gradClip);
  }

  public TrainConfig withEpochs(int newEpochs) {
    return new TrainConfig(
        seed,
        preset,
        model,
        gumbel,
        temperatureStart,
        temperatureEnd,
        reconstruction,
        transferFunction,
        kl,
        klWarmupEpochs,
        connectivity,
        noEdgeWeight,
        newEpochs,
        batchSize,
        learningRate,
        gradClip);
  }

  public LossWeights lossWeights() {
    return new LossWeights(
        reconstruction, transferFunction, kl, connectivity, noEdgeWeight, gumbel);
  }

  /** Gumbel temperature of an epoch: geometric annealing from start to end over the run. */
  public double temperature(int epoch) {
    if (epochs <= 1) {
      return temperatureEnd;
    }
    double f = (double) epoch / (epochs - 1);
    return temperatureStart * Math.pow(temperatureEnd / temperatureStart, f);
  }

  /** KL weight factor of an epoch: linear warm-up from 1/(w+1) to 1 over {@code klWarmupEpochs}. */
  public double klFactor(int epoch) {
    return klWarmupEpochs == 0 ? 1.0 : Math.min(1.0, (epoch + 1.0) / (klWarmupEpochs + 1.0));
  }

  /** The resolved config as the YAML mapping {@link #parse} reads. */
  public Map<String, Object> toMap() {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("seed", seed);
    root.put("data", Map.of("preset", preset));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("max_nodes", model.maxNodes());
    m.put("hidden", model.hidden());
    m.put("message_layers", model.messageLayers());
    m.put("topology_dims", model.topologyDims());
    m.put("value_dims", model.valueDims());
    m.put("tf_dims", model.tfDims());
    m.put("tokens_per_part", model.tokensPerPart());
    m.put("token_dim", model.tokenDim());
    m.put("decoder_hidden", model.decoderHidden());
    m.put("max_poles", model.maxPoles());
    m.put("max_zeros", model.maxZeros());
    root.put("model", m);
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("edge_head", model.edgeHead());
    d.put("gumbel", gumbel);
    d.put("temperature_start", temperatureStart);
    d.put("temperature_end", temperatureEnd);
    root.put("decoder", d);
    Map<String, Object> l = new LinkedHashMap<>();
    l.put("reconstruction", reconstruction);
    l.put("transfer_function", transferFunction);
    l.put("kl", kl);
    l.put("kl_warmup_epochs", klWarmupEpochs);
    l.put("connectivity", connectivity);
    l.put("no_edge_weight", noEdgeWeight);
    root.put("loss", l);
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("epochs", epochs);
    t.put("batch_size", batchSize);
    t.put("learning_rate", learningRate);
    t.put("grad_clip", gradClip);
    root.put("training", t);
    return root;
  }

  public String toYaml() {
    try {
      return YAML.writeValueAsString(toMap());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static double nonNegative(StrictNode n, String key) {
    double v = n.number(key);
    if (!(v >= 0)) {
      throw n.bad(key, "must be >= 0, got " + v);
    }
    return v;
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int i = s.indexOf('\n');
    return i < 0 ? s : s.substring(0, i);
  }
}
