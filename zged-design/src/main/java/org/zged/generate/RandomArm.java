package org.zged.generate;

/**
 * Blind search: random canonical topologies ({@link TopologyMoves#random}), each fitted once
 * ({@link SearchRun#evaluateScreened}), until the budget is spent — the baseline that shows what a
 * proposer adds.
 */
final class RandomArm implements SearchArm {
  static final String SOURCE = "random";

  @Override
  public void search(SearchRun run) {
    TopologyMoves moves = new TopologyMoves(run.target(), run.constraints(), run.seed());
    int misses = 0;
    while (!run.done() && misses < 10_000) {
      Proposal p = moves.random(SOURCE);
      if (p == null || run.seen(p.topology()) || !run.constraints().admits(p.circuit())) {
        misses++;
        continue;
      }
      run.evaluateScreened(p);
    }
  }
}
