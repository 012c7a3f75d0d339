package org.zged.eval;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.zged.InputException;
import org.zged.dataset.Dataset;
import org.zged.dataset.Split;
import org.zged.model.ZgedModel;
import org.zged.model.train.EpochStats;
import org.zged.model.train.ModelTrainer;
import org.zged.model.train.TrainingListener;
import org.zged.model.train.TrainingResult;

/**
 * Trains and evaluates experiments: each run trains with {@link ModelTrainer} into its own folder
 * under the runs folder, then its best model is evaluated on the validation split of the data it
 * was trained on (reconstruction and latent metrics, and the prior protocol with a configurable
 * number of latents, 10 sampled decodes each at temperature 1).
 */
public final class ExperimentRunner {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path runsDir;
  private final Function<String, Dataset> presets;
  private final Consumer<String> progress;
  private final boolean reuse;
  private final int priorSamples;
  private final Map<String, Dataset> cache = new HashMap<>();

  private ExperimentRunner(Builder b) {
    this.runsDir = b.runsDir;
    this.presets = b.presets;
    this.progress = b.progress;
    this.reuse = b.reuse;
    this.priorSamples = b.priorSamples;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A run's history.json, or an empty history when the file is absent. */
  public static List<EpochStats> readHistory(Path file) {
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    try {
      return JSON.readValue(file.toFile(), new TypeReference<List<EpochStats>>() {});
    } catch (IOException e) {
      throw new InputException(file.toString(), "unreadable history: " + e.getMessage());
    }
  }

  /** The finished run of this experiment in its folder, or null when it must be trained. */
  private ExperimentResult finishedRun(Experiment e) {
    Path dir = runsDir.resolve(e.name());
    Path best = dir.resolve("best.ckpt");
    try {
      if (!Files.isRegularFile(dir.resolve("config.yaml"))
          || !Files.isRegularFile(best)
          || !Files.readString(dir.resolve("config.yaml")).equals(e.config().toYaml())) {
        return null;
      }
    } catch (IOException ex) {
      return null;
    }
    List<EpochStats> history = readHistory(dir.resolve("history.json"));
    if (history.size() != e.config().epochs()) {
      return null;
    }
    progress.accept(e.name() + ": reusing the finished run in " + dir);
    try (ZgedModel model = ZgedModel.load(best)) {
      ExperimentResult r = evaluateOnly(e, model, "reused run " + dir, history);
      return r;
    }
  }

  public Dataset data(String preset) {
    return cache.computeIfAbsent(preset, presets);
  }

  public ExperimentResult train(Experiment e) {
    if (reuse) {
      ExperimentResult done = finishedRun(e);
      if (done != null) {
        return done;
      }
    }
    Dataset data = data(e.config().preset());
    progress.accept(
        String.format(
            java.util.Locale.ROOT,
            "%s: training %d epochs on the %s preset",
            e.name(),
            e.config().epochs(),
            e.config().preset()));
    TrainingListener perEpoch =
        new TrainingListener() {
          @Override
          public void epochDone(EpochStats s) {
            progress.accept(
                String.format(
                    java.util.Locale.ROOT,
                    "%s: epoch %d/%d val loss %.4f (%.1f s)",
                    e.name(),
                    s.epoch() + 1,
                    e.config().epochs(),
                    s.valLoss(),
                    s.seconds()));
          }
        };
    TrainingResult r =
        ModelTrainer.builder()
            .optListener(perEpoch)
            .build()
            .run(
                e.config(),
                ModelTrainer.examples(data, Split.TRAIN),
                ModelTrainer.examples(data, Split.VAL),
                runsDir.resolve(e.name()),
                false);
    try (ZgedModel model = r.model()) {
      EvalReport eval = evaluate(e, model, "trained in " + runsDir.resolve(e.name()));
      return new ExperimentResult(
          e,
          "trained",
          r.history(),
          r.bestEpoch(),
          r.bestValLoss(),
          r.seconds(),
          model.parameterCounts(),
          eval);
    }
  }

  /** Evaluates an already trained model (e.g. the shipped one) under this experiment's name. */
  public ExperimentResult evaluateOnly(
      Experiment e, ZgedModel model, String source, List<EpochStats> history) {
    int best = -1;
    double bestLoss = Double.NaN;
    for (EpochStats s : history) {
      if (best < 0 || s.valLoss() < bestLoss) {
        best = s.epoch();
        bestLoss = s.valLoss();
      }
    }
    // Training time of a loaded model: the epochs' own recorded times, when its history is known.
    double seconds =
        history.isEmpty() ? Double.NaN : history.stream().mapToDouble(EpochStats::seconds).sum();
    return new ExperimentResult(
        e,
        source,
        history,
        best,
        bestLoss,
        seconds,
        model.parameterCounts(),
        evaluate(e, model, source));
  }

  private EvalReport evaluate(Experiment e, ZgedModel model, String modelName) {
    progress.accept(e.name() + ": evaluating on the validation split");
    return ModelEvaluator.builder()
        .setModel(model)
        .setData(data(e.config().preset()))
        .optSplit(Split.VAL)
        .optNames(modelName, e.config().preset() + " preset")
        .optPriorSamples(priorSamples)
        .build()
        .run()
        .report();
  }

  /**
   * Required: runs folder, presets. Optional: progress sink, reuse of finished runs (off), prior
   * latents per evaluation (500; 0 skips the protocol).
   */
  public static final class Builder {
    private Path runsDir;
    private Function<String, Dataset> presets;
    private Consumer<String> progress = s -> {};
    private boolean reuse;
    private int priorSamples = 500;

    /** Parent of the run folders (one per experiment name). */
    public Builder setRunsDir(Path runsDir) {
      this.runsDir = runsDir;
      return this;
    }

    /** The dataset of a preset name ("seed", "full"); called once per name. */
    public Builder setPresets(Function<String, Dataset> presets) {
      this.presets = presets;
      return this;
    }

    public Builder optProgress(Consumer<String> progress) {
      this.progress = progress;
      return this;
    }

    /**
     * Take a finished run from its folder instead of training again, when the folder's config.yaml
     * is exactly the experiment's config and it holds every epoch's history and a best.ckpt; the
     * numbers are then those recorded by that run.
     */
    public Builder optReuse(boolean reuse) {
      this.reuse = reuse;
      return this;
    }

    public Builder optPriorSamples(int priorSamples) {
      this.priorSamples = priorSamples;
      return this;
    }

    public ExperimentRunner build() {
      if (runsDir == null || presets == null) {
        throw new IllegalStateException("runs folder and presets must be set");
      }
      if (priorSamples < 0) {
        throw new IllegalArgumentException("prior samples must be >= 0");
      }
      return new ExperimentRunner(this);
    }
  }
}
