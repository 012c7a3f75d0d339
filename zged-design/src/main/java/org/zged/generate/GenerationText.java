package org.zged.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.zged.circuit.ElementKind;
import org.zged.fit.SnappedValue;
import org.zged.fit.ToleranceReport;
import org.zged.fit.Units;

/** The human-readable report of {@code zged generate}: one block per candidate, best first. */
public final class GenerationText {
  private GenerationText() {}

  public static String render(GenerateResponse r) {
    StringBuilder sb = new StringBuilder();
    TargetReport t = r.target();
    sb.append("Target: ").append(describe(t)).append('\n');
    sb.append(
        String.format(
            Locale.ROOT,
            "Refined %d topolog%s (%d exact analyses) in %.1f ms; every circuit below is verified by"
                + " exact analysis.%n",
            r.topologiesTried(),
            r.topologiesTried() == 1 ? "y" : "ies",
            r.analyses(),
            r.elapsedMs()));
    if (r.diagnosis() != null) {
      sb.append("WARNING: ").append(r.diagnosis()).append('\n');
    }
    for (CandidateReport c : r.candidates()) {
      sb.append('\n');
      sb.append(
          String.format(
              Locale.ROOT,
              "#%d  %s topology, %d parts, from %s  %s%n",
              c.rank(),
              c.family() != null ? c.family() : "novel",
              c.parts(),
              c.source(),
              c.meetsTarget() ? "[meets target]" : "[does NOT meet target]"));
      for (ElementReport e : c.elements()) {
        sb.append(
            String.format(
                Locale.ROOT,
                "    %-4s %-12s %s%n",
                e.name(),
                e.nodes().get(0) + " - " + e.nodes().get(1),
                Units.value(e.value(), ElementKind.valueOf(e.kind()))));
      }
      if (t.mask() != null) {
        maskTable(sb, t, c);
      } else {
        specTable(sb, t, c.achieved(), c.error());
      }
      if (c.chamferAfter() != null && t.mask() == null) {
        sb.append(
            String.format(
                Locale.ROOT,
                "    pole/zero Chamfer distance: %.3g before fitting, %.3g after%n",
                c.chamferBefore(),
                c.chamferAfter()));
      }
      if (c.rangeViolations() != null) {
        sb.append("    outside practical ranges: ")
            .append(String.join(", ", c.rangeViolations()))
            .append('\n');
      }
      if (c.rank() == 1) {
        sb.append("    SPICE netlist (ngspice -b runs it as is; --netlist-dir writes it):\n");
        c.netlist().lines().forEach(l -> sb.append("      ").append(l).append('\n'));
      }
      if (c.eSeries() != null) {
        snapTable(sb, t, c.eSeries());
      }
      if (c.tolerance() != null) {
        tolerance(sb, c.tolerance());
      }
    }
    return sb.toString();
  }

  /** Each band with its limit, the candidate's worst attenuation in it and the margin. */
  private static void maskTable(StringBuilder sb, TargetReport t, CandidateReport c) {
    sb.append(
        String.format(
            Locale.ROOT, "    %-26s %-16s %-12s %s%n", "band", "limit", "margin", "tightest at"));
    com.fasterxml.jackson.databind.JsonNode bands = t.mask().get("bands");
    for (int i = 0; i < bands.size(); i++) {
      com.fasterxml.jackson.databind.JsonNode b = bands.get(i);
      boolean pass = b.has("max_atten_db");
      String to = b.get("to_hz").isTextual() ? "∞" : Units.hz(b.get("to_hz").asDouble());
      double m = c.marginsDb().get(i);
      sb.append(
          String.format(
              Locale.ROOT,
              "    %-26s %-16s %-12s %s%n",
              (pass ? "pass " : "stop ") + Units.hz(b.get("from_hz").asDouble()) + "–" + to,
              (pass ? "≤ " : "≥ ")
                  + Units.plain(b.get(pass ? "max_atten_db" : "min_atten_db").asDouble())
                  + " dB",
              String.format(Locale.ROOT, "%+.3g dB", m),
              Units.hz(c.marginAtHz().get(i))));
    }
  }

  static String describe(TargetReport t) {
    if (t.mask() != null) {
      return "mask ("
          + t.type()
          + ", "
          + t.mask().get("bands").size()
          + " bands), prototype poles "
          + roots(t.prototypePoles())
          + ", zeros "
          + roots(t.prototypeZeros());
    }
    List<String> parts = new ArrayList<>();
    parts.add(t.type() == null ? "any type" : t.type());
    boolean centre = "bandpass".equals(t.type()) || "bandstop".equals(t.type());
    if (t.fcHz() != null) {
      parts.add((centre ? "f0 " : "fc ") + Units.hz(t.fcHz()));
    }
    if (t.q() != null) {
      parts.add("Q " + Units.plain(t.q()));
    }
    if (t.gain() != null) {
      parts.add("gain " + Units.plain(t.gain()));
    }
    if (t.poles() != null) {
      parts.add("poles " + roots(t.poles()));
      parts.add("zeros " + roots(t.zeros()));
    }
    return String.join(", ", parts);
  }

  private static String roots(List<double[]> rs) {
    if (rs.isEmpty()) {
      return "(none)";
    }
    List<String> out = new ArrayList<>();
    for (double[] r : rs) {
      out.add(
          r[1] == 0
              ? Units.plain(r[0])
              : Units.plain(r[0]) + (r[1] < 0 ? "-" : "+") + Units.plain(Math.abs(r[1])) + "j");
    }
    return String.join(", ", out);
  }

  private static void specTable(
      StringBuilder sb, TargetReport t, AchievedSpecs a, Map<String, Double> err) {
    boolean band = "bandpass".equals(a.responseClass()) || "bandstop".equals(a.responseClass());
    sb.append(
        String.format(
            Locale.ROOT, "    %-14s %-12s %-12s %s%n", "spec", "target", "achieved", "error"));
    row(sb, "class", t.type() == null ? "-" : t.type(), a.responseClass(), null);
    if (band) {
      row(sb, "f0", Units.hz(t.fcHz()), Units.hz(a.f0Hz()), err == null ? null : err.get("fc"));
      row(
          sb,
          "Q (f0/BW)",
          t.q() == null ? "-" : Units.plain(t.q()),
          num(a.q()),
          err == null ? null : err.get("q"));
      row(sb, "bandwidth", "-", Units.hz(a.bandwidthHz()), null);
    } else {
      row(
          sb,
          "fc (-3 dB)",
          Units.hz(t.fcHz()),
          Units.hz(a.fcHz()),
          err == null ? null : err.get("fc"));
      row(
          sb,
          "pole Q",
          t.q() == null ? "-" : Units.plain(t.q()),
          num(a.poleQ()),
          err == null ? null : err.get("q"));
    }
    row(
        sb,
        "passband gain",
        t.gain() == null ? "-" : Units.plain(t.gain()),
        num(a.passbandGain()),
        err == null ? null : err.get("gain"));
  }

  private static String num(Double v) {
    return v == null ? "-" : Units.plain(v);
  }

  private static void row(
      StringBuilder sb, String name, String target, String achieved, Double error) {
    sb.append(
        String.format(
            Locale.ROOT,
            "    %-14s %-12s %-12s %s%n",
            name,
            target,
            achieved,
            error == null ? "" : percent(error)));
  }

  private static String percent(double e) {
    if (Double.isInfinite(e)) {
      return "n/a";
    }
    return e < 1e-6 ? "<0.0001%" : String.format(Locale.ROOT, "%.4f%%", 100 * e);
  }

  private static void snapTable(StringBuilder sb, TargetReport t, SnapReport s) {
    String series =
        s.series().equals(s.resistorSeries())
            ? s.series()
            : s.series() + " (resistors " + s.resistorSeries() + ")";
    sb.append("    ").append(series).append(" values after snapping and re-fitting:\n");
    sb.append(
        String.format(
            Locale.ROOT, "      %-4s %-12s %-12s %s%n", "name", "ideal", "snapped", "change"));
    for (SnappedValue v : s.table()) {
      sb.append(
          String.format(
              Locale.ROOT,
              "      %-4s %-12s %-12s %+.2f%%%s%n",
              v.name(),
              v.parallelWith() == null ? Units.value(v.ideal(), v.kind()) : "",
              Units.value(v.snapped(), v.kind()),
              100 * v.error(),
              v.parallelWith() == null
                  ? ""
                  : "  (trim part in parallel with " + v.parallelWith() + "; change of the pair)"));
    }
    if (s.error() != null) {
      List<String> errs = new ArrayList<>();
      s.error().forEach((k, e) -> errs.add(k + " " + percent(e)));
      sb.append("      snapped circuit error: ").append(String.join(", ", errs)).append('\n');
    }
  }

  private static void tolerance(StringBuilder sb, ToleranceReport r) {
    sb.append(
        String.format(
            Locale.ROOT,
            "    tolerance ±%s%% (%d trials, uniform):%n",
            Units.plain(r.tolerancePct()),
            r.trials()));
    spread(sb, "fc/f0", r.fc());
    spread(sb, "Q", r.q());
    sb.append(
        String.format(
            Locale.ROOT,
            "      %.1f%% of trials meet every targeted spec within %s%%%n",
            100 * r.shareWithin(),
            Units.plain(100 * r.acceptance())));
  }

  private static void spread(StringBuilder sb, String name, ToleranceReport.Spread s) {
    if (s == null) {
      return;
    }
    sb.append(
        String.format(
            Locale.ROOT,
            "      %-5s std %.2f%%, 90%% of trials in [%+.2f%%, %+.2f%%], range [%+.2f%%, %+.2f%%]%n",
            name,
            100 * s.std(),
            100 * s.p05(),
            100 * s.p95(),
            100 * s.min(),
            100 * s.max()));
  }
}
