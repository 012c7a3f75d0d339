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
 *   <li>a search in the topology part of the latent, z[0:topologyDims] (a cross-entropy method with
 *       a mixture of Gaussians around an elite, see {@link #crossEntropy}): samples around the
 *       neighbours whose decodes fitted best are decoded, the new topologies among them screened
 *       with a short value fit, simplest first, the close ones fitted in full, and the elite moved
 *       to the best points seen. Repeats of an already fitted topology cost nothing; the search
 *       stops after {@link #STALE_ROUNDS} rounds without a new topology.
 * </ol>
 */
final class LatentArm implements SearchArm {
  private static final int POPULATION = 32;
  private static final int ELITE = 6;
  private static final double INITIAL_SIGMA = 0.7;
  private static final double MIN_SIGMA = 0.15;
  private static final double MAX_SIGMA = 2.0;
  private static final double SHRINK = 0.8;
  private static final double GROW = 1.3;
  private static final int MAX_ROUNDS = 60;

  /** New topologies screened per round, simplest first. */
  static final int SCREENS_PER_ROUND = 4;

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
    java.util.Map<String, Proposal> deferred = new java.util.LinkedHashMap<>();
    evaluateAll(run, deterministic(nn, tf), deferred);
    if (!run.done() && generator.samples() > 0) {
      evaluateAll(run, sampled(nn, tf, run.seed()), deferred);
    }
    if (!run.done() && latentSearch) {
      crossEntropy(run, nn, withTf(blend(nn), tf), deferred);
    }
    // What the graph said could not meet the target, last, simplest first: a wrong prediction
    // costs order, never a topology.
    List<Proposal> last = new ArrayList<>(deferred.values());
    last.sort(Comparator.comparingInt(p -> p.circuit().elements().size()));
    for (Proposal p : last) {
      if (run.done()) {
        return;
      }
      screened(run, p);
    }
  }

  /**
   * Whether a proposal is screened now: the graph does not rule it out for the target ({@link
   * StructuralFit}); otherwise it is kept in {@code deferred} (once per topology) for the end.
   */
  private static boolean now(SearchRun run, Proposal p, java.util.Map<String, Proposal> deferred) {
    if (run.goal() != null
        || run.seen(p.topology())
        || StructuralFit.canMeet(p.circuit(), run.target())) {
      return true;
    }
    deferred.putIfAbsent(p.topology().key(), p);
    return false;
  }

  private static void evaluateAll(
      SearchRun run, List<Proposal> proposals, java.util.Map<String, Proposal> deferred) {
    for (Proposal p : proposals) {
      if (run.done()) {
        return;
      }
      if (now(run, p, deferred)) {
        screened(run, p);
      }
    }
  }

  private static Generation.Ranked screened(SearchRun run, Proposal p) {
    return run.evaluateScreened(p);
  }

  /**
   * The latent search: an elite of latent points (at first the neighbours whose decodes fitted best
   * in stage 1) and Gaussian samples around them in the topology part, z[0:topologyDims], the value
   * and transfer-function parts kept from the blend. Every round decodes {@link #POPULATION}
   * samples (decoding costs no analyses), screens the new topologies among them, simplest first and
   * at most {@link #SCREENS_PER_ROUND}, with a short value fit ({@link SearchRun#SCREEN}), finishes
   * with the full fit those that came within {@link SearchRun#REFINE_BELOW} of the target, and
   * replaces the elite by the best {@link #ELITE} points seen, one per topology (a mixture of
   * Gaussians around them rather than one Gaussian, so the search keeps several directions). The
   * spread shrinks after a round that improved the best cost and grows after one that found no new
   * topology.
   */
  private void crossEntropy(
      SearchRun run,
      List<NeighbourSearch.Neighbour> nn,
      float[] centre,
      java.util.Map<String, Proposal> deferred) {
    int dims = generator.model().config().topologyDims();
    List<Scored> elite = new ArrayList<>();
    if (run.goal() == null && !run.target().isPoleZero()) {
      for (NeighbourSearch.Neighbour n : nn) {
        Proposal p = n.entry().decoded();
        if (p != null && run.seen(p.topology())) {
          double c = run.cost(run.evaluate(p)); // cached: no analyses
          if (Double.isFinite(c)) {
            addElite(elite, new Scored(n.entry().mu(), p.topology().key(), c));
          }
        }
      }
    }
    if (elite.isEmpty()) {
      elite.add(new Scored(centre, "", Double.POSITIVE_INFINITY));
    }
    double sigma = INITIAL_SIGMA;
    SplittableRandom rng = new SplittableRandom(run.seed() + 3);
    int stale = 0;
    double stop = budgetShare * run.budget().limit();
    for (int round = 0;
        round < MAX_ROUNDS && !run.done() && stale < STALE_ROUNDS && run.budget().used() < stop;
        round++) {
      double bestBefore = elite.get(0).cost();
      float[][] zs = new float[POPULATION][];
      for (int k = 0; k < POPULATION; k++) {
        float[] around = elite.get(rng.nextInt(elite.size())).z();
        zs[k] = centre.clone();
        for (int i = 0; i < dims; i++) {
          zs[k][i] = (float) (around[i] + sigma * org.zged.math.Gaussians.next(rng));
        }
      }
      List<DecodeResult> decoded = generator.model().decodeAll(zs);
      Proposal[] proposals = new Proposal[POPULATION];
      java.util.Map<String, Proposal> fresh = new java.util.LinkedHashMap<>();
      int deferredBefore = deferred.size();
      for (int k = 0; k < POPULATION; k++) {
        DecodeResult d = decoded.get(k);
        Proposal p = d.valid() ? Proposal.of(d.circuit(), "vae-cem") : null;
        proposals[k] = p;
        if (p != null
            && !run.seen(p.topology())
            && run.constraints().admits(p.circuit())
            && now(run, p, deferred)) {
          fresh.putIfAbsent(p.topology().key(), p);
        }
      }
      List<Proposal> order = new ArrayList<>(fresh.values());
      order.sort(Comparator.comparingInt(p -> p.circuit().elements().size()));
      int screened = 0;
      for (Proposal p : order) {
        if (run.done() || screened >= SCREENS_PER_ROUND) {
          break;
        }
        screened(run, p);
        screened++;
      }
      // A round whose only new topologies were deferred still explored: it is not stale (else a
      // region where the graph rules out every decode would end the search before it is left).
      boolean found = screened > 0 || deferred.size() > deferredBefore;
      stale = found ? 0 : stale + 1;
      for (int k = 0; k < POPULATION; k++) {
        Proposal p = proposals[k];
        if (p != null && run.seen(p.topology())) {
          double c = run.cost(run.evaluate(p)); // cached
          if (Double.isFinite(c)) {
            addElite(elite, new Scored(zs[k], p.topology().key(), c));
          }
        }
      }
      if (elite.size() > 1 && !Double.isFinite(elite.get(elite.size() - 1).cost())) {
        elite.removeIf(e -> !Double.isFinite(e.cost()));
      }
      if (elite.get(0).cost() < bestBefore) {
        sigma = Math.max(MIN_SIGMA, sigma * SHRINK);
      } else if (screened == 0) {
        sigma = Math.min(MAX_SIGMA, sigma * GROW);
      }
    }
  }

  /** A latent point, the topology it decodes to and that topology's cost in this run. */
  private record Scored(float[] z, String topology, double cost) {}

  /** Keeps the {@link #ELITE} lowest costs, one point per topology (the first one found). */
  private static void addElite(List<Scored> elite, Scored s) {
    for (Scored e : elite) {
      if (e.topology().equals(s.topology())) {
        return;
      }
    }
    elite.add(s);
    elite.sort(Comparator.comparingDouble(Scored::cost));
    while (elite.size() > ELITE) {
      elite.remove(elite.size() - 1);
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
