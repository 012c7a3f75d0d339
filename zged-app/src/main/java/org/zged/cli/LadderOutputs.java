package org.zged.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.zged.InputException;
import org.zged.analysis.CircuitAnalyzer;
import org.zged.analysis.FrequencyResponse;
import org.zged.circuit.Circuit;
import org.zged.generate.LadderCandidate;
import org.zged.generate.LadderReport;
import org.zged.netlist.AcSweep;
import org.zged.plot.BodePlot;
import org.zged.plot.SiFormat;

/**
 * The files of a ladder design (netlists, the Bode plot with the mask drawn on it) and its ngspice
 * check; everything is rendered before anything is written.
 */
final class LadderOutputs {
  private final LadderReport report;
  private final Path netlistDir;
  private final Path plot;

  LadderOutputs(LadderReport report, Path netlistDir, Path plot) {
    this.report = report;
    this.netlistDir = netlistDir;
    this.plot = plot;
  }

  List<String> write() {
    List<String> notes = new ArrayList<>();
    if (netlistDir == null && plot == null) {
      return notes;
    }
    OutputFiles files = new OutputFiles();
    if (netlistDir != null) {
      try {
        Files.createDirectories(netlistDir);
      } catch (IOException e) {
        throw new InputException(
            "--netlist-dir", "cannot create " + netlistDir + ": " + e.getMessage());
      }
      for (LadderCandidate c : report.candidates()) {
        Path p = netlistDir.resolve("candidate-" + c.rank() + ".cir");
        files.add("--netlist-dir", p, c.netlist().getBytes(StandardCharsets.UTF_8));
        notes.add("wrote " + p);
        if (c.eSeries() != null) {
          Path ps =
              netlistDir.resolve(
                  "candidate-"
                      + c.rank()
                      + "-"
                      + c.eSeries().series().toLowerCase(Locale.ROOT)
                      + ".cir");
          files.add("--netlist-dir", ps, c.eSeries().netlist().getBytes(StandardCharsets.UTF_8));
          notes.add("wrote " + ps);
        }
      }
    }
    if (plot != null) {
      files.add("--plot", plot, bode());
      notes.add("wrote " + plot);
    }
    files.commit();
    return notes;
  }

  /** The span shown: two decades around the mask's finite edges. */
  private double[] span() {
    double lo = Double.POSITIVE_INFINITY;
    double hi = 0;
    for (LadderReport.MaskBand b : report.target().bands()) {
      for (Double f : new Double[] {b.lowHz(), b.highHz()}) {
        if (f != null && f > 0) {
          lo = Math.min(lo, f);
          hi = Math.max(hi, f);
        }
      }
    }
    return new double[] {lo / 10, hi * 10};
  }

  private byte[] bode() {
    LadderCandidate best = report.candidates().get(0);
    Circuit circuit = GenerateCommand.circuitOf(best.elements());
    double[] span = span();
    double[] grid = FrequencyResponse.logGrid(span[0], span[1], 200);
    FrequencyResponse resp = CircuitAnalyzer.response(circuit, grid);
    double peak = passbandPeakDb(best);
    BodePlot.Builder b =
        BodePlot.builder()
            .setResponse(
                best.response() + " order " + best.order() + " (" + best.form() + ")", resp)
            .optTitle(
                String.format(
                    Locale.ROOT,
                    "zged generate: %s %s, mask in grey (%s)",
                    best.response(),
                    report.target().type(),
                    best.meetsTarget() ? "met" : "NOT met"));
    if (best.eSeries() != null) {
      Circuit snapped = GenerateCommand.circuitOf(best.eSeries().elements());
      b.optOverlay(best.eSeries().series() + " values", CircuitAnalyzer.response(snapped, grid));
    }
    for (LadderReport.MaskBand m : report.target().bands()) {
      double from = Math.max(m.lowHz(), span[0]);
      double to = m.highHz() == null ? span[1] : Math.min(m.highHz(), span[1]);
      if (to > from) {
        b.optLimit(m.kind(), from, to, peak - m.limitDb());
      }
      if (m.lowHz() > 0) {
        b.optMarker(m.lowHz(), SiFormat.format(m.lowHz(), "Hz"));
      }
    }
    return b.build().toPng();
  }

  /** The passband maximum of |H| in dB: the worst passband attenuation is measured from it. */
  private static double passbandPeakDb(LadderCandidate c) {
    Circuit circuit = GenerateCommand.circuitOf(c.elements());
    double worst = Double.NEGATIVE_INFINITY;
    for (LadderCandidate.Band b : c.bands()) {
      if (b.kind().equals("pass") && b.worstAtHz() != null) {
        double f = b.worstAtHz();
        double db = CircuitAnalyzer.response(circuit, new double[] {f}).magnitudeDb()[0];
        worst = Math.max(worst, db + b.worstDb());
      }
    }
    return Double.isFinite(worst) ? worst : 0;
  }

  /** ngspice against the exact response over the plotted span, per candidate. */
  List<String> ngspiceChecks() {
    List<String> lines = new ArrayList<>();
    double[] span = span();
    for (LadderCandidate c : report.candidates()) {
      Circuit circuit = GenerateCommand.circuitOf(c.elements());
      AcSweep sweep = new AcSweep(100, span[0], span[1]);
      NgspiceCheck check =
          NgspiceCheck.run(circuit, CircuitAnalyzer.transferFunction(circuit), sweep);
      lines.add(
          String.format(
              Locale.ROOT,
              "ngspice check #%d: %d points, %s to %s, largest |H| deviation from the exact"
                  + " response %.2g (relative)%s",
              c.rank(),
              check.points(),
              SiFormat.format(sweep.fStartHz(), "Hz"),
              SiFormat.format(sweep.fStopHz(), "Hz"),
              check.maxRelativeError(),
              check.maxRelativeError() < 1e-6 ? ", agrees" : ", DISAGREES"));
    }
    return lines;
  }
}
