package org.zged.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.hipparchus.complex.Complex;
import org.zged.circuit.CircuitGraph;
import org.zged.circuit.Element;
import org.zged.circuit.ElementKind;
import org.zged.dataset.CircuitRecord;
import org.zged.dataset.Dataset;
import org.zged.dataset.Split;
import org.zged.fit.Units;
import org.zged.graph.GraphEditDistance;
import org.zged.graph.TopologySignature;
import org.zged.model.ConsistentDecoder;
import org.zged.model.DecodeResult;
import org.zged.model.ModelConfig;
import org.zged.model.ModelExample;
import org.zged.model.TfPrediction;
import org.zged.model.ZgedModel;

/**
 * Runs the whole evaluation of a model on a dataset: reconstruction (encode → μ → argmax decode),
 * the latent space (silhouette, k-means purity, per latent group), the transfer-function head
 * (pole/zero Chamfer), latent distance vs graph edit distance (Spearman), and the generative
 * protocol on the prior.
 *
 * <pre>{@code
 * Evaluation e = ModelEvaluator.builder().setModel(model).setData(Datasets.full())
 *     .optSplit(Split.TEST).build().run();
 * }</pre>
 */
public final class ModelEvaluator {
  private final ZgedModel model;
  private final Dataset data;
  private final Split split;
  private final String modelName;
  private final String dataName;
  private final int priorSamples;
  private final int decodesPerSample;
  private final double temperature;
  private final int gedCircuits;
  private final int consistencySamples;
  private final long seed;
  private final Consumer<String> progress;

  private ModelEvaluator(Builder b) {
    this.model = b.model;
    this.data = b.data;
    this.split = b.split;
    this.modelName = b.modelName;
    this.dataName = b.dataName;
    this.priorSamples = b.priorSamples;
    this.decodesPerSample = b.decodesPerSample;
    this.temperature = b.temperature;
    this.gedCircuits = b.gedCircuits;
    this.consistencySamples = b.consistencySamples;
    this.seed = b.seed;
    this.progress = b.progress;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The report, the raw latent means behind it and their family labels (for plots). */
  public record Evaluation(
      EvalReport report, double[][] mu, int[] familyLabels, List<String> familyNames) {
    /** Columns {@code from} (inclusive) to {@code to} (exclusive) of μ: one latent group. */
    public double[][] latentGroup(int from, int to) {
      return Distances.columns(mu, from, to);
    }
  }

  public Evaluation run() {
    long t0 = System.nanoTime();
    List<CircuitRecord> records = split == null ? data.records() : data.split(split);
    if (records.isEmpty()) {
      throw new org.zged.InputException(
          "--split", "the " + splitName() + " split of the data is empty");
    }
    ModelConfig cfg = model.config();
    List<ModelExample> examples = new ArrayList<>();
    for (CircuitRecord r : records) {
      int nodes = r.graph().nodeCount();
      if (nodes > cfg.maxNodes()) {
        throw new org.zged.InputException(
            "--data",
            "record "
                + r.id()
                + " has "
                + nodes
                + " nodes, the model's grid holds "
                + cfg.maxNodes()
                + " (use a model with max_nodes >= "
                + nodes
                + ")");
      }
      examples.add(new ModelExample(r.circuit(), r.poles(), r.zeros()));
    }
    progress.accept("encoding " + records.size() + " circuits");
    float[][] muF = model.encodeAll(examples);
    double[][] mu = toDouble(muF);

    progress.accept("decoding μ");
    List<DecodeResult> decoded = model.decodeAll(muF);
    ReconstructionTally tally = new ReconstructionTally(cfg.maxNodes());
    for (int i = 0; i < records.size(); i++) {
      // slot by slot in the model's own node order (canonical for an open-space model)
      tally.add(org.zged.model.SlotOrder.of(records.get(i).graph(), cfg), decoded.get(i).graph());
    }
    // the network's own argmax, without the decoder's rules: what the rules cost or gain
    double rawMatch = topologyMatch(records, model.decodeAllUnconstrained(muF));
    // the decode that agrees best with the encoder (costs 1 + samples decodes and encodes each)
    ConsistentDecoder consistent =
        consistencySamples == 0
            ? null
            : new ConsistentDecoder(
                model, consistencySamples, ConsistentDecoder.DEFAULT_TEMPERATURE);
    double consistentMatch = Double.NaN;
    if (consistent != null && !records.isEmpty()) {
      progress.accept(
          "consistent decoding (" + consistencySamples + " samples per latent, re-encoded)");
      consistentMatch = topologyMatch(records, consistent.decodeAll(muF, decoded, seed + 11));
    }

    // Family labels colour the PCA plot only; the latent metrics group by canonical topology.
    List<String> families =
        new ArrayList<>(
            new java.util.TreeSet<>(records.stream().map(r -> r.family().id()).toList()));
    Map<String, Integer> famIndex = new HashMap<>();
    for (int i = 0; i < families.size(); i++) {
      famIndex.put(families.get(i), i);
    }
    int[] labels = records.stream().mapToInt(r -> famIndex.get(r.family().id())).toArray();
    List<TopologySignature> sig =
        records.stream().map(r -> TopologySignature.of(r.graph())).toList();
    TopologyGroups topo = TopologyGroups.of(sig);

    progress.accept(
        "latent metrics by canonical topology ("
            + topo.topologies()
            + " topologies with 2+ circuits, "
            + topo.rows().length
            + " circuits)");
    double[][] grouped = topo.select(mu);
    Map<String, EvalReport.LatentGroup> groups = new LinkedHashMap<>();
    int t = cfg.topologyDims();
    int v = t + cfg.valueDims();
    int all = cfg.latentDims();
    groups.put("topology", latentGroup(grouped, topo, 0, t));
    groups.put("values", latentGroup(grouped, topo, t, v));
    groups.put("transfer_function", latentGroup(grouped, topo, v, all));
    EvalReport.LatentGroup whole = latentGroup(grouped, topo, 0, all);

    progress.accept("latent swap test");
    EvalReport.LatentSwap swap =
        LatentSwap.measure(model, muF, sig, 0, cfg.topologyDims(), seed, consistent);

    progress.accept("transfer-function head");
    double[] chamfer = chamfer(muF, records, cfg);

    progress.accept("graph edit distance vs latent distance");
    double[] ged = gedSpearman(records, mu);

    EvalReport.Prior prior = null;
    if (priorSamples > 0) {
      progress.accept(
          "prior: "
              + priorSamples
              + " latents × "
              + decodesPerSample
              + " decodes at T="
              + temperature);
      prior = prior(cfg);
    }

    Map<String, Double> perClass = new LinkedHashMap<>();
    tally.perClassAccuracy().forEach((c, a) -> perClass.put(c.name(), a));
    Map<String, EvalReport.ValueError> valueError = new LinkedHashMap<>();
    for (ElementKind kind : ElementKind.values()) {
      List<Double> errs = tally.valueErrors(kind);
      valueError.put(
          kind.name(),
          new EvalReport.ValueError(
              errs.size(),
              org.zged.math.Quantiles.median(errs),
              org.zged.math.Quantiles.of(errs, 0.95)));
    }
    EvalReport report =
        new EvalReport(
            modelName,
            dataName,
            splitName(),
            records.size(),
            families.size(),
            topo.allTopologies(),
            topo.rows().length,
            topo.topologies(),
            model.parameterCounts(),
            tally.nodeTypeAccuracy(),
            tally.edgeClassAccuracy(),
            perClass,
            tally.confusion(),
            tally.componentTypeAccuracy(),
            tally.edgeCountMatch(),
            tally.vinConnectivity(),
            tally.voutConnectivity(),
            tally.topologyMatch(),
            rawMatch,
            consistentMatch,
            tally.topologyMatchByNodes(),
            valueError,
            whole.silhouette(),
            whole.purity(),
            groups,
            swap,
            chamfer[0],
            chamfer[1],
            ged[0],
            (int) ged[1],
            prior,
            (System.nanoTime() - t0) / 1e9);
    return new Evaluation(report, mu, labels, families);
  }

  /** The share of records whose decode has the record's canonical topology (NaN for none). */
  private static double topologyMatch(List<CircuitRecord> records, List<DecodeResult> decoded) {
    long matches = 0;
    for (int i = 0; i < records.size(); i++) {
      matches +=
          TopologySignature.of(records.get(i).graph())
                  .equals(TopologySignature.of(decoded.get(i).graph()))
              ? 1
              : 0;
    }
    return records.isEmpty() ? Double.NaN : (double) matches / records.size();
  }

  private String splitName() {
    return split == null ? "all" : split.label();
  }

  /**
   * Silhouette and k-means purity of one latent group, with k = the number of topologies. Many
   * topologies (the open preset) make k-means costly, so the restarts drop from 10 to 2 there.
   */
  private EvalReport.LatentGroup latentGroup(
      double[][] grouped, TopologyGroups topo, int from, int to) {
    double[][] x = Distances.columns(grouped, from, to);
    int k = topo.topologies();
    double sil = Silhouette.score(x, topo.labels());
    double purity = Double.NaN;
    if (x.length >= k && k >= 2) {
      int restarts = (long) k * x.length > 200_000 ? 2 : 10;
      KMeans.Fit fit = KMeans.builder().setK(k).optRestarts(restarts).optSeed(seed).build().fit(x);
      purity = ClusterPurity.of(fit.assignment(), topo.labels());
    }
    return new EvalReport.LatentGroup(from, to, sil, purity);
  }

  /**
   * Mean pole and zero Chamfer of the TF head's reading of μ against the true roots, truncated like
   * the training targets to the {@code maxPoles}/{@code maxZeros} roots of smallest magnitude.
   * Circuits without true zeros are skipped for the zero mean (see {@link Chamfer}).
   */
  private double[] chamfer(float[][] mu, List<CircuitRecord> records, ModelConfig cfg) {
    double poles = 0;
    int np = 0;
    double zeros = 0;
    int nz = 0;
    for (int i = 0; i < records.size(); i++) {
      TfPrediction p = model.predictTransferFunction(mu[i]);
      List<Complex> tp = smallest(records.get(i).poles(), cfg.maxPoles());
      List<Complex> tz = smallest(records.get(i).zeros(), cfg.maxZeros());
      if (Chamfer.isDefined(tp)) {
        poles += Chamfer.distance(p.poles(), tp);
        np++;
      }
      if (Chamfer.isDefined(tz)) {
        zeros += Chamfer.distance(p.zeros(), tz);
        nz++;
      }
    }
    return new double[] {np == 0 ? Double.NaN : poles / np, nz == 0 ? Double.NaN : zeros / nz};
  }

  private static List<Complex> smallest(List<Complex> roots, int max) {
    return roots.stream().sorted(Comparator.comparingDouble(Complex::norm)).limit(max).toList();
  }

  /** {spearman, pairs} over a seeded subsample of at most {@code gedCircuits} circuits. */
  private double[] gedSpearman(List<CircuitRecord> records, double[][] mu) {
    List<Integer> idx = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      idx.add(i);
    }
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int i = idx.size() - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      idx.set(i, idx.set(j, idx.get(i)));
    }
    List<Integer> pick = idx.subList(0, Math.min(gedCircuits, idx.size()));
    List<CircuitGraph> graphs = pick.stream().map(i -> records.get(i).graph()).toList();
    double[][] ged = GraphEditDistance.standard().matrix(graphs);
    int n = pick.size();
    int pairs = n * (n - 1) / 2;
    double[] g = new double[pairs];
    double[] d = new double[pairs];
    int p = 0;
    for (int a = 0; a < n; a++) {
      for (int b = a + 1; b < n; b++) {
        g[p] = ged[a][b];
        d[p] = Distances.euclidean(mu[pick.get(a)], mu[pick.get(b)]);
        p++;
      }
    }
    return new double[] {spearman(d, g), pairs};
  }

  private EvalReport.Prior prior(ModelConfig cfg) {
    Set<TopologySignature> training = new HashSet<>();
    for (CircuitRecord r : data.split(Split.TRAIN)) {
      training.add(TopologySignature.of(r.graph()));
    }
    SplittableRandom rnd = new SplittableRandom(seed);
    int dims = cfg.latentDims();
    int total = priorSamples * decodesPerSample;
    int valid = 0;
    int rawValid = 0;
    int electrical = 0;
    Map<String, Integer> failures = new TreeMap<>();
    Map<TopologySignature, Integer> validCounts = new LinkedHashMap<>();
    Map<TopologySignature, Map<String, Integer>> classes = new HashMap<>();
    Map<TopologySignature, String> example = new HashMap<>();
    // Chunks keep the decoder's batch modest; each chunk has its own sampling seed.
    int chunk = Math.max(1, 1000 / decodesPerSample);
    for (int start = 0; start < priorSamples; start += chunk) {
      int m = Math.min(chunk, priorSamples - start);
      float[][] zs = new float[m * decodesPerSample][];
      for (int s = 0; s < m; s++) {
        float[] z = new float[dims];
        for (int d = 0; d < dims; d++) {
          z[d] = (float) org.zged.math.Gaussians.next(rnd);
        }
        for (int r = 0; r < decodesPerSample; r++) {
          zs[s * decodesPerSample + r] = z;
        }
      }
      List<DecodeResult> out = model.decodeAll(zs, temperature, seed + 7919L * start);
      for (DecodeResult raw : model.decodeAll(zs, temperature, seed + 7919L * start, false)) {
        if (raw.circuit() != null && GeneratedCircuitCheck.structurallyValid(raw.graph())) {
          rawValid++;
        }
      }
      for (DecodeResult res : out) {
        if (res.circuit() == null || !GeneratedCircuitCheck.structurallyValid(res.graph())) {
          continue;
        }
        valid++;
        TopologySignature sig = TopologySignature.of(res.graph());
        validCounts.merge(sig, 1, Integer::sum);
        GeneratedCircuitCheck.Electrical e = GeneratedCircuitCheck.electrical(res.circuit());
        if (e.valid()) {
          electrical++;
        } else {
          failures.merge(e.failure(), 1, Integer::sum);
        }
        String cls = e.valid() ? e.responseClass().label() : "invalid";
        classes.computeIfAbsent(sig, x -> new TreeMap<>()).merge(cls, 1, Integer::sum);
        example.putIfAbsent(sig, compactNetlist(res));
      }
    }
    List<EvalReport.NovelTopology> novel =
        validCounts.entrySet().stream()
            .filter(en -> !training.contains(en.getKey()))
            .sorted(
                Comparator.<Map.Entry<TopologySignature, Integer>>comparingInt(Map.Entry::getValue)
                    .reversed()
                    .thenComparing(en -> en.getKey().key()))
            .map(
                en ->
                    new EvalReport.NovelTopology(
                        en.getKey().key(),
                        en.getValue(),
                        classes.get(en.getKey()),
                        example.get(en.getKey())))
            .collect(Collectors.toList());
    int distinct = validCounts.size();
    return new EvalReport.Prior(
        priorSamples,
        decodesPerSample,
        temperature,
        ratio(valid, total),
        ratio(rawValid, total),
        ratio(electrical, total),
        ratio(distinct, valid),
        ratio(novel.size(), distinct),
        distinct,
        novel,
        failures);
  }

  private static String compactNetlist(DecodeResult res) {
    List<String> parts = new ArrayList<>();
    for (Element e : res.circuit().elements()) {
      parts.add(
          e.name() + " " + e.nodeA() + " " + e.nodeB() + " " + Units.value(e.value(), e.kind()));
    }
    return String.join("; ", parts);
  }

  /**
   * Spearman's rank correlation (Hipparchus; ties share their mean rank), NaN where it is
   * undefined: fewer than two pairs, or a constant input.
   */
  static double spearman(double[] x, double[] y) {
    if (x.length < 2 || isConstant(x) || isConstant(y)) {
      return Double.NaN;
    }
    return new org.hipparchus.stat.correlation.SpearmansCorrelation().correlation(x, y);
  }

  private static boolean isConstant(double[] v) {
    for (double e : v) {
      if (e != v[0]) {
        return false;
      }
    }
    return true;
  }

  private static double ratio(int a, int b) {
    return b == 0 ? Double.NaN : (double) a / b;
  }

  private static double[][] toDouble(float[][] x) {
    double[][] out = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      out[i] = new double[x[i].length];
      for (int j = 0; j < x[i].length; j++) {
        out[i][j] = x[i][j];
      }
    }
    return out;
  }

  /**
   * Required: model, data. Optional: split (null = all; default TEST), names for the report, prior
   * samples (1,000; 0 skips the protocol), decodes per sample (10), temperature (1.0), GED
   * subsample (300 circuits), samples per latent of the consistent decode (0 = skipped), seed (42),
   * progress sink.
   */
  public static final class Builder {
    private ZgedModel model;
    private Dataset data;
    private Split split = Split.TEST;
    private String modelName = "";
    private String dataName = "";
    private int priorSamples = 1000;
    private int decodesPerSample = 10;
    private double temperature = 1.0;
    private int gedCircuits = 300;
    private int consistencySamples = 0;
    private long seed = 42;
    private Consumer<String> progress = s -> {};

    public Builder setModel(ZgedModel model) {
      this.model = model;
      return this;
    }

    public Builder setData(Dataset data) {
      this.data = data;
      return this;
    }

    /** The split to evaluate; null evaluates every record. */
    public Builder optSplit(Split split) {
      this.split = split;
      return this;
    }

    public Builder optNames(String modelName, String dataName) {
      this.modelName = modelName;
      this.dataName = dataName;
      return this;
    }

    public Builder optPriorSamples(int samples) {
      this.priorSamples = samples;
      return this;
    }

    public Builder optDecodesPerSample(int decodes) {
      this.decodesPerSample = decodes;
      return this;
    }

    public Builder optTemperature(double temperature) {
      this.temperature = temperature;
      return this;
    }

    public Builder optGedCircuits(int circuits) {
      this.gedCircuits = circuits;
      return this;
    }

    /**
     * Samples per latent of the decode that agrees best with the encoder ({@link
     * ConsistentDecoder}), for {@code topology_match_consistent} and the swap test's consistent
     * figure; 0 skips both.
     */
    public Builder optConsistencySamples(int samples) {
      this.consistencySamples = samples;
      return this;
    }

    public Builder optSeed(long seed) {
      this.seed = seed;
      return this;
    }

    public Builder optProgress(Consumer<String> progress) {
      this.progress = progress;
      return this;
    }

    public ModelEvaluator build() {
      if (model == null || data == null) {
        throw new IllegalStateException("model and data must be set");
      }
      if (priorSamples < 0 || decodesPerSample < 1) {
        throw new org.zged.InputException(
            "--prior-samples", "must be >= 0 with at least one decode per sample");
      }
      if (!(temperature > 0) || Double.isInfinite(temperature)) {
        throw new org.zged.InputException("--temperature", "must be a finite number > 0");
      }
      if (consistencySamples < 0 || consistencySamples > 256) {
        throw new org.zged.InputException(
            "--consistency-samples", "must be 0..256, got " + consistencySamples);
      }
      if (gedCircuits < 2) {
        throw new IllegalArgumentException("the GED subsample needs at least 2 circuits");
      }
      return new ModelEvaluator(this);
    }
  }
}
