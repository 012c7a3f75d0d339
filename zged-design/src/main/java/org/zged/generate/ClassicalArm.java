package org.zged.generate;

/**
 * Classical synthesis as a search arm: the mask envelope's lowest-order ladder ({@link
 * MaskGoal#classical()}), verified on the mask through the same {@link SearchRun} as every other
 * proposal. Proposes nothing where synthesis does not apply (an fc/Q or pole/zero target, a mask
 * with a notch between passbands).
 */
final class ClassicalArm implements SearchArm {
  static final String SOURCE = "classical";

  @Override
  public void search(SearchRun run) {
    MaskGoal g = run.goal();
    if (g == null || !g.classicalApplies() || run.done()) {
      return;
    }
    Proposal p = proposal(g, SOURCE);
    if (p != null) {
      run.evaluate(p);
    }
  }

  /** The ladder as a proposal (its terminations included), or null. */
  static Proposal proposal(MaskGoal g, String source) {
    if (!g.classicalApplies()) {
      return null;
    }
    return Proposal.of(g.classical().circuit(), source);
  }

  /** Parts of the classical ladder (its terminations included). */
  static int parts(MaskGoal g) {
    return g.classical().circuit().elements().size();
  }
}
