package org.zged.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.zged.dataset.CircuitRecord;
import org.zged.dataset.Dataset;
import org.zged.dataset.Datasets;
import org.zged.model.DecodeResult;
import org.zged.model.DjlEnvironment;
import org.zged.model.ModelExample;
import org.zged.model.ZgedModel;
import org.zged.model.train.EpochStats;
import org.zged.model.train.ModelTrainer;
import org.zged.model.train.TrainConfig;
import org.zged.model.train.TrainingProfile;
import org.zged.model.train.TrainingResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code zged bench model}: batched encode/decode throughput against the one-at-a-time baseline,
 * and single-decode latency (what interactive generation waits for).
 */
@Command(
    name = "model",
    mixinStandardHelpOptions = true,
    description = "Model speed: batched vs one-at-a-time encode/decode, decode latency.")
public final class ModelBenchCommand implements Runnable {
  @Option(names = "--model", paramLabel = "FILE", description = "Model file (default: shipped).")
  Path model;

  @Option(
      names = "--samples",
      defaultValue = "10000",
      description = "Prior samples to decode in the batched run (default: ${DEFAULT-VALUE}).")
  int samples;

  @Option(
      names = "--single",
      defaultValue = "500",
      description = "Items for the one-at-a-time baseline runs (default: ${DEFAULT-VALUE}).")
  int single;

  @Option(
      names = "--train-config",
      paramLabel = "FILE",
      description =
          "Config of the timed training run (default: configs/seed-production.yaml of the zged"
              + " checkout, the seed's own recipe).")
  Path trainConfig;

  @Option(
      names = "--no-train",
      description = "Skip the timed training run (it takes about a minute).")
  boolean noTrain;

  @Option(
      names = "--train-only",
      description = "Only the timed training run (no encode/decode figures).")
  boolean trainOnly;

  /** Peak resident set size of the reference's seed training (zged-reference.md §13). */
  static final int REFERENCE_PEAK_RSS_MB = 431;

  /** The reference's seed training, 100 epochs at 1 thread (zged-reference.md §13). */
  static final int REFERENCE_TRAIN_SECONDS = 275;

  @Override
  public void run() {
    DjlEnvironment.prepare();
    if (!noTrain) {
      timedTraining();
    }
    if (trainOnly) {
      return;
    }
    try (ZgedModel m = model == null ? ZgedModel.loadDefault() : ZgedModel.load(model)) {
      List<ModelExample> examples = new ArrayList<>();
      for (CircuitRecord r : Datasets.full().records()) {
        examples.add(new ModelExample(r.circuit(), r.poles(), r.zeros()));
      }
      int dims = m.config().latentDims();
      SplittableRandom rng = new SplittableRandom(1);
      float[][] prior = new float[samples][dims];
      for (float[] z : prior) {
        for (int d = 0; d < dims; d++) {
          z[d] = (float) org.zged.math.Gaussians.next(rng);
        }
      }
      // warm-up: first calls pay for native initialisation
      m.encodeAll(examples.subList(0, 64));
      m.decodeAll(Arrays.copyOf(prior, 64));

      System.out.println(
          "zged bench model  (" + Runtime.getRuntime().availableProcessors() + " cores)");
      long t = System.nanoTime();
      m.encodeAll(examples);
      double batchedEncode = (System.nanoTime() - t) / 1e3 / examples.size();
      int n1 = Math.min(single, examples.size());
      t = System.nanoTime();
      for (int i = 0; i < n1; i++) {
        m.encode(examples.get(i));
      }
      double singleEncode = (System.nanoTime() - t) / 1e3 / n1;
      row("encode (μ)", examples.size(), batchedEncode, n1, singleEncode);

      t = System.nanoTime();
      List<DecodeResult> decoded = m.decodeAll(prior);
      double batchedDecode = (System.nanoTime() - t) / 1e3 / samples;
      int n2 = Math.min(single, samples);
      double[] lat = new double[n2];
      for (int i = 0; i < n2; i++) {
        long s = System.nanoTime();
        m.decode(prior[i]);
        lat[i] = (System.nanoTime() - s) / 1e3;
      }
      double singleDecode = Arrays.stream(lat).average().orElse(Double.NaN);
      row("decode (argmax)", samples, batchedDecode, n2, singleDecode);
      Arrays.sort(lat);
      System.out.printf(
          Locale.ROOT,
          "single decode latency: median %.0f µs, p95 %.0f µs%n",
          lat[n2 / 2],
          lat[(int) (n2 * 0.95)]);
      long valid = decoded.stream().filter(DecodeResult::valid).count();
      System.out.printf(
          Locale.ROOT,
          "prior samples decoded to valid filters: %d / %d (%.1f%%)%n",
          valid,
          samples,
          100.0 * valid / samples);
    }
  }

  /**
   * Trains the config's full run in a temporary folder and prints its wall-clock time and the
   * process's peak RSS so far (VmHWM), which at this point is the training's.
   */
  private void timedTraining() {
    Path file =
        trainConfig != null
            ? trainConfig
            : Path.of(System.getProperty("zged.root", "."), "configs", "seed-production.yaml");
    TrainConfig cfg = TrainConfig.load(file);
    Dataset data = ExperimentsCommand.preset(cfg.preset());
    Path dir;
    try {
      dir = Files.createTempDirectory("zged-bench-train");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      TrainingProfile profile = new TrainingProfile();
      long cpu0 = processCpuNanos();
      TrainingResult r =
          ModelTrainer.builder().optProfile(profile).build().run(cfg, data, dir, false);
      double cpuSeconds = (processCpuNanos() - cpu0) / 1e9;
      r.model().close();
      EpochStats best = r.history().get(r.bestEpoch());
      System.out.printf(
          Locale.ROOT,
          "training %s: %d epochs, batch %d, 1 thread: %.1f s (reference: %d s, target <= %d"
              + " s); peak RSS %s (reference: %d MB)%n",
          file.getFileName(),
          cfg.epochs(),
          cfg.batchSize(),
          r.seconds(),
          REFERENCE_TRAIN_SECONDS,
          REFERENCE_TRAIN_SECONDS / 5,
          PeakRss.text(),
          REFERENCE_PEAK_RSS_MB);
      System.out.printf(
          Locale.ROOT,
          "  best epoch %d: val component accuracy %.1f %%, exact match %.1f %%,"
              + " VIN/VOUT connected %.1f %%%n",
          r.bestEpoch() + 1,
          100 * best.val().getOrDefault("component_accuracy", Double.NaN),
          100 * best.val().getOrDefault("exact_match", Double.NaN),
          100 * best.val().getOrDefault("vin_vout_connected", Double.NaN));
      System.out.printf(
          Locale.ROOT,
          "  CPU %.1f s (process, user+sys; %s), %d steps: %s%n",
          cpuSeconds,
          ThreadCpu.text(),
          profile.steps(),
          profile.summary());
    } finally {
      deleteTree(dir);
    }
  }

  /** CPU time of the whole process (every thread, user + system), or 0 where unknown. */
  private static long processCpuNanos() {
    var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun
        ? Math.max(0, sun.getProcessCpuTime())
        : 0;
  }

  private static void deleteTree(Path dir) {
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary folder left behind is harmless
    }
  }

  private static void row(String what, int nb, double batched, int ns, double single) {
    System.out.printf(
        Locale.ROOT,
        "%-16s batched %7.1f µs/item (%d items)   one at a time %7.1f µs/item (%d items)   x%.1f%n",
        what,
        batched,
        nb,
        single,
        ns,
        single / batched);
  }
}
