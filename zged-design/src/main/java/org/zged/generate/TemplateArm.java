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

  static List<Proposal> proposals(SpecTarget t) {
    SpecTarget design = t;
    if (t.fcHz() == null) {
      design =
          SpecTarget.builder()
              .optType(t.type())
              .optFc(ResponseAssembler.centreFrequency(null, t))
              .build();
    }
    List<Proposal> out = new ArrayList<>();
    // the targets no dataset family meets (high-pass with a Q, a gain below 1): exact designs first
    for (SecondOrderDesign d : SecondOrderDesign.values()) {
      if (d.canMeet(design)) {
        Proposal p = Proposal.of(d.design(design), SOURCE);
        if (p != null) {
          out.add(p);
        }
      }
    }
    List<FamilyDesign> order = new ArrayList<>();
    for (FamilyDesign d : FamilyDesign.values()) {
      if (d.canMeet(design)) {
        order.add(d);
      }
    }
    List<FamilyDesign> rest = new ArrayList<>();
    for (FamilyDesign d : FamilyDesign.values()) {
      if (!order.contains(d) && (t.type() == null || d.responseClass() == t.type())) {
        rest.add(d);
      }
    }
    rest.sort(Comparator.comparingInt(FamilyDesign::order).reversed());
    order.addAll(rest);
    for (FamilyDesign d : order) {
      Proposal p = Proposal.of(d.design(design), SOURCE);
      if (p != null) {
        out.add(p);
      }
    }
    return out;
  }
}
