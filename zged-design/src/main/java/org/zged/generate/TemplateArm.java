package org.zged.generate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.zged.fit.FamilyDesign;
import org.zged.fit.SecondOrderDesign;
import org.zged.fit.SpecTarget;

/**
 * Template lookup: the closed-form designs of the twelve dataset families ({@link FamilyDesign}),
 * those that can meet the target first, then the rest of the target's class, each refined by the
 * same fitter. Pole/zero targets have no closed form; the families' default designs at the target's
 * pole frequency are fitted instead. For a mask, the classical ladder of its envelope comes first,
 * then, for a mask with a notch, the textbook notch sections on a base filter ({@link
 * NotchSections}).
 */
final class TemplateArm implements SearchArm {
  static final String SOURCE = "closed-form";

  /** A mask's classical ladder among the templates (a mask's first template). */
  static final String LADDER_SOURCE = "ladder";

  @Override
  public void search(SearchRun run) {
    List<Proposal> all = new ArrayList<>();
    if (run.goal() != null) {
      Proposal ladder = ClassicalArm.proposal(run.goal(), LADDER_SOURCE);
      if (ladder != null) {
        all.add(ladder);
      }
      all.addAll(NotchSections.proposals(run.goal()));
    }
    all.addAll(proposals(run.target()));
    for (Proposal p : all) {
      if (run.done()) {
        return;
      }
      run.evaluate(p);
    }
  }

  /**
   * After a search that has found its candidates: the closed-form designs that can meet the target
   * exactly (one fit each) and have fewer parts than the largest of the first {@code count} meeting
   * results. Results are ranked by parts among equal errors, so without this the textbook circuit
   * was missing from the answer whenever the VAE's proposals happened to fill it first (a 10 kHz
   * Butterworth low-pass came back as three 4- and 5-part circuits without the 3-part RLC).
   */
  static void simplerThanFound(SearchRun run, int count) {
    if (run.goal() != null || run.target().fcHz() == null) {
      return;
    }
    List<Integer> parts = new ArrayList<>();
    for (Generation.Ranked r : run.results()) {
      if (r.meets()) {
        parts.add(r.parts());
      }
    }
    if (parts.isEmpty()) {
      return;
    }
    parts.sort(null);
    int largest = parts.get(Math.min(parts.size(), count) - 1);
    for (Proposal p : exactDesigns(run.target())) {
      if (p.circuit().elements().size() < largest) {
        run.evaluate(p);
      }
    }
  }

  /** The designs of the second-order sections and families that can meet {@code t} as it is. */
  private static List<Proposal> exactDesigns(SpecTarget t) {
    List<Proposal> out = new ArrayList<>();
    for (SecondOrderDesign d : SecondOrderDesign.values()) {
      if (d.canMeet(t)) {
        Proposal p = Proposal.of(d.design(t), SOURCE);
        if (p != null) {
          out.add(p);
        }
      }
    }
    for (FamilyDesign d : FamilyDesign.values()) {
      if (d.canMeet(t)) {
        Proposal p = Proposal.of(d.design(t), SOURCE);
        if (p != null) {
          out.add(p);
        }
      }
    }
    return out;
  }

  static List<Proposal> proposals(SpecTarget t) {
    SpecTarget design = t;
    if (t.fcHz() == null) {
      design =
          SpecTarget.builder()
              .optType(t.type())
              .optFc(ResponseAssembler.centreFrequency(null, t))
              .build();
    }
    // the targets no dataset family meets (high-pass with a Q, a gain below 1): exact designs first
    List<Proposal> out = exactDesigns(design);
    List<FamilyDesign> rest = new ArrayList<>();
    for (FamilyDesign d : FamilyDesign.values()) {
      if (!d.canMeet(design) && (t.type() == null || d.responseClass() == t.type())) {
        rest.add(d);
      }
    }
    rest.sort(Comparator.comparingInt(FamilyDesign::order).reversed());
    for (FamilyDesign d : rest) {
      Proposal p = Proposal.of(d.design(design), SOURCE);
      if (p != null) {
        out.add(p);
      }
    }
    return out;
  }
}
