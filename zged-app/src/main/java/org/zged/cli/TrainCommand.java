package org.zged.cli;

import java.nio.file.Path;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.zged.InputException;
import org.zged.dataset.Dataset;
import org.zged.dataset.DatasetReader;
import org.zged.dataset.Datasets;
import org.zged.model.DjlEnvironment;
import org.zged.model.train.EpochStats;
import org.zged.model.train.ModelTrainer;
import org.zged.model.train.TrainConfig;
import org.zged.model.train.TrainingListener;
import org.zged.model.train.TrainingResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code zged train}: trains the graph VAE from a YAML config (see docs/model.md). */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = {
      "Train the graph VAE from a YAML config (see docs/model.md).",
      "Writes history.csv/json, config.yaml, best.ckpt and last.ckpt into --out."
    })
public final class TrainCommand implements Runnable {
  @Option(names = "--config", required = true, paramLabel = "FILE", description = "YAML config.")
  Path config;

  @Option(
      names = "--data",
      paramLabel = "FILE",
      description = "Dataset file (default: the config's preset, regenerated in memory).")
  Path data;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = "runs/train",
      description = "Run folder (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(
      names = "--resume",
      description =
          "Continue from DIR/last.ckpt (refused unless the config and the data are the ones it"
              + " was trained with).")
  boolean resume;

  @Option(names = "--seed", paramLabel = "S", description = "Override the config's seed.")
  Long seed;

  @Override
  public void run() {
    DjlEnvironment.prepare();
    TrainConfig cfg = TrainConfig.load(config);
    if (seed != null) {
      cfg = cfg.withSeed(seed);
    }
    Dataset dataset = data != null ? DatasetReader.read(data) : preset(cfg.preset());
    System.out.printf(
        Locale.ROOT,
        "training on %d circuits (%s), %d epochs, batch %d, seed %d -> %s%n",
        dataset.size(),
        data != null ? data : "preset " + cfg.preset(),
        cfg.epochs(),
        cfg.batchSize(),
        cfg.seed(),
        out);
    TrainingResult result =
        ModelTrainer.builder()
            .optListener(new ConsoleProgress())
            .optDataSource(data != null ? data.toString() : "preset " + cfg.preset())
            .build()
            .run(cfg, dataset, out, resume);
    result.model().close();
    EpochStats best = result.history().get(result.bestEpoch());
    System.out.printf(
        Locale.ROOT,
        "done in %.1f s; best epoch %d: val loss %.4f, exact match %.2f%%, component accuracy"
            + " %.2f%%%n",
        result.seconds(),
        result.bestEpoch() + 1,
        result.bestValLoss(),
        100 * best.val().getOrDefault("exact_match", Double.NaN),
        100 * best.val().getOrDefault("component_accuracy", Double.NaN));
    System.out.println("best model: " + out.resolve("best.ckpt"));
  }

  private static Dataset preset(String name) {
    return switch (name) {
      case "full" -> Datasets.full();
      case "open" -> Datasets.of(org.zged.dataset.Preset.OPEN);
      case "seed" -> Datasets.seed();
      default -> throw new InputException("data.preset", "unknown preset '" + name + "'");
    };
  }

  /** A progress bar per epoch and one summary line per epoch. */
  private static final class ConsoleProgress implements TrainingListener {
    private ProgressBar bar;

    @Override
    public void epochStarted(int epoch, int steps) {
      bar =
          new ProgressBarBuilder()
              .setTaskName(String.format(Locale.ROOT, "epoch %3d", epoch + 1))
              .setInitialMax(steps)
              .setStyle(ProgressBarStyle.ASCII)
              .setUpdateIntervalMillis(250)
              .continuousUpdate()
              .build();
    }

    @Override
    public void stepDone(int epoch, int step, double loss) {
      bar.step();
      bar.setExtraMessage(String.format(Locale.ROOT, "loss %.3f", loss));
    }

    @Override
    public void stepSkipped(int epoch, int step, double gradientNorm) {
      System.err.printf(
          Locale.ROOT,
          "warning: epoch %d step %d skipped (gradient norm %.3g)%n",
          epoch + 1,
          step + 1,
          gradientNorm);
    }

    @Override
    public void epochDone(EpochStats s) {
      if (bar != null) {
        bar.close();
      }
      var t = s.train();
      var v = s.val();
      System.out.printf(
          Locale.ROOT,
          "epoch %3d  %.1fs  train %.4f (recon %.0f%% tf %.0f%% kl %.0f%% conn %.0f%%)"
              + "  val %.4f  node %.4f edge %.4f value %.4f poles %.4f zeros %.4f kl %.3f conn %.4f"
              + "  val acc: component %.2f%% exact %.2f%% connected %.2f%%%n",
          s.epoch() + 1,
          s.seconds(),
          t.get("total"),
          100 * t.get("share_recon"),
          100 * t.get("share_tf"),
          100 * t.get("share_kl"),
          100 * t.get("share_connectivity"),
          v.get("total"),
          v.get("node"),
          v.get("edge"),
          v.get("value"),
          v.get("pole_chamfer"),
          v.get("zero_chamfer"),
          v.get("kl"),
          v.get("connectivity"),
          100 * v.getOrDefault("component_accuracy", Double.NaN),
          100 * v.getOrDefault("exact_match", Double.NaN),
          100 * v.getOrDefault("vin_vout_connected", Double.NaN));
    }
  }
}
