package org.zged.model.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.zged.InputException;
import org.zged.circuit.EdgeClass;
import org.zged.dataset.CircuitRecord;
import org.zged.dataset.Dataset;
import org.zged.dataset.Split;
import org.zged.io.AtomicFile;
import org.zged.model.DecodeResult;
import org.zged.model.GraphBatch;
import org.zged.model.ModelConfig;
import org.zged.model.ModelExample;
import org.zged.model.ModelFile;
import org.zged.model.NoGrad;
import org.zged.model.ZgedModel;
import org.zged.model.loss.GumbelSoftmax;
import org.zged.model.loss.LossTerms;
import org.zged.model.loss.VaeLoss;
import org.zged.model.nn.Tensors;

/**
 * The training loop, kept apart from the network's maths. Every random draw (initial weights,
 * shuffling, reparameterisation noise ε, Gumbel noise) comes from a Java {@link SplittableRandom}
 * seeded from (seed, epoch, step), so the same seed and data give the same history, and a run
 * resumed from {@code last.ckpt} continues exactly as if it had never stopped. Each step runs in
 * its own sub-{@link NDManager}, so memory stays flat.
 */
public final class ModelTrainer {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final TrainingListener listener;
  private final int stopAfter;
  private final String dataSource;
  private final String commit;
  private final TrainingFaults faults = TrainingFaults.fromSystemProperty();
  private final TrainingProfile profile;
  private final HistoryFiles.Csv historyCsv = new HistoryFiles.Csv();
  private static final int BATCH = 0;
  private static final int FORWARD = 1;
  private static final int LOSS = 2;
  private static final int BACKWARD = 3;
  private static final int OPTIMIZER = 4;
  private static final int METRICS = 5;
  private static final int VALIDATION = 6;
  private static final int CHECKPOINT = 7;
  private static final int HISTORY = 8;

  /** The hidden temporaries AtomicFile stages the run's own files in. */
  private static final java.util.regex.Pattern TEMPORARY =
      java.util.regex.Pattern.compile(
          "\\.(last\\.ckpt|best\\.ckpt|history\\.json|history\\.csv|config\\.yaml)"
              + "\\.(?:[0-9]+-)?[0-9a-f]+\\.tmp"); // AtomicFile: .NAME.PID-NANOS.tmp

  private ModelTrainer(Builder b) {
    this.listener = b.listener;
    this.stopAfter = b.stopAfter;
    this.dataSource = b.dataSource;
    this.commit = b.commit;
    this.profile = b.profile == null ? new TrainingProfile() : b.profile;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Trains on the TRAIN split and selects by the VAL split of {@code data}. */
  public static TrainingResult train(TrainConfig cfg, Dataset data, Path runDir, boolean resume) {
    return builder().build().run(cfg, data, runDir, resume);
  }

  /** As {@link #train(TrainConfig, Dataset, Path, boolean)}, with this trainer's options. */
  public TrainingResult run(TrainConfig cfg, Dataset data, Path runDir, boolean resumeRun) {
    return run(
        cfg,
        examples(data, Split.TRAIN),
        examples(data, Split.VAL),
        data.header().preset(),
        runDir,
        resumeRun);
  }

  public static List<ModelExample> examples(Dataset data, Split split) {
    List<ModelExample> out = new ArrayList<>();
    for (CircuitRecord r : data.split(split)) {
      out.add(new ModelExample(r.circuit(), r.poles(), r.zeros()));
    }
    return out;
  }

  /**
   * @param runDir receives history.csv, history.json, config.yaml, best.ckpt, last.ckpt
   * @param resumeRun continue from {@code runDir/last.ckpt} (its config must equal {@code cfg} and
   *     its dataset hash that of {@code train} and {@code val})
   */
  public TrainingResult run(
      TrainConfig cfg,
      List<ModelExample> train,
      List<ModelExample> val,
      Path runDir,
      boolean resumeRun) {
    return run(cfg, train, val, "examples", runDir, resumeRun);
  }

  /**
   * The run. Per epoch the files are written in this order: {@code last.ckpt} (the complete state,
   * best weights included: the commit point), then {@code best.ckpt} if the epoch improved, then
   * {@code history.json} and {@code history.csv}. A resume re-derives the last three from {@code
   * last.ckpt} before it continues, so a crash at any moment (even between two of these writes, or
   * inside one, which leaves only a temporary that the next run deletes) resumes to the files of
   * the uninterrupted run.
   */
  private TrainingResult run(
      TrainConfig cfg,
      List<ModelExample> train,
      List<ModelExample> val,
      String preset,
      Path runDir,
      boolean resumeRun) {
    if (train.isEmpty()) {
      throw new InputException("data", "the training split is empty");
    }
    if (val.isEmpty()) {
      throw new InputException("data", "the validation split is empty");
    }
    ModelConfig mc = cfg.model();
    checkFits(train, mc);
    checkFits(val, mc);
    String datasetSha = DatasetHash.of(train, val);
    Path last = runDir.resolve("last.ckpt");
    // read (and refuse) before anything is created or written
    Checkpoint resumed =
        resumeRun && !nothingCommittedYet(runDir, cfg)
            ? Checkpoint.read(last, cfg, datasetSha)
            : null;
    long started = System.nanoTime();
    TrainingJit.apply();
    ZgedModel model = ZgedModel.create(mc, cfg.seed());
    org.zged.model.NoGrad.run(() -> DataPriorInit.apply(model, train));
    AdamOptimizer adam = new AdamOptimizer(model.network().getParameters(), model.manager());
    List<EpochStats> history = new ArrayList<>();
    double best = Double.POSITIVE_INFINITY;
    int bestEpoch = -1;
    int firstEpoch = 0;
    Map<String, ModelFile.Tensor> bestParameters = null;
    JsonNode provenance =
        resumed != null
            ? resumed.provenance()
            : provenance(cfg, datasetSha, preset, train.size(), val.size());
    try {
      Files.createDirectories(runDir);
      deleteStaleTemporaries(runDir);
      writeText(runDir.resolve("config.yaml"), cfg.toYaml());
      if (resumed != null) {
        model.setParameters(resumed.file().section(Checkpoint.PARAMETERS), last.toString());
        adam.restore(
            resumed.file().section(Checkpoint.OPTIMIZER), resumed.adamSteps(), last.toString());
        history.addAll(resumed.history());
        best = resumed.bestValLoss();
        bestEpoch = resumed.bestEpoch();
        bestParameters = resumed.file().section(Checkpoint.BEST_PARAMETERS);
        firstEpoch = resumed.epochsDone();
        writeDerived(runDir, resumed, true); // what a crash after the commit point left undone
      }
      VaeLoss loss = new VaeLoss(cfg.lossWeights());
      // each circuit is converted once; steps select their rows
      GraphBatch trainBatch = GraphBatch.of(train, mc);
      GraphBatch valBatch = GraphBatch.of(val, mc);
      int ran = 0;
      for (int epoch = firstEpoch; epoch < cfg.epochs(); epoch++) {
        if (stopAfter > 0 && ran >= stopAfter) {
          break;
        }
        long t0 = System.nanoTime();
        Map<String, Double> trainStats;
        Map<String, Double> valStats;
        try {
          profile.start();
          trainStats = trainEpoch(cfg, model, adam, loss, trainBatch, epoch);
          valStats = evaluate(cfg, model, loss, valBatch, epoch);
          profile.lap(VALIDATION);
        } catch (NonFiniteLoss e) {
          throw new InputException(runDir.toString(), e.getMessage() + "; " + kept(last, epoch));
        }
        EpochStats stats =
            new EpochStats(
                epoch,
                cfg.temperature(epoch),
                cfg.klFactor(epoch),
                (System.nanoTime() - t0) / 1e9,
                trainStats,
                valStats);
        history.add(stats);
        boolean improved = stats.valLoss() < best;
        Map<String, ModelFile.Tensor> current = model.parameters();
        if (improved) {
          best = stats.valLoss();
          bestEpoch = epoch;
          bestParameters = current;
        }
        ModelFile state =
            Checkpoint.of(
                cfg,
                epoch + 1,
                adam.step(),
                best,
                bestEpoch,
                history,
                provenance,
                current,
                adam.state(),
                bestParameters);
        Checkpoint.write(last, state, () -> faults.writePoint("inside last.ckpt"));
        faults.writePoint("after last.ckpt");
        Checkpoint ck =
            new Checkpoint(
                cfg, epoch + 1, adam.step(), best, bestEpoch, history, provenance, state);
        writeDerived(runDir, ck, improved);
        profile.epochDone();
        listener.epochDone(stats);
        ran++;
      }
      if (bestEpoch < 0) {
        throw new InputException(runDir.toString(), "no epoch was trained");
      }
      model.close();
      ZgedModel bestModel = ZgedModel.load(runDir.resolve("best.ckpt"));
      return new TrainingResult(
          bestModel, history, best, bestEpoch, (System.nanoTime() - started) / 1e9);
    } catch (IOException e) {
      model.close();
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      model.close();
      throw e;
    }
  }

  /**
   * With {@code --resume} and no {@code last.ckpt} yet: the run was stopped before its first epoch
   * was committed if the folder holds nothing but this run's temporaries and a config.yaml of this
   * config, so it starts from the beginning. A missing or empty folder, or any other file, is no
   * such run: the resume is refused.
   */
  private static boolean nothingCommittedYet(Path runDir, TrainConfig cfg) {
    if (!Files.isDirectory(runDir) || Files.exists(runDir.resolve("last.ckpt"))) {
      return false;
    }
    try (var files = Files.list(runDir)) {
      List<Path> all = files.toList();
      for (Path p : all) {
        String name = p.getFileName().toString();
        boolean ours =
            TEMPORARY.matcher(name).matches()
                || (name.equals("config.yaml") && TrainConfig.load(p).equals(cfg));
        if (!ours) {
          return false;
        }
      }
      return !all.isEmpty();
    } catch (IOException | InputException e) {
      return false;
    }
  }

  /** best.ckpt (when asked) and the history files, all made from the committed state alone. */
  private void writeDerived(Path runDir, Checkpoint ck, boolean withBest) {
    if (withBest) {
      Checkpoint.write(
          runDir.resolve("best.ckpt"), ck.best(), () -> faults.writePoint("inside best.ckpt"));
      faults.writePoint("after best.ckpt");
    }
    profile.lap(CHECKPOINT);
    writeText(runDir.resolve("history.json"), HistoryFiles.json(ck.history()));
    writeText(runDir.resolve("history.csv"), historyCsv.text(ck.history()));
    profile.lap(HISTORY);
  }

  private void writeText(Path file, String text) {
    byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    String name = file.getFileName().toString();
    AtomicFile.write(
        file,
        out -> {
          out.write(bytes, 0, bytes.length / 2);
          out.flush();
          faults.writePoint("inside " + name); // half of it on disk, as a crash would leave it
          out.write(bytes, bytes.length / 2, bytes.length - bytes.length / 2);
        });
    faults.writePoint("after " + name);
  }

  /** The temporaries a killed run left (AtomicFile's hidden siblings of the run's own files). */
  private static void deleteStaleTemporaries(Path runDir) throws IOException {
    try (var files = Files.list(runDir)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        if (TEMPORARY.matcher(p.getFileName().toString()).matches()
            && Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
          Files.delete(p);
        }
      }
    }
  }

  private JsonNode provenance(
      TrainConfig cfg, String datasetSha, String preset, int trainSize, int valSize) {
    ObjectNode p = object();
    p.set("config", tree(cfg.toMap()));
    p.put("seed", cfg.seed());
    ObjectNode d = p.putObject("dataset");
    d.put("sha256", datasetSha);
    d.put("preset", preset);
    d.put("source", dataSource == null ? "preset " + cfg.preset() : dataSource);
    d.put("train_circuits", trainSize);
    d.put("val_circuits", valSize);
    p.put("commit", commit == null ? SourceCommit.current() : commit);
    return p;
  }

  /** Refuses, before anything is allocated or written, data the model's grid cannot hold. */
  private static void checkFits(List<ModelExample> examples, ModelConfig mc) {
    for (ModelExample ex : examples) {
      int nodes = org.zged.circuit.CircuitGraph.of(ex.circuit()).nodeCount();
      if (nodes > mc.maxNodes()) {
        String name = ex.circuit().title().isEmpty() ? "a circuit" : ex.circuit().title();
        throw new InputException(
            "model.max_nodes",
            mc.maxNodes() + " is too small for the data: " + name + " has " + nodes + " nodes");
      }
    }
  }

  private static String kept(Path last, int epoch) {
    return epoch == 0
        ? "stopped before the first checkpoint"
        : "stopped; " + last + " keeps the last good epoch (" + epoch + ")";
  }

  private Map<String, Double> trainEpoch(
      TrainConfig cfg,
      ZgedModel model,
      AdamOptimizer adam,
      VaeLoss loss,
      GraphBatch train,
      int epoch) {
    int[] order = shuffled(train.size(), new SplittableRandom(mix(cfg.seed(), epoch, -1)));
    int bs = cfg.batchSize();
    int steps = (train.size() + bs - 1) / bs;
    listener.epochStarted(epoch, steps);
    Map<String, Double> sums = new LinkedHashMap<>();
    MetricCounter metrics = new MetricCounter();
    int skippedSteps = 0;
    double temperature = cfg.temperature(epoch);
    double klFactor = cfg.klFactor(epoch);
    ModelConfig mc = cfg.model();
    for (int step = 0; step < steps; step++) {
      int[] rows =
          java.util.Arrays.copyOfRange(order, step * bs, Math.min(train.size(), (step + 1) * bs));
      GraphBatch batch = train.select(rows);
      SplittableRandom rng = new SplittableRandom(mix(cfg.seed(), epoch, step));
      double stepLr = cfg.learningRate((long) epoch * steps + step, (long) cfg.epochs() * steps);
      try (NDManager sub = model.manager().newSubManager()) {
        NDList inputs = batch.inputs(sub);
        inputs.add(gaussian(sub, new Shape(rows.length, mc.latentDims()), rng));
        addTeacher(inputs, batch, sub, mc);
        NDArray gumbel =
            GumbelSoftmax.noise(
                sub, new Shape(rows.length, mc.maxNodes(), mc.maxNodes(), EdgeClass.COUNT), rng);
        LossTerms terms;
        NDList out;
        profile.lap(BATCH);
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
          out = model.network().forward(model.parameterStore(), inputs, true);
          profile.lap(FORWARD);
          terms = loss.compute(out, batch, gumbel, temperature, klFactor);
          NonFiniteLoss.check(
              faults.loss(terms.raw().get("total"), epoch, step),
              "epoch " + (epoch + 1) + " step " + (step + 1));
          profile.lap(LOSS);
          gc.backward(terms.total());
          profile.lap(BACKWARD);
        }
        // In-place updates of the weights need autograd off. The collector restores the thread's
        // previous mode, which is off only on the thread that started the engine: a model loaded
        // from a file no longer starts it, so training may be the first engine user on its thread.
        double norm = NoGrad.call(() -> adam.update(stepLr, cfg.gradClip(), sub));
        profile.lap(OPTIMIZER);
        if (!(norm <= AdamOptimizer.MAX_NORM)) {
          skippedSteps++;
          listener.stepSkipped(epoch, step, norm);
        }
        accumulate(sums, terms, rows.length);
        metrics.add(batch, out.get(3).toFloatArray(), out.get(4).toFloatArray(), mc.maxNodes());
        listener.stepDone(epoch, step, terms.raw().get("total"));
      }
      profile.lap(METRICS);
      profile.stepDone();
    }
    Map<String, Double> stats = averaged(sums, train.size());
    metrics.putInto(stats);
    stats.put("skipped_steps", (double) skippedSteps);
    return stats;
  }

  /** Validation: z = μ (ε = 0), no Gumbel noise, metrics from the deterministic decode. */
  private Map<String, Double> evaluate(
      TrainConfig cfg, ZgedModel model, VaeLoss loss, GraphBatch val, int epoch) {
    ModelConfig mc = cfg.model();
    Map<String, Double> sums = new LinkedHashMap<>();
    MetricCounter metrics = new MetricCounter();
    int bs = 512;
    for (int from = 0; from < val.size(); from += bs) {
      int[] rows = new int[Math.min(val.size(), from + bs) - from];
      for (int i = 0; i < rows.length; i++) {
        rows[i] = from + i;
      }
      GraphBatch batch = val.size() <= bs ? val : val.select(rows);
      int count = rows.length;
      try (NDManager sub = model.manager().newSubManager()) {
        NDList inputs = batch.inputs(sub);
        inputs.add(sub.zeros(new Shape(count, mc.latentDims())));
        addTeacher(inputs, batch, sub, mc);
        NDArray gumbel = sub.zeros(new Shape(count, mc.maxNodes(), mc.maxNodes(), EdgeClass.COUNT));
        NDList out = model.network().forward(model.parameterStore(), inputs, false);
        LossTerms terms =
            loss.compute(out, batch, gumbel, cfg.temperature(epoch), cfg.klFactor(epoch));
        NonFiniteLoss.check(terms.raw().get("total"), "epoch " + (epoch + 1) + " validation");
        accumulate(sums, terms, count);
        float[] mu = out.get(0).toFloatArray();
        int d = mc.latentDims();
        float[][] zs = new float[count][];
        for (int i = 0; i < zs.length; i++) {
          zs[i] = java.util.Arrays.copyOfRange(mu, i * d, (i + 1) * d);
        }
        if (mc.autoregressiveEdges()) {
          // not the teacher-forced outputs: the greedy decode, each pair given the decoded ones
          org.zged.model.inference.DecoderOutput greedy = model.decoderOutputs(zs);
          metrics.add(batch, greedy.nodeLogits(), greedy.edgeLogProbs(), mc.maxNodes());
        } else {
          metrics.add(batch, out.get(3).toFloatArray(), out.get(4).toFloatArray(), mc.maxNodes());
        }
        for (DecodeResult r : model.decodeAll(zs)) {
          metrics.addConnectivity(r.vinConnected() && r.voutConnected());
        }
      }
    }
    Map<String, Double> stats = averaged(sums, val.size());
    metrics.putInto(stats);
    return stats;
  }

  /** On the autoregressive edge path, the true classes it is conditioned on (teacher forcing). */
  private static void addTeacher(NDList inputs, GraphBatch batch, NDManager sub, ModelConfig mc) {
    if (mc.autoregressiveEdges()) {
      inputs.add(batch.nodeTargets(sub));
      inputs.add(batch.edgeTargets(sub));
    }
  }

  private static void accumulate(Map<String, Double> sums, LossTerms terms, int weight) {
    terms.raw().forEach((k, v) -> sums.merge(k, v * weight, Double::sum));
    terms.weighted().forEach((k, v) -> sums.merge("w_" + k, v * weight, Double::sum));
  }

  private static Map<String, Double> averaged(Map<String, Double> sums, int count) {
    Map<String, Double> out = new LinkedHashMap<>();
    double total = sums.getOrDefault("total", 0.0);
    sums.forEach(
        (k, v) -> {
          if (!k.startsWith("w_")) {
            out.put(k, v / count);
          }
        });
    for (String part : new String[] {"recon", "tf", "kl", "connectivity"}) {
      double w = sums.getOrDefault("w_" + part, 0.0);
      out.put("share_" + part, total == 0 ? 0.0 : w / total);
    }
    return out;
  }

  static NDArray gaussian(NDManager m, Shape shape, SplittableRandom rng) {
    float[] e = new float[(int) shape.size()];
    for (int i = 0; i < e.length; i++) {
      e[i] = (float) org.zged.math.Gaussians.next(rng); // from the Java RNG: ε is reproducible
    }
    return Tensors.of(m, e, shape);
  }

  static int[] shuffled(int n, SplittableRandom rng) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
    return a;
  }

  /** A well-mixed 64-bit seed from (seed, epoch, step). */
  static long mix(long seed, int epoch, int step) {
    long h = seed * 0x9E3779B97F4A7C15L + epoch;
    h = (h ^ (h >>> 31)) * 0xBF58476D1CE4E5B9L + step;
    h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
    return h ^ (h >>> 31);
  }

  /** Options: a progress listener, and stopping early (after N epochs of this invocation). */
  public static final class Builder {
    private TrainingListener listener = new TrainingListener() {};
    private int stopAfter;
    private String dataSource;
    private String commit;
    private TrainingProfile profile;

    /** Where the data came from, for the provenance (default: "preset NAME" of the config). */
    public Builder optDataSource(String source) {
      this.dataSource = source;
      return this;
    }

    /** The source commit for the provenance (default: {@link SourceCommit#current()}). */
    public Builder optCommit(String sourceCommit) {
      this.commit = sourceCommit;
      return this;
    }

    public Builder optListener(TrainingListener l) {
      this.listener = l;
      return this;
    }

    /** Stop after this many epochs even if the config asks for more (0 = run to the end). */
    public Builder optStopAfterEpochs(int epochs) {
      this.stopAfter = epochs;
      return this;
    }

    /** Times the run's phases into {@code p} (wall and CPU time per phase). */
    public Builder optProfile(TrainingProfile p) {
      this.profile = p;
      return this;
    }

    public ModelTrainer build() {
      return new ModelTrainer(this);
    }
  }

  static JsonNode tree(Object o) {
    return JSON.valueToTree(o);
  }

  static ObjectNode object() {
    return JSON.createObjectNode();
  }
}
