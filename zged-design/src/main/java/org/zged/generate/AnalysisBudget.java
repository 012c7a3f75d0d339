package org.zged.generate;

/**
 * The exact analyses one design may spend, counted the same way for every search arm: each value
 * fit adds the analyses it ran ({@link org.zged.fit.FitResult#evaluations()}), each re-verification
 * adds one. An arm stops starting new fits once the budget is spent (a fit in progress finishes, so
 * the total can overshoot by one fit). {@link #atFirstSuccess()} records the count when the first
 * candidate met the target: the benchmark's "analyses to success".
 */
public final class AnalysisBudget {
  private final int limit;
  private int used;
  private int atFirstSuccess = -1;

  public AnalysisBudget(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("budget must be >= 1, got " + limit);
    }
    this.limit = limit;
  }

  public int limit() {
    return limit;
  }

  public int used() {
    return used;
  }

  public boolean exhausted() {
    return used >= limit;
  }

  void spend(int analyses) {
    used += analyses;
  }

  void markSuccess() {
    if (atFirstSuccess < 0) {
      atFirstSuccess = used;
    }
  }

  /** Analyses spent when the first candidate met the target, or -1 if none has. */
  public int atFirstSuccess() {
    return atFirstSuccess;
  }
}
