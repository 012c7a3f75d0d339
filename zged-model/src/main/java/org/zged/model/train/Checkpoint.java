package org.zged.model.train;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.zged.InputException;
import org.zged.io.AtomicFile;
import org.zged.model.ModelFile;
import org.zged.model.ZgedModel;

/**
 * The complete state of a run after an epoch, in one file ({@code last.ckpt}): the header carries
 * the provenance (training config, dataset hash, seed, commit), the number of epochs done (the RNG
 * position: every draw is seeded from seed, epoch and step), the Adam step count, the best
 * validation loss and epoch so far and the history; its sections hold the parameters, the Adam
 * moments and the best epoch's parameters. Everything else in the run folder ({@code best.ckpt},
 * the history files) is derived from it, so writing it is the one commit point of an epoch. A
 * checkpoint is also a valid model file for {@link ZgedModel#load} (the current weights).
 */
record Checkpoint(
    TrainConfig config,
    int epochsDone,
    long adamSteps,
    double bestValLoss,
    int bestEpoch,
    List<EpochStats> history,
    JsonNode provenance,
    ModelFile file) {

  private static final ObjectMapper JSON = new ObjectMapper();

  static final String PARAMETERS = "parameters";
  static final String OPTIMIZER = "optimizer";
  static final String BEST_PARAMETERS = "best_parameters";

  /** The model file of this state: current weights, Adam moments and best weights. */
  static ModelFile of(
      TrainConfig config,
      int epochsDone,
      long adamSteps,
      double bestValLoss,
      int bestEpoch,
      List<EpochStats> history,
      JsonNode provenance,
      Map<String, ModelFile.Tensor> parameters,
      Map<String, ModelFile.Tensor> optimizer,
      Map<String, ModelFile.Tensor> bestParameters) {
    ObjectNode header = ModelFile.newHeader(config.model(), provenance);
    ObjectNode training = header.putObject("training");
    training.put("epochs_done", epochsDone);
    training.put("adam_steps", adamSteps);
    training.put("best_val_loss", bestValLoss);
    training.put("best_epoch", bestEpoch);
    // as the text of history.json (each epoch formatted once per run, not once per epoch): the
    // same JSON values, only indented as at the top level
    training.putRawValue(
        "history", new com.fasterxml.jackson.databind.util.RawValue(HistoryFiles.json(history)));
    Map<String, Map<String, ModelFile.Tensor>> sections = new LinkedHashMap<>();
    sections.put(PARAMETERS, parameters);
    sections.put(OPTIMIZER, optimizer);
    sections.put(BEST_PARAMETERS, bestParameters);
    return new ModelFile(header, sections);
  }

  /**
   * {@code best.ckpt}: the best epoch's weights as a model file, with the provenance and which
   * epoch it is. Made from a checkpoint's state alone, so rewriting it after a crash gives the same
   * file.
   */
  ModelFile best() {
    ObjectNode header = ModelFile.newHeader(config.model(), provenance);
    ObjectNode training = header.putObject("training");
    training.put("best_epoch", bestEpoch);
    training.put("best_val_loss", bestValLoss);
    Map<String, Map<String, ModelFile.Tensor>> sections = new LinkedHashMap<>();
    sections.put(PARAMETERS, file.section(BEST_PARAMETERS));
    return new ModelFile(header, sections);
  }

  /** Writes {@code file} all or nothing, calling {@code inside} once its bytes are on disk. */
  static void write(Path path, ModelFile file, Runnable inside) {
    AtomicFile.write(
        path,
        out -> {
          file.writeTo(out, false);
          out.flush();
          inside.run();
        });
  }

  /**
   * Reads {@code path} for a resume with {@code expected}, trained on data with hash {@code
   * dataset}: the configs must agree key by key and the dataset hashes must be equal.
   */
  static Checkpoint read(Path path, TrainConfig expected, String dataset) {
    String where = path.toString();
    if (!Files.isRegularFile(path)) {
      throw new InputException(where, "no checkpoint to resume from");
    }
    ModelFile f = ModelFile.read(path);
    JsonNode t = f.header().get("training");
    JsonNode p = f.header().get("provenance");
    if (t == null || t.get("epochs_done") == null) {
      throw new InputException(where, "a model file, not a training checkpoint");
    }
    if (p == null || !f.section(BEST_PARAMETERS).keySet().equals(f.section(PARAMETERS).keySet())) {
      throw new InputException(
          where, "a checkpoint of an older zged (no dataset hash or best weights); start anew");
    }
    JsonNode want = JSON.valueToTree(expected.toMap());
    String diff = firstDifference(want, p.get("config"), "");
    if (diff != null) {
      throw new InputException(where, "config differs from the checkpoint's at " + diff);
    }
    String had = p.path("dataset").path("sha256").asText();
    if (!had.equals(dataset)) {
      throw new InputException(
          where,
          "trained on another dataset (sha256 "
              + abbreviate(had)
              + ", the data given is "
              + abbreviate(dataset)
              + "); resume with the same data");
    }
    try {
      List<EpochStats> history =
          JSON.readerFor(new TypeReference<List<EpochStats>>() {}).readValue(t.get("history"));
      int done = t.get("epochs_done").asInt();
      int best = t.get("best_epoch").asInt();
      if (done < 1 || done > expected.epochs() || history.size() != done || best >= done) {
        throw new InputException(where, "inconsistent training state");
      }
      return new Checkpoint(
          expected,
          done,
          t.get("adam_steps").asLong(),
          t.get("best_val_loss").asDouble(),
          best,
          history,
          p,
          f);
    } catch (IOException | RuntimeException e) {
      if (e instanceof InputException ie) {
        throw ie;
      }
      String why = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
      throw new InputException(where, "corrupt training state: " + why);
    }
  }

  private static String abbreviate(String sha) {
    return sha.length() > 12 ? sha.substring(0, 12) + "…" : sha;
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
    if (a.isIntegralNumber() && b.isIntegralNumber()) {
      return a.bigIntegerValue().equals(b.bigIntegerValue()) ? null : path;
    }
    if (a.isNumber() && b.isNumber()) {
      return a.asDouble() == b.asDouble() ? null : path;
    }
    return a.equals(b) ? null : path;
  }
}
