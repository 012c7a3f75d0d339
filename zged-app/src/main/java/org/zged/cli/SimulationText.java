package org.zged.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hipparchus.complex.Complex;
import org.zged.analysis.Analysis;
import org.zged.analysis.FilterSpecs;
import org.zged.analysis.ResponseClass;
import org.zged.circuit.Element;
import org.zged.netlist.Netlist;
import org.zged.plot.SiFormat;

/**
 * The human-readable report of {@code zged simulate}: the circuit, H(s), poles and zeros (a
 * conjugate pair on one line, with its natural frequency and Q) and the specs that apply to the
 * response class, in engineering units.
 */
final class SimulationText {
  private final Netlist netlist;
  private final Analysis analysis;
  private final StringBuilder sb = new StringBuilder();

  SimulationText(Netlist netlist, Analysis analysis) {
    this.netlist = netlist;
    this.analysis = analysis;
  }

  String render() {
    String title = netlist.circuit().title();
    line(title.isBlank() ? netlist.source() : title + "  (" + netlist.source() + ")");
    line(
        "%d elements; input VIN = node '%s', output VOUT = node '%s', ground 0",
        netlist.circuit().elements().size(), netlist.inNode(), netlist.outNode());
    elements();
    line("");
    line("Transfer function H(s) = V(VOUT)/V(VIN), s in rad/s, order %d", analysis.order());
    line(
        "  H(s) = (%s) / (%s)",
        polynomial(analysis.transferFunction().numerator()),
        polynomial(analysis.transferFunction().denominator()));
    line("  K = %s   in H(s) = K·Π(s − zᵢ)/Π(s − pᵢ)", SiFormat.significant(analysis.gain()));
    line("");
    roots("Poles", analysis.poles(), true);
    roots("Zeros", analysis.zeros(), false);
    line("");
    specs(analysis.specs());
    return sb.toString();
  }

  /**
   * The elements as read, with the user's node names and values in engineering units: where a "1M"
   * (milli!) or a wrong node would show up.
   */
  private void elements() {
    int width = 4;
    for (Element e : netlist.circuit().elements()) {
      width = Math.max(width, e.name().length());
    }
    for (Element e : netlist.circuit().elements()) {
      String unit =
          switch (e.kind()) {
            case R -> "Ω";
            case C -> "F";
            case L -> "H";
          };
      line(
          "  %-" + width + "s  %-12s %s",
          e.name(),
          netlist.userNode(e.nodeA()) + " – " + netlist.userNode(e.nodeB()),
          SiFormat.format(e.value(), unit));
    }
  }

  private void roots(String heading, List<Complex> roots, boolean withQ) {
    if (roots.isEmpty()) {
      line("%s: none", heading);
      return;
    }
    line("%-36s %-16s %s", heading + " (rad/s)", withQ ? "|p|/2π" : "|z|/2π", withQ ? "Q" : "");
    for (String[] r : rootRows(roots, withQ)) {
      line("  %-34s %-16s %s", r[0], r[1], r[2]);
    }
  }

  /** One row per real root or conjugate pair: value, natural frequency, Q. */
  static List<String[]> rootRows(List<Complex> roots, boolean withQ) {
    List<String[]> rows = new ArrayList<>();
    for (Complex r : roots) {
      double re = r.getReal();
      double im = r.getImaginary();
      if (im < 0 && roots.contains(r.conjugate())) {
        continue; // printed with its partner
      }
      String value =
          im == 0
              ? SiFormat.significant(re)
              : SiFormat.significant(re)
                  + (roots.contains(r.conjugate()) ? " ± " : (im < 0 ? " - " : " + "))
                  + SiFormat.significant(Math.abs(im))
                  + "j";
      double w = r.norm();
      String f = w == 0 ? "0 Hz" : SiFormat.format(w / (2 * Math.PI), "Hz");
      String q = "";
      if (withQ && im != 0) {
        q = re == 0 ? "∞ (lossless)" : SiFormat.significant(w / (2 * Math.abs(re)));
      }
      rows.add(new String[] {value, f, q});
    }
    return rows;
  }

  private void specs(FilterSpecs s) {
    line("Specs");
    spec("response class", s.responseClass().label());
    if (s.passbandGain() != null) {
      double g = s.passbandGain();
      spec(
          "passband gain",
          Double.isFinite(g)
              ? SiFormat.significant(g)
                  + String.format(
                      Locale.ROOT, " (%.3f dB)", Math.round(20 * Math.log10(g) * 1000) / 1000.0)
              : "∞");
    }
    if (s.fcHz() != null) {
      spec("cutoff fc (-3 dB)", SiFormat.format(s.fcHz(), "Hz"));
    }
    if (s.f0Hz() != null) {
      String what = s.responseClass() == ResponseClass.BANDSTOP ? "notch f0" : "peak f0";
      spec(what, SiFormat.format(s.f0Hz(), "Hz"));
    }
    if (s.fLowHz() != null && s.fHighHz() != null) {
      spec(
          "-3 dB band",
          SiFormat.format(s.fLowHz(), "Hz") + " to " + SiFormat.format(s.fHighHz(), "Hz"));
    }
    if (s.bandwidthHz() != null) {
      spec("bandwidth", SiFormat.format(s.bandwidthHz(), "Hz"));
    }
    if (s.q() != null) {
      spec("Q = f0/bandwidth", SiFormat.significant(s.q()));
    }
    if (s.poleF0Hz() != null) {
      spec("pole f0", SiFormat.format(s.poleF0Hz(), "Hz"));
    }
    spec("pole Q", poleQ(s));
    if (s.lossless()) {
      spec("lossless", "yes: poles on the jω axis (an undamped resonance, infinite peak)");
    }
  }

  /** Descending powers, unit coefficients left out: {@code s^2 + 10000·s + 1e+10}. */
  static String polynomial(double[] ascending) {
    StringBuilder p = new StringBuilder();
    for (int k = ascending.length - 1; k >= 0; k--) {
      double c = ascending[k];
      if (c == 0 && ascending.length > 1) {
        continue;
      }
      if (p.length() > 0) {
        p.append(c < 0 ? " - " : " + ");
      } else if (c < 0) {
        p.append('-');
      }
      double a = Math.abs(c);
      boolean unit = a == 1 && k > 0;
      if (!unit) {
        p.append(SiFormat.significant(a));
      }
      if (k > 0) {
        p.append(unit ? "" : "·").append(k == 1 ? "s" : "s^" + k);
      }
    }
    return p.toString();
  }

  private String poleQ(FilterSpecs s) {
    if (s.poleQ() != null) {
      return Double.isInfinite(s.poleQ()) ? "∞" : SiFormat.significant(s.poleQ());
    }
    if (s.lossless()) {
      return "∞ (undamped)";
    }
    return switch (analysis.order()) {
      case 0 -> "none (no poles)";
      case 1 -> "none (first-order response)";
      default -> "none";
    };
  }

  private void spec(String name, String value) {
    line("  %-20s %s", name, value);
  }

  private void line(String format, Object... args) {
    String text = args.length == 0 ? format : String.format(Locale.ROOT, format, args);
    sb.append(text.stripTrailing()).append('\n');
  }
}
