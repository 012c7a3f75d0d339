package org.zged.generate;

/**
 * One way of proposing topologies for a target. Every arm hands its proposals to the same {@link
 * SearchRun}, which fits them with the same fitter, charges the same {@link AnalysisBudget} and
 * tags each result with the arm's source names, so arms can be compared at equal cost.
 */
interface SearchArm {
  /** Proposes and evaluates until {@link SearchRun#done()} or the arm has nothing left. */
  void search(SearchRun run);
}
