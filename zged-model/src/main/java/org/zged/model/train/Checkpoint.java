package org.zged.model.train;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.zged.InputException;
import org.zged.model.ModelFile;
import org.zged.model.ZgedModel;

/**
 * A training checkpoint: a {@link ModelFile} whose header also carries the resolved training
 * config, the number of epochs done (the RNG position: every draw is seeded from seed, epoch and
 * step), the Adam step count, the best validation loss so far and the history; its sections hold
 * the parameters and the Adam moments. A checkpoint is also a valid model file for {@link
 * ZgedModel#load}.
 */
record Checkpoint(
    TrainConfig config,
    int epochsDone,
    long adamSteps,
    double bestValLoss,
    int bestEpoch,
    List<EpochStats> history,
    ModelFile file) {

  private static final ObjectMapper JSON = new ObjectMapper();

  Checkpoint(
      TrainConfig config,
      int epochsDone,
      long adamSteps,
      double bestValLoss,
      int bestEpoch,
      List<EpochStats> history) {
    this(config, epochsDone, adamSteps, bestValLoss, bestEpoch, List.copyOf(history), null);
  }

  void write(Path path, ZgedModel model, AdamOptimizer adam) throws IOException {
    ObjectNode header = ModelFile.newHeader(config.model());
    ObjectNode training = header.putObject("training");
    training.set("config", JSON.valueToTree(config.toMap()));
    training.put("epochs_done", epochsDone);
    training.put("adam_steps", adamSteps);
    training.put("best_val_loss", bestValLoss);
    training.put("best_epoch", bestEpoch);
    training.set("history", JSON.valueToTree(history));
    new ModelFile(header, Map.of("parameters", model.parameters(), "optimizer", adam.state()))
        .write(path);
  }

  /** Reads {@code path} for a resume with {@code expected}; the configs must agree key by key. */
  static Checkpoint read(Path path, TrainConfig expected) {
    String where = path.toString();
    if (!Files.isRegularFile(path)) {
      throw new InputException(where, "no checkpoint to resume from");
    }
    ModelFile f = ModelFile.read(path);
    JsonNode t = f.header().get("training");
    if (t == null) {
      throw new InputException(where, "a model file, not a training checkpoint");
    }
    JsonNode want = JSON.valueToTree(expected.toMap());
    String diff = firstDifference(want, t.get("config"), "");
    if (diff != null) {
      throw new InputException(where, "config differs from the checkpoint's at " + diff);
    }
    try {
      List<EpochStats> history =
          JSON.readerFor(new TypeReference<List<EpochStats>>() {}).readValue(t.get("history"));
      return new Checkpoint(
          expected,
          t.get("epochs_done").asInt(),
          t.get("adam_steps").asLong(),
          t.get("best_val_loss").asDouble(),
          t.get("best_epoch").asInt(),
          history,
          f);
    } catch (IOException | RuntimeException e) {
      throw new InputException(where, "corrupt training state: " + e.getMessage());
    }
  }

  private static String firstDifference(JsonNode a, JsonNode b, String path) {
    if (b == null) {
      return path.isEmpty() ? "(missing config)" : path;
    }
    if (a.isObject()) {
      Iterator<String> it = a.fieldNames();
      while (it.hasNext()) {
        String k = it.next();
        String d = firstDifference(a.get(k), b.get(k), path.isEmpty() ? k : path + "." + k);
        if (d != null) {
          return d;
        }
      }
      return null;
    }
    if (a.isNumber() && b.isNumber()) {
      return a.asDouble() == b.asDouble() ? null : path;
    }
    return a.equals(b) ? null : path;
  }
}
