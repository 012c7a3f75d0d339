package org.zged.generate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.zged.circuit.Circuit;
import org.zged.fit.FitResult;
import org.zged.fit.SpecTarget;
import org.zged.fit.ValueFitter;
import org.zged.graph.TopologySignature;

/**
 * One design in progress: the target and constraints, the analyses budget, and every topology
 * evaluated so far (each canonical topology is fitted once; asking again returns the cached result
 * at no cost). Not thread-safe: one run per thread.
 */
final class SearchRun {
  private final SpecTarget target;
  private final Constraints constraints;
  private final ValueFitter fitter;
  private final AnalysisBudget budget;
  private final int wanted;
  private final long seed;
  private final Map<TopologySignature, Generation.Ranked> evaluated = new HashMap<>();
  private final List<Generation.Ranked> results = new ArrayList<>();
  private int meeting;

  SearchRun(
      SpecTarget target,
      Constraints constraints,
      ValueFitter fitter,
      AnalysisBudget budget,
      int wanted,
      long seed) {
    this.target = target;
    this.constraints = constraints;
    this.fitter = fitter;
    this.budget = budget;
    this.wanted = wanted;
    this.seed = seed;
  }

  SpecTarget target() {
    return target;
  }

  Constraints constraints() {
    return constraints;
  }

  AnalysisBudget budget() {
    return budget;
  }

  long seed() {
    return seed;
  }

  /** Enough candidates meet the target, or the budget is spent. */
  boolean done() {
    return meeting >= wanted || budget.exhausted();
  }

  int meeting() {
    return meeting;
  }

  int topologiesTried() {
    return evaluated.size();
  }

  List<Generation.Ranked> results() {
    return results;
  }

  /** Whether this topology was fitted already. */
  boolean seen(TopologySignature t) {
    return evaluated.containsKey(t);
  }

  /**
   * Fits a proposal's values (unless its topology was fitted before) and records the verified
   * result; null when the constraints rule the topology out, the budget is spent, or the fitted
   * circuit cannot be analysed.
   */
  Generation.Ranked evaluate(Proposal p) {
    Generation.Ranked cached = evaluated.get(p.topology());
    if (cached != null || evaluated.containsKey(p.topology())) {
      return cached;
    }
    if (budget.exhausted() || !constraints.admits(p.circuit()) || !p.circuit().isValid()) {
      return null;
    }
    FitResult fit = fitter.fit(p.circuit(), target);
    budget.spend(fit.evaluations());
    if (fit.analysed() && constraints.hasValueWindows()) {
      Circuit moved = constraints.intoWindows(fit.circuit());
      if (moved != fit.circuit()) {
        fit = fitter.verify(moved, target); // impedance scaling leaves H(s) as is; prove it
        budget.spend(1);
      }
    }
    Generation.Ranked r = null;
    if (fit.analysed() && fit.circuit().isValid()) {
      boolean met = meets(fit);
      r = new Generation.Ranked(fit, p.source(), p.topology().key(), met);
      results.add(r);
      if (met) {
        meeting++;
        budget.markSuccess();
      }
    }
    evaluated.put(p.topology(), r);
    return r;
  }

  /** The target within 1 %, every value buyable, every constraint kept. */
  boolean meets(FitResult f) {
    return SpecGenerator.meets(f) && constraints.violations(f.circuit()).isEmpty();
  }

  /**
   * A number to minimise for search: below 1 for candidates that meet everything (fewer parts
   * lower), above 1 otherwise, growing with log10 of the worst spec error and with each broken
   * constraint.
   */
  double cost(Generation.Ranked r) {
    if (r == null) {
      return Double.POSITIVE_INFINITY;
    }
    FitResult f = r.fit();
    int parts = f.circuit().elements().size();
    if (r.meets()) {
      return parts / 100.0;
    }
    double s = f.score();
    double err = Double.isFinite(s) ? Math.max(-2, Math.log10(Math.max(s, 1e-12))) : 3;
    return 3
        + err
        + (f.inRange() ? 0 : 1)
        + constraints.violations(f.circuit()).size()
        + parts / 100.0;
  }
}
