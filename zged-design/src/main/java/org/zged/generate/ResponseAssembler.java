package org.zged.generate;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.complex.Complex;
import org.zged.circuit.Circuit;
import org.zged.fit.ESeries;
import org.zged.fit.ESeriesSnapper;
import org.zged.fit.FitResult;
import org.zged.fit.PracticalRanges;
import org.zged.fit.SnapResult;
import org.zged.fit.SpecTarget;
import org.zged.fit.ToleranceAnalysis;
import org.zged.fit.ToleranceReport;
import org.zged.mask.MaskSnap;
import org.zged.netlist.AcSweep;
import org.zged.netlist.NetlistWriter;

/**
 * Turns a {@link Generation} into the JSON-ready {@link GenerateResponse}: netlists, element lists,
 * achieved specs and errors, plus the optional E-series table and tolerance Monte Carlo per
 * candidate.
 */
final class ResponseAssembler {
  private ResponseAssembler() {}

  static GenerateResponse assemble(
      Generation g,
      Constraints limits,
      ESeries series,
      ESeries resistorSeries,
      boolean trim,
      Double tolerancePct,
      int trials,
      long seed,
      SpecGenerator gen) {
    SpecTarget t = g.target();
    MaskGoal goal = g.goal();
    String title = goal == null ? t.describe() : goal.describe();
    List<CandidateReport> out = new ArrayList<>();
    int rank = 0;
    for (Generation.Ranked r : g.ranked()) {
      rank++;
      FitResult f = r.fit();
      SnapReport snap = null;
      if (series != null && goal != null) {
        MaskSnap.Snapped s = MaskSnap.snap(f.circuit(), series, goal.mask());
        snap =
            new SnapReport(
                s.series().name(),
                null,
                null,
                ElementReport.of(s.circuit()),
                null,
                null,
                null,
                netlist(s.circuit(), t, title, rank, " (" + s.series().name() + " values)"),
                s.margins().meets()
                    && PracticalRanges.violations(s.circuit()).isEmpty()
                    && limits.violations(s.circuit()).isEmpty());
      } else if (series != null) {
        SnapResult s =
            ESeriesSnapper.builder()
                .setSeries(series)
                .optResistorSeries(resistorSeries)
                .optFitter(gen.fitter())
                .optTrimAbove(trim ? SpecGenerator.ACCEPTANCE : -1)
                .build()
                .snap(f.circuit(), t);
        FitResult sr = s.result();
        snap =
            new SnapReport(
                s.series().name(),
                s.resistorSeries().name(),
                s.table(),
                ElementReport.of(sr.circuit()),
                sr.analysed() ? AchievedSpecs.of(sr.specs()) : null,
                sr.errors() == null ? null : sr.errors().asMap(),
                t.isPoleZero() ? sr.chamferAfter() : null,
                netlist(sr.circuit(), t, title, rank, " (" + s.series().name() + " values)"),
                SpecGenerator.meets(sr) && limits.violations(sr.circuit()).isEmpty());
      }
      ToleranceReport tol = null;
      if (tolerancePct != null && goal == null) {
        tol =
            ToleranceAnalysis.run(
                f.circuit(), t, tolerancePct, trials, SpecGenerator.ACCEPTANCE, seed);
      }
      out.add(
          new CandidateReport(
              rank,
              r.source(),
              r.parts(),
              r.topology(),
              KnownTopologies.familyOf(r.topology()),
              r.meets(),
              f.inRange(),
              f.inRange() ? null : f.rangeViolations(),
              netlist(f.circuit(), t, title, rank, ""),
              ElementReport.of(f.circuit()),
              AchievedSpecs.of(f.specs()),
              f.errors() == null ? null : f.errors().asMap(),
              TargetReport.pairs(nonNull(f.transferFunction().poles())),
              TargetReport.pairs(nonNull(f.transferFunction().zeros())),
              t.isPoleZero() ? f.chamferBefore() : null,
              t.isPoleZero() ? f.chamferAfter() : null,
              snap,
              tol,
              r.margins() == null
                  ? null
                  : r.margins().bands().stream().map(b -> b.marginDb()).toList(),
              r.margins() == null
                  ? null
                  : r.margins().bands().stream().map(b -> b.worstAtHz()).toList()));
    }
    return new GenerateResponse(
        goal == null ? TargetReport.of(t) : TargetReport.of(goal),
        out,
        g.diagnosis(),
        g.topologiesTried(),
        g.analyses(),
        g.elapsedMs());
  }

  private static List<Complex> nonNull(List<Complex> l) {
    return l == null ? List.of() : l;
  }

  /** SPICE text ngspice runs as is; the sweep spans three decades either side of the target. */
  static String netlist(Circuit c, SpecTarget t, String title, int rank, String note) {
    double f = centreFrequency(c, t);
    AcSweep sweep = new AcSweep(100, f / 1e3, f * 1e3);
    Circuit titled = new Circuit("zged candidate " + rank + note + ": " + title, c.elements());
    return NetlistWriter.write(titled, sweep);
  }

  /** The target frequency, or for pole/zero targets the geometric mean pole frequency in Hz. */
  static double centreFrequency(Circuit c, SpecTarget t) {
    if (t.fcHz() != null) {
      return t.fcHz();
    }
    double s = 0;
    for (Complex p : t.poles()) {
      s += Math.log(p.norm());
    }
    return Math.exp(s / t.poles().size()) / (2 * Math.PI);
  }
}
