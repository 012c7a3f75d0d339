package org.zged.generate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.zged.analysis.ResponseClass;
import org.zged.circuit.Circuit;
import org.zged.circuit.Element;
import org.zged.circuit.ElementKind;
import org.zged.mask.Band;
import org.zged.mask.Mask;
import org.zged.mask.Terminations;
import org.zged.synthesis.LadderDesigner;
import org.zged.synthesis.LadderForm;
import org.zged.synthesis.SynthesisException;

/**
 * Textbook notch sections as templates for a mask with a stopband between passbands (a notch, e.g.
 * 60 Hz inside a low-pass), which no classical shape expresses: a base filter for the mask's
 * envelope — its classical ladder, and a first-order RC section — with one section per notch, tuned
 * to the notch's geometric centre ω₀ (L·C = 1/ω₀²), either a parallel LC trap in series with the
 * input (infinite impedance at ω₀) or a series LC across the output (a short at ω₀). The mask
 * fitter then sets every value; the sections only give it the transmission zeros to start from.
 */
final class NotchSections {
  static final String SOURCE = "notch-section";

  /** Reactance of a section's inductor at ω₀, in multiples of the base's impedance level. */
  private static final double REACTANCE_RATIO = 2;

  private NotchSections() {}

  /**
   * Base filters with the mask's notches added, in order of expected parts; empty without notches.
   */
  static List<Proposal> proposals(MaskGoal goal) {
    List<Band> notches = MaskGoal.notches(goal.mask());
    if (notches.isEmpty()) {
      return List.of();
    }
    List<Circuit> bases = new ArrayList<>();
    Mask envelope = MaskGoal.envelope(goal.mask());
    Circuit rc = firstOrder(envelope, goal.mask());
    if (rc != null) {
      bases.add(rc);
    }
    if (envelope != null) {
      try {
        bases.add(
            LadderDesigner.forMask(envelope, null, Terminations.DEFAULT, LadderForm.MIN_INDUCTOR)
                .circuit());
      } catch (SynthesisException | IllegalArgumentException e) {
        // no ladder for the envelope: the RC base alone
      }
    }
    List<Proposal> out = new ArrayList<>();
    for (boolean trap : new boolean[] {true, false}) {
      for (Circuit base : bases) {
        Proposal p = Proposal.of(withSections(base, notches, trap), SOURCE);
        if (p != null) {
          out.add(p);
        }
      }
    }
    return out;
  }

  /**
   * A terminated first-order RC section with its corner between the envelope's passband edge and
   * stopband edge: R–(C ∥ R) for a low-pass, C–R for a high-pass; null for other shapes.
   */
  private static Circuit firstOrder(Mask envelope, Mask mask) {
    ResponseClass type = envelope != null ? envelope.type() : mask.type();
    double r = Terminations.DEFAULT_OHMS;
    if (type == ResponseClass.LOWPASS) {
      double edge = lastPassEdge(mask);
      double w = 2 * Math.PI * edge * 2;
      return Circuit.builder()
          .r("R1", Circuit.VIN, Circuit.VOUT, r)
          .c("C1", Circuit.VOUT, Circuit.GND, 2 / (w * r))
          .r("R2", Circuit.VOUT, Circuit.GND, r)
          .build();
    }
    if (type == ResponseClass.HIGHPASS) {
      double edge = mask.passbands().get(0).lowHz();
      double w = 2 * Math.PI * edge / 2;
      return Circuit.builder()
          .c("C1", Circuit.VIN, Circuit.VOUT, 1 / (w * r))
          .r("R1", Circuit.VOUT, Circuit.GND, r)
          .build();
    }
    return null;
  }

  private static double lastPassEdge(Mask mask) {
    double hi = mask.passbands().get(mask.passbands().size() - 1).highHz();
    if (Double.isFinite(hi)) {
      return hi;
    }
    return Math.max(mask.passbands().get(mask.passbands().size() - 1).lowHz(), 1);
  }

  /** The base with one trap (series, at the input) or shunt section (at the output) per notch. */
  static Circuit withSections(Circuit base, List<Band> notches, boolean trap) {
    double level = impedanceLevel(base);
    Set<String> nodes = new HashSet<>(base.nodes());
    Set<String> names = new HashSet<>();
    base.elements().forEach(e -> names.add(e.name()));
    List<Element> elements = new ArrayList<>(base.elements());
    int k = 0;
    for (Band n : notches) {
      double w0 = 2 * Math.PI * Math.sqrt(n.lowHz() * n.highHz());
      double l = REACTANCE_RATIO * level / w0;
      double c = 1 / (w0 * w0 * l);
      String node = fresh("nn", nodes);
      String ln = fresh("LN" + (++k), names);
      String cn = fresh("CN" + k, names);
      if (trap) {
        List<Element> moved = new ArrayList<>();
        for (Element e : elements) {
          moved.add(
              new Element(
                  e.name(),
                  e.kind(),
                  e.nodeA().equals(Circuit.VIN) ? node : e.nodeA(),
                  e.nodeB().equals(Circuit.VIN) ? node : e.nodeB(),
                  e.value()));
        }
        elements = moved;
        elements.add(new Element(ln, ElementKind.L, Circuit.VIN, node, l));
        elements.add(new Element(cn, ElementKind.C, Circuit.VIN, node, c));
      } else {
        elements.add(new Element(ln, ElementKind.L, Circuit.VOUT, node, l));
        elements.add(new Element(cn, ElementKind.C, node, Circuit.GND, c));
      }
    }
    return new Circuit(base.title(), elements);
  }

  /** The geometric mean of the base's resistors (its terminations), 50 Ω without any. */
  private static double impedanceLevel(Circuit c) {
    double logSum = 0;
    int n = 0;
    for (Element e : c.elements()) {
      if (e.kind() == ElementKind.R) {
        logSum += Math.log(e.value());
        n++;
      }
    }
    return n == 0 ? Terminations.DEFAULT_OHMS : Math.exp(logSum / n);
  }

  private static String fresh(String stem, Set<String> taken) {
    String s = stem;
    int i = 1;
    while (taken.contains(s)) {
      s = stem + "_" + i++;
    }
    taken.add(s);
    return s;
  }
}
