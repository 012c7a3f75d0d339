package org.zged.generate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Topology search by a steady-state genetic algorithm on circuit graphs: a population of fitted
 * topologies, parents picked by binary tournament on {@link SearchRun#cost}, children made by
 * crossover (probability 0.3) and/or one graph mutation ({@link TopologyMoves}), each child fitted
 * with the same fitter, the worst member replaced when the child is better. Seeds, when given (e.g.
 * the VAE's or the templates' proposals), and the best half-population of what earlier arms of the
 * run found enter the first population; random topologies fill it.
 */
final class EvolutionaryArm implements SearchArm {
  static final String SOURCE = "evolutionary";
  private static final int POPULATION = 12;
  private static final double CROSSOVER = 0.3;

  private final List<Proposal> seeds;

  EvolutionaryArm(List<Proposal> seeds) {
    this.seeds = seeds;
  }

  EvolutionaryArm() {
    this(List.of());
  }

  @Override
  public void search(SearchRun run) {
    TopologyMoves moves = new TopologyMoves(run.target(), run.constraints(), run.seed() + 7);
    SplittableRandom rng = new SplittableRandom(run.seed() + 11);
    List<Generation.Ranked> pop = new ArrayList<>();
    for (Proposal s : seeds) {
      add(pop, run.evaluateScreened(s), run);
    }
    // The best of what earlier arms of this run found fill half the population; random
    // topologies the rest, so that a poor proposer cannot narrow the search.
    List<Generation.Ranked> earlier = new ArrayList<>(run.results());
    earlier.sort(Comparator.comparingDouble(run::cost));
    for (Generation.Ranked r : earlier) {
      if (pop.size() < POPULATION / 2 && !pop.contains(r)) {
        pop.add(r);
      }
    }
    int misses = 0;
    while (pop.size() < POPULATION && !run.done() && misses < 1000) {
      Proposal p = moves.random(SOURCE);
      Generation.Ranked r = p == null || run.seen(p.topology()) ? null : run.evaluateScreened(p);
      if (r == null) {
        misses++;
      }
      add(pop, r, run);
    }
    if (pop.isEmpty()) {
      return;
    }
    misses = 0;
    while (!run.done() && misses < 5000) {
      Generation.Ranked a = tournament(pop, rng, run);
      Proposal child;
      if (rng.nextDouble() < CROSSOVER && pop.size() > 1) {
        Generation.Ranked b = tournament(pop, rng, run);
        child = moves.crossover(a.fit().circuit(), b.fit().circuit(), SOURCE);
        if (child != null && rng.nextBoolean()) {
          child = moves.mutate(child.circuit(), SOURCE);
        }
      } else {
        child = moves.mutate(a.fit().circuit(), SOURCE);
      }
      if (child == null || run.seen(child.topology())) {
        misses++;
        continue;
      }
      Generation.Ranked r = run.evaluateScreened(child);
      if (r == null) {
        misses++;
        continue;
      }
      pop.sort(Comparator.comparingDouble(run::cost));
      if (pop.size() < POPULATION) {
        pop.add(r);
      } else if (run.cost(r) < run.cost(pop.get(pop.size() - 1))) {
        pop.set(pop.size() - 1, r);
      }
    }
  }

  private static void add(List<Generation.Ranked> pop, Generation.Ranked r, SearchRun run) {
    if (r != null && !pop.contains(r)) {
      pop.add(r);
    }
  }

  private static Generation.Ranked tournament(
      List<Generation.Ranked> pop, SplittableRandom rng, SearchRun run) {
    Generation.Ranked a = pop.get(rng.nextInt(pop.size()));
    Generation.Ranked b = pop.get(rng.nextInt(pop.size()));
    return run.cost(a) <= run.cost(b) ? a : b;
  }
}
