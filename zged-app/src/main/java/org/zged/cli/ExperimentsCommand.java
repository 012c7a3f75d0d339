package org.zged.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.zged.InputException;
import org.zged.dataset.Dataset;
import org.zged.dataset.Datasets;
import org.zged.eval.Experiment;
import org.zged.eval.ExperimentResult;
import org.zged.eval.ExperimentRunner;
import org.zged.eval.ExperimentsMarkdown;
import org.zged.model.DjlEnvironment;
import org.zged.model.ZgedModel;
import org.zged.model.train.EpochStats;
import org.zged.model.train.TrainConfig;
import org.zged.plot.LossCurvePlot;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code zged experiments}: re-runs the seed's experiments (exp001, exp002, production) and two
 * ablations of its claims, and writes reports/experiments.md with loss-curve plots.
 */
@Command(
    name = "experiments",
    mixinStandardHelpOptions = true,
    description = {
      "Run exp001-baseline, exp002-optimized, production and two ablations (separate edge heads,",
      "no connectivity loss) against a same-budget reference; write experiments.md and loss",
      "curves into --out (see docs/evaluation.md)."
    })
public final class ExperimentsCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Training history of the shipped model, when the model engineer bundles it. */
  static final String PRODUCTION_HISTORY = "/org/zged/model/production-history.json";

  /** Epochs of the reference and ablation runs in --quick mode (seed preset). */
  static final int QUICK_EPOCHS = 6;

  static final int DEFAULT_ABLATION_EPOCHS = 40;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = "reports",
      description = "Report folder (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(
      names = "--runs",
      paramLabel = "DIR",
      defaultValue = "runs/experiments",
      description = "Folder for the training runs (default: ${DEFAULT-VALUE}).")
  Path runs;

  @Option(
      names = "--configs",
      paramLabel = "DIR",
      description =
          "Folder with exp001-baseline.yaml, exp002-optimized.yaml, seed-production.yaml,"
              + " production.yaml"
              + " (default: configs/ of the zged checkout).")
  Path configs;

  @Option(
      names = "--quick",
      description =
          "CI mode (< 2 min): reference and ablations train "
              + QUICK_EPOCHS
              + " epochs on the seed preset.")
  boolean quick;

  @Option(
      names = "--retrain",
      description = "Retrain production from its config instead of loading the shipped model.")
  boolean retrain;

  @Option(
      names = "--production-model",
      paramLabel = "FILE",
      description =
          "Model or checkpoint to report as production instead of the shipped model; a"
              + " history.json next to it supplies its training figures.")
  Path productionModel;

  @Option(
      names = "--reuse",
      description =
          "Reuse finished runs in --runs whose config.yaml equals the experiment's (their recorded"
              + " history and best.ckpt) instead of training again.")
  boolean reuse;

  @Option(
      names = "--ablation-epochs",
      paramLabel = "N",
      defaultValue = "" + DEFAULT_ABLATION_EPOCHS,
      description =
          "Epochs of the reference and ablation runs on the full preset (default: ${DEFAULT-VALUE};"
              + " --quick uses "
              + QUICK_EPOCHS
              + " on the seed preset).")
  int ablationEpochs;

  @Override
  public void run() {
    if (ablationEpochs < 1) {
      throw new InputException("--ablation-epochs", "must be >= 1, got " + ablationEpochs);
    }
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new InputException("--out", out + " exists and is not a folder");
    }
    Path dir = configs != null ? configs : root().resolve("configs");
    Experiment exp001 =
        new Experiment(
            ExperimentsMarkdown.EXP001,
            "the seed's first loss weighting (recon 1.0, TF 0.5, KL 0.05), 2 epochs on the seed"
                + " preset as in the seed.",
            load(dir, "exp001-baseline.yaml"));
    Experiment exp002 =
        new Experiment(
            ExperimentsMarkdown.EXP002,
            "the seed's \"optimised\" weighting (recon 1.0, TF 0.01, KL 0.1), same budget.",
            load(dir, "exp002-optimized.yaml"));
    Experiment seedRecipe =
        new Experiment(
            ExperimentsMarkdown.SEED_RECIPE,
            "the seed's own production recipe (seed preset, 100 epochs, batch 4, lr 1e-4, weights"
                + " recon 1.0 / TF 0.01 / KL 0.1, connectivity 5, 8-D latent, joint head, Gumbel,"
                + " cross-attention) with one seed, first try.",
            load(dir, "seed-production.yaml"));
    if (quick) {
      seedRecipe =
          seedRecipe.with(
              ExperimentsMarkdown.SEED_RECIPE,
              "the seed's own production recipe cut to the quick budget.",
              Map.of("training.epochs", QUICK_EPOCHS));
    }
    Experiment production =
        new Experiment(
            ExperimentsMarkdown.PRODUCTION,
            "the production config (configs/production.yaml) at its full budget.",
            load(dir, "production.yaml"));
    int epochs = quick ? QUICK_EPOCHS : ablationEpochs;
    String preset = quick ? "seed" : production.config().preset();
    Map<String, Object> budget = new LinkedHashMap<>();
    budget.put("training.epochs", epochs);
    budget.put("data.preset", preset);
    Experiment reference =
        production.with(
            ExperimentsMarkdown.REFERENCE,
            String.format(
                Locale.ROOT,
                "the production config cut to %d epochs on the %s preset: the baseline the"
                    + " ablations are compared with.",
                epochs,
                preset),
            budget);
    Map<String, Object> separate = new LinkedHashMap<>(budget);
    separate.put("decoder.edge_head", "separate");
    Map<String, Object> noConn = new LinkedHashMap<>(budget);
    noConn.put("loss.connectivity", 0.0);
    Experiment sepHeads =
        production.with(
            ExperimentsMarkdown.SEPARATE,
            "as reference, but separate edge-existence and 7-way kind heads instead of the joint"
                + " 8-way class (tests \"joint beats separate\").",
            separate);
    Experiment noConnectivity =
        production.with(
            ExperimentsMarkdown.NO_CONNECTIVITY,
            "as reference, with the connectivity loss weight 0 (tests \"strong connectivity loss"
                + " matters\").",
            noConn);

    DjlEnvironment.prepare();
    long t0 = System.nanoTime();
    ExperimentRunner runner =
        ExperimentRunner.builder()
            .setRunsDir(runs)
            .setPresets(ExperimentsCommand::preset)
            .optProgress(msg -> stderr().println("experiments: " + msg))
            .optReuse(reuse)
            .optPriorSamples(quick ? 100 : 500)
            .build();
    List<ExperimentResult> results = new ArrayList<>();
    results.add(runner.train(exp001));
    results.add(runner.train(exp002));
    results.add(runner.train(seedRecipe));
    results.add(production(runner, production, budget));
    if (Files.isRegularFile(dir.resolve("open.yaml"))) {
      Experiment open =
          new Experiment(
              ExperimentsMarkdown.OPEN,
              "the open-space model: configs/open.yaml (up to 16 nodes and 18 poles/zeros) on the"
                  + " open preset, the shipped model when it is this config's.",
              load(dir, "open.yaml"));
      ExperimentResult r = open(runner, open);
      if (r != null) {
        results.add(r);
      }
    }
    results.add(runner.train(reference));
    results.add(runner.train(sepHeads));
    results.add(runner.train(noConnectivity));
    double seconds = (System.nanoTime() - t0) / 1e9;

    String mode =
        String.format(
            Locale.ROOT,
            "%s This invocation took %.0f s wall-clock on %d CPU core(s); a reused run keeps the"
                + " training time it recorded.",
            quick
                ? String.format(
                    Locale.ROOT,
                    "**Quick mode** (CI): reference and ablations train only %d epochs on the"
                        + " seed preset, so their numbers show that the pipeline works, not what"
                        + " the architecture can do.",
                    epochs)
                : String.format(
                    Locale.ROOT,
                    "Full mode: reference and ablations train %d epochs on the full preset.",
                    epochs),
            seconds,
            Runtime.getRuntime().availableProcessors());
    String command = commandLine();
    OutputFiles files = new OutputFiles();
    try {
      Files.createDirectories(out);
    } catch (IOException e) {
      throw new InputException("--out", "cannot create " + out + ": " + e.getMessage());
    }
    files.add(
        "--out",
        out.resolve("experiments.md"),
        ExperimentsMarkdown.render(results, mode, command).getBytes(StandardCharsets.UTF_8));
    for (ExperimentResult r : results) {
      if (!r.history().isEmpty()) {
        files.add(
            "--out",
            out.resolve(ExperimentsMarkdown.lossCurveFile(r.experiment().name())),
            LossCurvePlot.png(curves(r.history()), r.experiment().name()));
      }
    }
    files.commit();
    stdout()
        .printf(
            Locale.ROOT,
            "wrote %s (%d runs, %.0f s)%n",
            out.resolve("experiments.md"),
            results.size(),
            seconds);
  }

  /**
   * The shipped (or given) model evaluated as is when it has this config's architecture, unless
   * --retrain or none is available; otherwise trained (reused with --reuse).
   */
  private ExperimentResult production(
      ExperimentRunner runner, Experiment production, Map<String, Object> budget) {
    if (!retrain && productionModel != null) {
      try (ZgedModel given = ZgedModel.load(productionModel)) {
        Path history = productionModel.toAbsolutePath().resolveSibling("history.json");
        return runner.evaluateOnly(
            production, given, productionModel.toString(), ExperimentRunner.readHistory(history));
      }
    }
    ExperimentResult shipped = retrain ? null : shipped(runner, production);
    if (shipped != null) {
      return shipped;
    }
    Experiment p =
        quick
            ? production.with(
                ExperimentsMarkdown.PRODUCTION,
                "the production config cut to the quick budget (no shipped model was used).",
                budget)
            : production;
    return runner.train(p);
  }

  /**
   * The open-space row: the shipped model when it is configs/open.yaml's architecture; otherwise
   * trained in full mode (about 30 minutes on 2 cores) and left out in quick mode.
   */
  private ExperimentResult open(ExperimentRunner runner, Experiment open) {
    ExperimentResult shipped = shipped(runner, open);
    if (shipped != null || quick) {
      return shipped;
    }
    return runner.train(open);
  }

  /** The shipped model evaluated as {@code e}, or null when its architecture is not e's. */
  private ExperimentResult shipped(ExperimentRunner runner, Experiment e) {
    try (ZgedModel model = ZgedModel.loadDefault()) {
      if (!model.config().equals(e.config().model())) {
        return null;
      }
      return runner.evaluateOnly(e, model, "shipped model", shippedHistory());
    } catch (InputException ex) {
      stderr().println("experiments: " + ex.getMessage() + "; training " + e.name() + " instead");
      return null;
    }
  }

  /** The options this report was made with, as a command to regenerate it. */
  private String commandLine() {
    StringBuilder c = new StringBuilder("zged experiments");
    if (quick) {
      c.append(" --quick");
    }
    if (retrain) {
      c.append(" --retrain");
    }
    if (productionModel != null) {
      c.append(" --production-model ").append(productionModel);
    }
    if (ablationEpochs != DEFAULT_ABLATION_EPOCHS && !quick) {
      c.append(" --ablation-epochs ").append(ablationEpochs);
    }
    return c.toString();
  }

  static List<EpochStats> shippedHistory() {
    try (InputStream in = ExperimentsCommand.class.getResourceAsStream(PRODUCTION_HISTORY)) {
      if (in == null) {
        return List.of();
      }
      return new ObjectMapper().readValue(in, new TypeReference<List<EpochStats>>() {});
    } catch (IOException e) {
      throw new InputException(PRODUCTION_HISTORY, "unreadable history: " + e.getMessage());
    }
  }

  /** Per-term train and validation curves of a run, the total first. */
  static LossCurvePlot.Curves curves(List<EpochStats> history) {
    String[] terms = {
      "total", "node", "edge", "value", "pole_chamfer", "zero_chamfer", "kl", "connectivity"
    };
    Map<String, double[]> train = new LinkedHashMap<>();
    Map<String, double[]> val = new LinkedHashMap<>();
    for (String t : terms) {
      train.put(
          t, history.stream().mapToDouble(s -> s.train().getOrDefault(t, Double.NaN)).toArray());
      val.put(t, history.stream().mapToDouble(s -> s.val().getOrDefault(t, Double.NaN)).toArray());
    }
    return new LossCurvePlot.Curves(train, val);
  }

  private static TrainConfig load(Path dir, String name) {
    return TrainConfig.load(dir.resolve(name));
  }

  static Dataset preset(String name) {
    return switch (name) {
      case "full" -> Datasets.full();
      case "open" -> Datasets.of(org.zged.dataset.Preset.OPEN);
      case "seed" -> Datasets.seed();
      default -> throw new InputException("data.preset", "unknown preset '" + name + "'");
    };
  }

  private static Path root() {
    return Path.of(System.getProperty("zged.root", "."));
  }

  private java.io.PrintWriter stdout() {
    return spec.commandLine().getOut();
  }

  private java.io.PrintWriter stderr() {
    return spec.commandLine().getErr();
  }
}
