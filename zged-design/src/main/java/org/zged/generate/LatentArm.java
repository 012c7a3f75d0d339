package org.zged.generate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.zged.model.DecodeResult;
import org.zged.model.ZgedModel;

/**
 * The VAE as the topology proposer, in three stages that stop as soon as enough candidates meet the
 * target:
 *
 * <ol>
 *   <li>the decoded blend of the K nearest references' latents and each neighbour's own decode (for
 *       pole/zero targets with the target's encoded transfer function in z[tf]);
 *   <li>temperature samples around the blend;
 *   <li>a cross-entropy-method search over the topology part of the latent, z[0:topologyDims]:
 *       Gaussian samples around the blend are decoded (the value and transfer-function parts kept),
 *       each new valid topology is fitted, the best quarter by {@link SearchRun#cost} re-centres
 *       the Gaussian and sets its spread (never below {@link #MIN_SIGMA}, so the search keeps
 *       moving). Repeats of an already fitted topology cost nothing; the search stops after {@link
 *       #STALE_ROUNDS} rounds without a new topology.
 * </ol>
 */
final class LatentArm implements SearchArm {
  private static final int POPULATION = 24;
  private static final double ELITE = 0.25;
  private static final double MIN_SIGMA = 0.15;
  private static final int MAX_ROUNDS = 40;

  /** Rounds in a row without a new topology after which the latent search gives up. */
  private static final int STALE_ROUNDS = 5;

  private final SpecGenerator generator;
  private final boolean latentSearch;
  private final double budgetShare;

  /**
   * @param latentSearch run stage 3 (the cross-entropy search)
   * @param budgetShare stage 3 stops once this share of the run's budget is spent (1 = all)
   */
  LatentArm(SpecGenerator generator, boolean latentSearch, double budgetShare) {
    this.generator = generator;
    this.latentSearch = latentSearch;
    this.budgetShare = budgetShare;
  }

  @Override
  public void search(SearchRun run) {
    List<NeighbourSearch.Neighbour> nn =
        NeighbourSearch.nearest(
            generator.reference(), run.target(), generator.neighbours(), generator.gedWeight());
    if (nn.isEmpty()) {
      return;
    }
    ZgedModel model = generator.model();
    float[] tf =
        run.target().isPoleZero()
            ? model.encodeTransferFunction(run.target().poles(), run.target().zeros())
            : null;
    evaluateAll(run, deterministic(nn, tf));
    if (!run.done() && generator.samples() > 0) {
      evaluateAll(run, sampled(nn, tf, run.seed()));
    }
    if (!run.done() && latentSearch) {
      crossEntropy(run, withTf(blend(nn), tf));
    }
  }

  private static void evaluateAll(SearchRun run, List<Proposal> proposals) {
    for (Proposal p : proposals) {
      if (run.done()) {
        return;
      }
      run.evaluate(p);
    }
  }

  private void crossEntropy(SearchRun run, float[] centre) {
    int dims = generator.model().config().topologyDims();
    double[] mean = new double[dims];
    double[] sigma = new double[dims];
    for (int i = 0; i < dims; i++) {
      mean[i] = centre[i];
      sigma[i] = 1.0;
    }
    SplittableRandom rng = new SplittableRandom(run.seed() + 3);
    int stale = 0;
    double stop = budgetShare * run.budget().limit();
    for (int round = 0;
        round < MAX_ROUNDS && !run.done() && stale < STALE_ROUNDS && run.budget().used() < stop;
        round++) {
      int triedBefore = run.topologiesTried();
      float[][] zs = new float[POPULATION][];
      for (int k = 0; k < POPULATION; k++) {
        zs[k] = centre.clone();
        for (int i = 0; i < dims; i++) {
          zs[k][i] = (float) (mean[i] + sigma[i] * org.zged.math.Gaussians.next(rng));
        }
      }
      List<DecodeResult> decoded = generator.model().decodeAll(zs);
      double[] cost = new double[POPULATION];
      for (int k = 0; k < POPULATION; k++) {
        DecodeResult d = decoded.get(k);
        cost[k] = Double.POSITIVE_INFINITY;
        if (!d.valid() || run.done()) {
          continue;
        }
        Proposal p = Proposal.of(d.circuit(), "vae-cem");
        cost[k] = p == null ? Double.POSITIVE_INFINITY : run.cost(run.evaluate(p));
      }
      Integer[] order = new Integer[POPULATION];
      for (int k = 0; k < POPULATION; k++) {
        order[k] = k;
      }
      stale = run.topologiesTried() == triedBefore ? stale + 1 : 0;
      Arrays.sort(order, Comparator.comparingDouble(k -> cost[k]));
      int elite = (int) Math.ceil(POPULATION * ELITE);
      if (!Double.isFinite(cost[order[0]])) {
        for (int i = 0; i < dims; i++) {
          sigma[i] *= 1.5; // nothing valid here: widen
        }
        continue;
      }
      for (int i = 0; i < dims; i++) {
        double m = 0;
        int n = 0;
        for (int e = 0; e < elite; e++) {
          if (Double.isFinite(cost[order[e]])) {
            m += zs[order[e]][i];
            n++;
          }
        }
        m /= n;
        double v = 0;
        for (int e = 0; e < elite; e++) {
          if (Double.isFinite(cost[order[e]])) {
            v += (zs[order[e]][i] - m) * (zs[order[e]][i] - m);
          }
        }
        mean[i] = m;
        sigma[i] = Math.max(MIN_SIGMA, Math.sqrt(v / n));
      }
    }
  }

  /**
   * The decoded blend of the neighbours' latents, then each neighbour's own decode (precomputed in
   * the reference set; for pole/zero targets the neighbours are decoded again with the target's
   * transfer-function code in place of their own), simplest first.
   */
  private List<Proposal> deterministic(List<NeighbourSearch.Neighbour> nn, float[] tf) {
    List<float[]> latents = new ArrayList<>();
    latents.add(withTf(blend(nn), tf));
    if (tf != null) {
      nn.forEach(n -> latents.add(withTf(n.entry().mu(), tf)));
    }
    List<DecodeResult> decoded = generator.model().decodeAll(latents.toArray(new float[0][]));
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
    float[][] zs = new float[generator.samples()][];
    Arrays.fill(zs, z);
    List<Proposal> out = new ArrayList<>();
    for (DecodeResult d : generator.model().decodeAll(zs, generator.temperature(), seed)) {
      addValid(out, d, "vae-sample");
    }
    out.sort(Comparator.comparingInt(p -> p.circuit().elements().size()));
    return out;
  }

  static float[] blend(List<NeighbourSearch.Neighbour> nn) {
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
    Proposal p = d.valid() ? Proposal.of(d.circuit(), source) : null;
    if (p != null) {
      out.add(p);
    }
  }

  private static float[] withTf(float[] z, float[] tf) {
    if (tf == null) {
      return z;
    }
    float[] out = z.clone();
    System.arraycopy(tf, 0, out, out.length - tf.length, tf.length);
    return out;
  }
}
