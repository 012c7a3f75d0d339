package org.zged.generate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.zged.circuit.Circuit;
import org.zged.dataset.Dataset;
import org.zged.dataset.Datasets;
import org.zged.fit.FamilyDesign;
import org.zged.fit.FitResult;
import org.zged.fit.SpecTarget;
import org.zged.fit.ValueFitter;
import org.zged.graph.TopologySignature;
import org.zged.model.DecodeResult;
import org.zged.model.ZgedModel;

/**
 * Spec in, verified circuits out; the one pipeline behind {@code zged generate} and {@code POST
 * /api/generate}:
 *
 * <ol>
 *   <li>search: the K nearest reference circuits in spec space ({@link NeighbourSearch});
 *   <li>propose: decode the weight-blended latent, each neighbour's own latent, and a few
 *       temperature samples around the blend; for pole/zero targets the transfer-function part of
 *       every latent is replaced by the encoder's code of the target poles/zeros;
 *   <li>refine: each distinct valid topology, simplest first, gets its values fitted on the exact
 *       analysis ({@link ValueFitter}); refining stops once enough candidates meet the target;
 *   <li>fall back: when no decoded topology meets the target, the known families' closed-form
 *       designs are refined too (marked {@code closed-form});
 *   <li>verify and rank: every result carries the exact analysis of the returned values; rank by
 *       error (errors below {@link #TIE} count as equal), then by element count.
 * </ol>
 *
 * Thread-safe: the model is synchronized, the reference set is built once.
 */
public final class SpecGenerator {
  /** A candidate "meets the target" when every targeted spec is within 1 %. */
  public static final double ACCEPTANCE = 0.01;

  /** Errors below this are ties, so that simpler circuits win among exact fits. */
  static final double TIE = 1e-4;

  private final ZgedModel model;
  private final Dataset referenceData;
  private final int neighbours;
  private final int samples;
  private final double temperature;
  private final double gedWeight;
  private final boolean fallback;
  private final ValueFitter fitter;
  private volatile ReferenceSet reference;

  private SpecGenerator(Builder b) {
    this.model = b.model;
    this.referenceData = b.reference;
    this.neighbours = b.neighbours;
    this.samples = b.samples;
    this.temperature = b.temperature;
    this.gedWeight = b.gedWeight;
    this.fallback = b.fallback;
    this.fitter = b.fitter;
  }

  public static Builder builder() {
    return new Builder();
  }

  public ZgedModel model() {
    return model;
  }

  /** The encoded reference set (built on first use, then cached). */
  public ReferenceSet reference() {
    ReferenceSet r = reference;
    if (r == null) {
      synchronized (this) {
        r = reference;
        if (r == null) {
          r = ReferenceSet.encode(model, referenceData != null ? referenceData : Datasets.full());
          reference = r;
        }
      }
    }
    return r;
  }

  public ValueFitter fitter() {
    return fitter;
  }

  /**
   * Validates a request, runs the pipeline and assembles the JSON-ready response (with E-series
   * snapping and the tolerance Monte Carlo when asked). Bad input throws {@link
   * org.zged.InputException} naming the field.
   */
  public GenerateResponse generate(GenerateRequest request) {
    SpecTarget target = request.target();
    int count = request.countOrDefault();
    var series = request.series();
    var rSeries = request.resistorSeriesOrNull();
    Double tol = request.toleranceOrNull();
    int trials = request.trialsOrDefault();
    long seed = request.seedOrDefault();
    Generation g = generate(target, count, seed);
    return ResponseAssembler.assemble(
        g, series, rSeries, request.trimOrDefault(), tol, trials, seed, this);
  }

  /** Runs the pipeline for a validated target and returns the best {@code count} results. */
  public Generation generate(SpecTarget target, int count, long seed) {
    ReferenceSet ref = reference(); // built once per generator; not part of the timing below
    long t0 = System.nanoTime();
    List<NeighbourSearch.Neighbour> nn =
        NeighbourSearch.nearest(ref, target, neighbours, gedWeight);
    float[] tf =
        target.isPoleZero() ? model.encodeTransferFunction(target.poles(), target.zeros()) : null;
    List<Generation.Ranked> results = new ArrayList<>();
    Set<TopologySignature> seen = new HashSet<>();
    int tried = refine(fresh(deterministic(nn, tf), seen), target, count, results);
    // The stages below run only while fewer than `count` candidates meet the target.
    if (samples > 0 && countMeeting(results) < count && !nn.isEmpty()) {
      tried += refine(fresh(sampled(nn, tf, seed), seen), target, count, results);
    }
    if (fallback && !target.isPoleZero() && countMeeting(results) < count) {
      List<Proposal> designs = new ArrayList<>();
      for (FamilyDesign d : FamilyDesign.values()) {
        if (d.canMeet(target)) {
          Circuit c = d.design(target);
          designs.add(new Proposal(c, TopologySignature.of(c), "closed-form"));
        }
      }
      tried += refine(fresh(designs, seen), target, count, results);
    }
    results.sort(RANKING);
    List<Generation.Ranked> best = List.copyOf(results.subList(0, Math.min(count, results.size())));
    String diagnosis = Diagnosis.of(target, best.isEmpty() ? null : best.get(0).fit(), ACCEPTANCE);
    return new Generation(target, best, tried, diagnosis, (System.nanoTime() - t0) / 1e6);
  }

  /**
   * The decoded blend of the neighbours' latents, then each neighbour's own decode (precomputed in
   * the reference set; for pole/zero targets the neighbours are decoded again with the target's
   * transfer-function code in place of their own).
   */
  private List<Proposal> deterministic(List<NeighbourSearch.Neighbour> nn, float[] tf) {
    if (nn.isEmpty()) {
      return List.of();
    }
    List<float[]> latents = new ArrayList<>();
    latents.add(withTf(blend(nn), tf));
    if (tf != null) {
      nn.forEach(n -> latents.add(withTf(n.entry().mu(), tf)));
    }
    List<DecodeResult> decoded = model.decodeAll(latents.toArray(new float[0][]));
    List<Proposal> out = new ArrayList<>();
    addValid(out, decoded.get(0), tf != null ? "vae-tf" : "vae-blend");
    for (int i = 0; i < nn.size(); i++) {
      if (tf != null) {
        addValid(out, decoded.get(i + 1), "vae-neighbour");
      } else if (nn.get(i).entry().decoded() != null) {
        out.add(nn.get(i).entry().decoded());
      }
    }
    out.sort(Comparator.comparingInt(p -> p.circuit().elements().size()));
    return out;
  }

  /** Temperature samples around the blend, simplest first. */
  private List<Proposal> sampled(List<NeighbourSearch.Neighbour> nn, float[] tf, long seed) {
    float[] z = withTf(blend(nn), tf);
    float[][] zs = new float[samples][];
    java.util.Arrays.fill(zs, z);
    List<Proposal> out = new ArrayList<>();
    for (DecodeResult d : model.decodeAll(zs, temperature, seed)) {
      addValid(out, d, "vae-sample");
    }
    out.sort(Comparator.comparingInt(p -> p.circuit().elements().size()));
    return out;
  }

  private static float[] blend(List<NeighbourSearch.Neighbour> nn) {
    int dims = nn.get(0).entry().mu().length;
    float[] z = new float[dims];
    for (NeighbourSearch.Neighbour n : nn) {
      for (int i = 0; i < dims; i++) {
        z[i] += (float) (n.weight() * n.entry().mu()[i]);
      }
    }
    return z;
  }

  private static void addValid(List<Proposal> out, DecodeResult d, String source) {
    if (d.valid()) {
      Circuit tidy = CircuitTidy.tidy(d.circuit());
      out.add(new Proposal(tidy, TopologySignature.of(tidy), source));
    }
  }

  /** Proposals whose topology has not been refined yet (first occurrence wins). */
  private static List<Proposal> fresh(List<Proposal> proposals, Set<TopologySignature> seen) {
    List<Proposal> out = new ArrayList<>();
    for (Proposal p : proposals) {
      if (seen.add(p.topology())) {
        out.add(p);
      }
    }
    return out;
  }

  private static float[] withTf(float[] z, float[] tf) {
    if (tf == null) {
      return z;
    }
    float[] out = z.clone();
    System.arraycopy(tf, 0, out, out.length - tf.length, tf.length);
    return out;
  }

  /** Refines proposals in order until {@code count} results meet the target; returns how many. */
  private int refine(
      List<Proposal> proposals, SpecTarget target, int count, List<Generation.Ranked> results) {
    int tried = 0;
    for (Proposal p : proposals) {
      if (countMeeting(results) >= count) {
        break;
      }
      tried++;
      FitResult fit = fitter.fit(p.circuit(), target);
      if (fit.analysed() && fit.circuit().isValid()) {
        results.add(new Generation.Ranked(fit, p.source(), p.topology().key()));
      }
    }
    return tried;
  }

  private static long countMeeting(List<Generation.Ranked> results) {
    return results.stream().filter(r -> meets(r.fit())).count();
  }

  /** Every targeted spec within {@link #ACCEPTANCE} and every value buyable. */
  public static boolean meets(FitResult f) {
    if (!f.analysed() || !f.inRange()) {
      return false;
    }
    return f.errors() != null ? f.errors().within(ACCEPTANCE) : f.chamferAfter() <= ACCEPTANCE;
  }

  static final Comparator<Generation.Ranked> RANKING =
      Comparator.<Generation.Ranked>comparingDouble(r -> r.fit().inRange() ? 0 : 1)
          .thenComparingDouble(r -> Math.max(r.fit().score(), TIE))
          .thenComparingInt(r -> r.fit().circuit().elements().size())
          .thenComparingDouble(r -> r.fit().score());

  /** DJL-style builder: the model is required, the rest optional. */
  public static final class Builder {
    private ZgedModel model;
    private Dataset reference;
    private int neighbours = 5;
    private int samples = 4;
    private double temperature = 0.7;
    private double gedWeight = 0;
    private boolean fallback = true;
    private ValueFitter fitter = ValueFitter.defaults();

    public Builder setModel(ZgedModel model) {
      this.model = model;
      return this;
    }

    /** The circuits to search (default: the full preset, regenerated deterministically). */
    public Builder optReference(Dataset reference) {
      this.reference = reference;
      return this;
    }

    /** K of the nearest-neighbour search (default 5). */
    public Builder optNeighbours(int k) {
      this.neighbours = k;
      return this;
    }

    /** Temperature samples decoded around the blend (default 4). */
    public Builder optSamples(int samples) {
      this.samples = samples;
      return this;
    }

    public Builder optTemperature(double temperature) {
      this.temperature = temperature;
      return this;
    }

    /** Weight of graph edit distance in the neighbour weights, 0..1 (default 0). */
    public Builder optGedWeight(double gedWeight) {
      this.gedWeight = gedWeight;
      return this;
    }

    /** Whether closed-form family designs are tried when no decoded topology meets the target. */
    public Builder optFallback(boolean fallback) {
      this.fallback = fallback;
      return this;
    }

    public Builder optFitter(ValueFitter fitter) {
      this.fitter = fitter;
      return this;
    }

    public SpecGenerator build() {
      if (model == null) {
        throw new IllegalStateException("setModel is required");
      }
      if (neighbours < 1 || samples < 0 || !(temperature > 0) || gedWeight < 0 || gedWeight > 1) {
        throw new IllegalArgumentException("bad generator settings");
      }
      return new SpecGenerator(this);
    }
  }
}
