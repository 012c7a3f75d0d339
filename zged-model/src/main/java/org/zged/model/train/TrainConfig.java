package org.zged.model.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.zged.InputException;
import org.zged.model.ModelConfig;
import org.zged.model.loss.LossWeights;

/**
 * A training run's configuration, read from YAML with a closed schema: every key below is required,
 * any other key is an error naming it, and every value is range-checked by name before anything is
 * allocated or written (integers exactly, numbers finite; the bounds are listed in docs/limits.md).
 *
 * <pre>
 * seed, data.preset (seed|full|open), model.{max_nodes, hidden, message_layers, topology_dims,
 * value_dims, tf_dims, tokens_per_part, token_dim, decoder_hidden, max_poles, max_zeros},
 * decoder.{edge_head, gumbel, temperature_start, temperature_end},
 * loss.{reconstruction, transfer_function, kl, kl_warmup_epochs, connectivity, no_edge_weight},
 * training.{epochs, batch_size, learning_rate, grad_clip}
 * </pre>
 *
 * <p>Optional: {@code training.final_learning_rate} — when present the step size follows a
 * half-cosine from {@code learning_rate} at the first optimiser step to this value at the last one
 * (without it the rate is constant). Left out of {@link #toMap} when absent, so the files of
 * configs without it are unchanged.
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
    double gradClip,
    double finalLearningRate) {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** Largest batch: with {@link #MAX_BATCH_CELLS} it bounds the decoder's pair tensors. */
  public static final int MAX_BATCH = 1024;

  /** batch_size × max_nodes² × decoder_hidden, the size of one pair activation, at most. */
  public static final long MAX_BATCH_CELLS = 1L << 25;

  public static final int MAX_EPOCHS = 100_000;

  /** {@link #finalLearningRate} when the config has no schedule: a constant rate. */
  public static final double NO_SCHEDULE = Double.NaN;

  /** Loss weights, gradient clip: beyond this a value is a typo, not a setting. */
  public static final double MAX_WEIGHT = 1e6;

  public static TrainConfig load(Path file) {
    return parse(ConfigYaml.read(file), file.toString());
  }

  public static TrainConfig parse(String yaml, String where) {
    return parse(ConfigYaml.parse(yaml, where), where);
  }

  static TrainConfig parse(JsonNode root, String where) {
    StrictNode top = new StrictNode(root, where, "");
    long seed = top.integer("seed", Long.MIN_VALUE, Long.MAX_VALUE);
    StrictNode data = top.section("data");
    String preset = data.text("preset");
    if (!preset.equals("seed") && !preset.equals("full") && !preset.equals("open")) {
      throw data.bad("preset", "must be 'seed', 'full' or 'open', got '" + preset + "'");
    }
    data.finish();

    StrictNode m = top.section("model");
    StrictNode d = top.section("decoder");
    ModelConfig model;
    try {
      model =
          new ModelConfig(
              size(m, "max_nodes", ModelConfig.MIN_NODES),
              size(m, "hidden", 1),
              size(m, "message_layers", 1),
              size(m, "topology_dims", 1),
              size(m, "value_dims", 1),
              size(m, "tf_dims", 1),
              size(m, "tokens_per_part", 1),
              size(m, "token_dim", 1),
              size(m, "decoder_hidden", 1),
              size(m, "max_poles", 1),
              size(m, "max_zeros", 1),
              d.text("edge_head"),
              m.optionalText("node_order"),
              m.optionalText("topology_readout"),
              d.optionalText("edge_path"),
              d.optionalText("value_path"));
    } catch (InputException e) {
      if (e.getMessage().startsWith(where)) {
        throw e;
      }
      throw new InputException(where, e.getMessage());
    }
    m.finish();
    boolean gumbel = d.bool("gumbel");
    double t0 = d.number("temperature_start", 1e-3, 100);
    double t1 = d.number("temperature_end", 1e-3, 100);
    d.finish();

    StrictNode l = top.section("loss");
    double recon = l.number("reconstruction", 0, MAX_WEIGHT);
    double tf = l.number("transfer_function", 0, MAX_WEIGHT);
    double kl = l.number("kl", 0, MAX_WEIGHT);
    int warm = l.integer("kl_warmup_epochs", 0, MAX_EPOCHS);
    double conn = l.number("connectivity", 0, MAX_WEIGHT);
    double noEdge = l.number("no_edge_weight", 0, MAX_WEIGHT);
    l.finish();

    StrictNode t = top.section("training");
    int epochs = t.integer("epochs", 1, MAX_EPOCHS);
    int batch = t.integer("batch_size", 1, MAX_BATCH);
    long cells = (long) batch * model.maxNodes() * model.maxNodes() * model.decoderHidden();
    if (cells > MAX_BATCH_CELLS) {
      throw t.bad(
          "batch_size",
          "batch_size × max_nodes² × decoder_hidden = "
              + cells
              + ", the limit is "
              + MAX_BATCH_CELLS);
    }
    double lr = t.positive("learning_rate", 1.0);
    double clip = t.number("grad_clip", 0, MAX_WEIGHT);
    double finalLr =
        t.has("final_learning_rate") ? t.positive("final_learning_rate", 1.0) : NO_SCHEDULE;
    t.finish();
    top.finish();
    return new TrainConfig(
        seed, preset, model, gumbel, t0, t1, recon, tf, kl, warm, conn, noEdge, epochs, batch, lr,
        clip, finalLr);
  }

  private static int size(StrictNode m, String key, int min) {
    return m.integer(key, min, ModelConfig.MAX.get(key));
  }

  public TrainConfig withSeed(long newSeed) {
    return copy(newSeed, epochs);
  }

  public TrainConfig withEpochs(int newEpochs) {
    return copy(seed, newEpochs);
  }

  private TrainConfig copy(long newSeed, int newEpochs) {
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
        newEpochs,
        batchSize,
        learningRate,
        gradClip,
        finalLearningRate);
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

  /** Whether the learning rate follows a schedule ({@code training.final_learning_rate} given). */
  public boolean hasSchedule() {
    return !Double.isNaN(finalLearningRate);
  }

  /**
   * Step size of optimiser step {@code step} of {@code totalSteps}: constant, or a half-cosine from
   * {@code learning_rate} (first step) to {@code final_learning_rate} (last step). It is a function
   * of the global step alone, so a resumed run continues the same curve.
   */
  public double learningRate(long step, long totalSteps) {
    if (!hasSchedule() || totalSteps <= 1) {
      return learningRate;
    }
    double f = Math.min(1.0, Math.max(0.0, (double) step / (totalSteps - 1)));
    return finalLearningRate
        + (learningRate - finalLearningRate) * 0.5 * (1 + Math.cos(Math.PI * f));
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
    // The open-space options appear only when set, so the default configs' files stay as they were.
    if (model.nodeOrder() != null) {
      m.put("node_order", model.nodeOrder());
    }
    if (model.topologyReadout() != null) {
      m.put("topology_readout", model.topologyReadout());
    }
    root.put("model", m);
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("edge_head", model.edgeHead());
    if (model.edgePath() != null) {
      d.put("edge_path", model.edgePath());
    }
    if (model.valuePath() != null) {
      d.put("value_path", model.valuePath());
    }
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
    if (hasSchedule()) {
      t.put("final_learning_rate", finalLearningRate);
    }
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
}
