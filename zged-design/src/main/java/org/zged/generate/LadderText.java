package org.zged.generate;

import java.util.Locale;
import org.zged.fit.Units;

/** The human-readable form of a {@link LadderReport}. */
public final class LadderText {
  private LadderText() {}

  public static String render(LadderReport r) {
    StringBuilder sb = new StringBuilder();
    LadderReport.Target t = r.target();
    sb.append("Target: ").append(t.type()).append(", ").append(t.response());
    if (t.order() != null) {
      sb.append(" order ").append(t.order());
    }
    if (t.rippleDb() != null) {
      sb.append(", ripple ").append(db(t.rippleDb()));
    }
    if (t.attenuationDb() != null) {
      sb.append(", attenuation ").append(db(t.attenuationDb()));
    }
    sb.append(", Rs ").append(ohms(t.rsOhms())).append(", RL ");
    sb.append(t.rlOhms() == null ? "open" : ohms(t.rlOhms())).append('\n');
    sb.append("Mask (").append(LadderGeneration.REFERENCE).append("):\n");
    for (LadderReport.MaskBand b : t.bands()) {
      sb.append(
          String.format(
              Locale.ROOT,
              "  %s %s to %s: %s %s%n",
              b.kind().equals("pass") ? "passband" : "stopband",
              hz(b.lowHz()),
              b.highHz() == null ? "inf" : hz(b.highHz()),
              b.kind().equals("pass") ? "at most" : "at least",
              db(b.limitDb())));
    }
    sb.append(
        String.format(
            Locale.ROOT,
            "Synthesised %d ladder%s in %.2f ms; every margin below is the exact worst case of the"
                + " circuit (band edges and stationary points of |H|²).%n",
            r.candidates().size(),
            r.candidates().size() == 1 ? "" : "s",
            r.elapsedMs()));
    for (LadderCandidate c : r.candidates()) {
      sb.append('\n');
      sb.append(
          String.format(
              Locale.ROOT,
              "#%d  %s order %d, %s form, %d parts (%d L, %d C), %s  [%s]%n",
              c.rank(),
              c.response(),
              c.order(),
              c.form(),
              c.parts(),
              c.inductors(),
              c.capacitors(),
              c.method(),
              c.meetsTarget() ? "meets mask" : "does NOT meet mask"));
      if (c.formulaOrder() != null) {
        sb.append("    minimum order by the ")
            .append(formula(c.response()))
            .append(": ")
            .append(c.formulaOrder())
            .append('\n');
      }
      sb.append("    convention: ").append(c.convention()).append('\n');
      if (c.notes() != null) {
        c.notes().forEach(n -> sb.append("    note: ").append(n).append('\n'));
      }
      for (ElementReport e : c.elements()) {
        sb.append(
            String.format(
                Locale.ROOT,
                "    %-5s %-5s - %-5s %s%n",
                e.name(),
                e.nodes().get(0),
                e.nodes().get(1),
                Units.value(e.value(), org.zged.circuit.ElementKind.valueOf(e.kind()))));
      }
      sb.append("    band                      limit        worst        at           margin\n");
      for (LadderCandidate.Band b : c.bands()) {
        sb.append(
            String.format(
                Locale.ROOT,
                "    %-25s %-12s %-12s %-12s %s%n",
                b.kind()
                    + " "
                    + hz(b.lowHz())
                    + "-"
                    + (b.highHz() == null ? "inf" : hz(b.highHz())),
                (b.kind().equals("pass") ? "<= " : ">= ") + db(b.limitDb()),
                Double.isInfinite(b.worstDb()) ? "inf" : db(b.worstDb()),
                b.worstAtHz() == null ? "-" : hz(b.worstAtHz()),
                String.format(Locale.ROOT, "%+.6f dB", b.marginDb())));
      }
      if (c.rangeWarnings() != null) {
        c.rangeWarnings()
            .forEach(
                w ->
                    sb.append("    warning: ")
                        .append(w)
                        .append(" (outside the practical range)\n"));
      }
      if (c.eSeries() != null) {
        LadderCandidate.Snap s = c.eSeries();
        sb.append(
            String.format(
                Locale.ROOT,
                "    %s values: passband margin %+.4f dB, stopband margin %s  [%s]%n",
                s.series(),
                s.marginsDb().get("passband"),
                s.marginsDb().get("stopband") == null
                    ? "-"
                    : String.format(Locale.ROOT, "%+.4f dB", s.marginsDb().get("stopband")),
                s.meetsTarget() ? "meets mask" : "does NOT meet mask"));
        for (ElementReport e : s.elements()) {
          if (!e.kind().equals("R")) {
            sb.append(
                String.format(
                    Locale.ROOT,
                    "      %-5s %s%n",
                    e.name(),
                    Units.value(e.value(), org.zged.circuit.ElementKind.valueOf(e.kind()))));
          }
        }
      }
      if (c.tolerance() != null) {
        LadderCandidate.Yield y = c.tolerance();
        sb.append(
            String.format(
                Locale.ROOT,
                "    tolerance +-%s %%: yield %.1f %% (%d of %d trials meet the mask)%n",
                Units.plain(y.tolerancePct()),
                100 * y.yield(),
                y.meeting(),
                y.trials()));
      }
      sb.append("    SPICE netlist (ngspice -b runs it as is; --netlist-dir writes it):\n");
      c.netlist().lines().forEach(l -> sb.append("      ").append(l).append('\n'));
    }
    return sb.toString();
  }

  private static String formula(String response) {
    return switch (response) {
      case "butterworth" -> "buttord formula";
      case "chebyshev" -> "cheb1ord formula";
      case "elliptic" -> "ellipord formula";
      default -> "search (no closed formula for bessel)";
    };
  }

  private static String hz(double f) {
    return f == 0 ? "0 Hz" : Units.hz(f);
  }

  private static String db(double v) {
    return Units.plain(v, 6) + " dB";
  }

  private static String ohms(double v) {
    return v == 0 ? "0 Ω (ideal source)" : Units.value(v, org.zged.circuit.ElementKind.R);
  }
}
