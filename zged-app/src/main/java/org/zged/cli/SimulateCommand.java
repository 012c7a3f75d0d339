package org.zged.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.zged.InputException;
import org.zged.analysis.Analysis;
import org.zged.analysis.CircuitAnalyzer;
import org.zged.analysis.FilterSpecs;
import org.zged.analysis.FrequencyResponse;
import org.zged.circuit.CircuitException;
import org.zged.netlist.AcSweep;
import org.zged.netlist.Netlist;
import org.zged.netlist.NetlistReader;
import org.zged.netlist.SpiceNumber;
import org.zged.plot.BodePlot;
import org.zged.plot.SiFormat;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code zged simulate}: reads a SPICE netlist and prints its exact transfer function, poles,
 * zeros, gain and specs; optionally writes the response as CSV and a Bode plot. All input is
 * checked, and every output rendered in memory, before any file is written.
 */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Analyse a SPICE netlist exactly: H(s) = V(VOUT)/V(VIN), poles, zeros, gain and specs.",
      "VIN is the non-ground node of the AC source, VOUT the node named 'vout' (see --in/--out)."
    })
public final class SimulateCommand implements Callable<Integer> {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "FILE.cir",
      description = "The netlist (SPICE subset); '-' reads it from standard input.")
  Path file;

  @Option(names = "--json", description = "Print one JSON object instead of text.")
  boolean json;

  @Option(
      names = "--points-per-decade",
      paramLabel = "N",
      description = "Grid density for --csv/--plot (default: the file's .ac, else 100).")
  Integer pointsPerDecade;

  @Option(
      names = "--fstart",
      paramLabel = "HZ",
      description =
          "Grid start, SPICE suffixes allowed (default: the file's .ac, else two decades"
              + " below the lowest pole, zero or cutoff).")
  String fStart;

  @Option(
      names = "--fstop",
      paramLabel = "HZ",
      description =
          "Grid stop, e.g. 100meg (default: the file's .ac, else two decades above the"
              + " highest pole, zero or cutoff).")
  String fStop;

  @Option(
      names = "--csv",
      paramLabel = "FILE",
      description = "Write freq_hz, |H| dB, phase ('-': standard output).")
  Path csv;

  @Option(
      names = "--plot",
      paramLabel = "FILE.png",
      description = "Write a Bode plot (PNG; '-': standard output).")
  Path plot;

  @Option(
      names = "--check-ngspice",
      description =
          "Also run ngspice over the grid and report its largest deviation from the exact H.")
  boolean checkNgspice;

  @Option(
      names = "--in",
      paramLabel = "NODE",
      description = "The input node (default: the AC source's node, or 'vin').")
  String inNode;

  @Option(
      names = "--out",
      paramLabel = "NODE",
      description = "The output node (default: the node named 'vout').")
  String outNode;

  @Override
  public Integer call() {
    Netlist netlist = readNetlist();
    GridFlags flags = gridFlags();
    OutputFiles probe = new OutputFiles().protect(file);
    if (csv != null) {
      probe.add("--csv", csv, new byte[0]);
    }
    if (plot != null) {
      probe.add("--plot", plot, new byte[0]);
    }
    probe.check();
    if (probe.writesStdout() && json) {
      throw new InputException(
          OutputFiles.isStdout(csv) ? "--csv" : "--plot",
          "standard output ('-') already carries the --json report");
    }
    Analysis analysis;
    try {
      analysis = CircuitAnalyzer.analyze(netlist.circuit());
    } catch (CircuitException e) {
      throw new InputException(netlist.source(), e.getMessage());
    }
    AcSweep base = netlist.sweep();
    if (base == null) {
      base = AutoSweep.of(analysis, flags.pointsPerDecade == null ? 100 : flags.pointsPerDecade);
    }
    AcSweep sweep = flags.applyTo(base);
    NgspiceCheck check =
        checkNgspice
            ? NgspiceCheck.run(netlist.circuit(), analysis.transferFunction(), sweep)
            : null;
    List<String> written = writeFiles(netlist, analysis, sweep);
    // With --csv - or --plot -, stdout holds only that file; the report goes to stderr.
    PrintWriter out =
        probe.writesStdout() ? spec.commandLine().getErr() : spec.commandLine().getOut();
    if (json) {
      out.println(toJson(SimulationReport.of(netlist, analysis, sweep, check)));
    } else {
      out.print(new SimulationText(netlist, analysis).render());
      if (check != null) {
        out.printf(
            Locale.ROOT,
            "%nngspice check: %d points, largest relative deviation %.3g (at %s)%n",
            check.points(),
            check.maxRelativeError(),
            SiFormat.format(check.worstFrequencyHz(), "Hz"));
      }
    }
    // With --json, stdout holds only the JSON object; the notes go to stderr.
    PrintWriter notes = json ? spec.commandLine().getErr() : out;
    written.forEach(notes::println);
    out.flush();
    notes.flush();
    return 0;
  }

  /** The file, or standard input for "-" (named {@code <stdin>} in error messages). */
  private Netlist readNetlist() {
    if (!file.toString().equals("-")) {
      return NetlistReader.readNetlist(file, inNode, outNode);
    }
    String text = NetlistReader.readText(System.in, "<stdin>");
    return NetlistReader.parseNetlist(text, "<stdin>", inNode, outNode);
  }

  /** The grid flags, checked before anything else is done; null where not given. */
  private record GridFlags(Integer pointsPerDecade, Double fStartHz, Double fStopHz) {

    /** Flags override the file's {@code .ac}, which overrides the automatic grid. */
    AcSweep applyTo(AcSweep base) {
      int n = pointsPerDecade == null ? base.pointsPerDecade() : pointsPerDecade;
      double f0 = fStartHz == null ? base.fStartHz() : fStartHz;
      double f1 = fStopHz == null ? base.fStopHz() : fStopHz;
      requireUpwards(fStopHz != null ? "--fstop" : "--fstart", f0, f1);
      if (Math.log10(f1 / f0) * n > 1_000_000) {
        throw new InputException(
            "--points-per-decade", "the grid would have over a million points");
      }
      return new AcSweep(n, f0, f1);
    }
  }

  private GridFlags gridFlags() {
    if (pointsPerDecade != null && (pointsPerDecade < 1 || pointsPerDecade > 100_000)) {
      throw new InputException(
          "--points-per-decade", "must be between 1 and 100000, got " + pointsPerDecade);
    }
    Double f0 = fStart == null ? null : SpiceNumber.parsePositive(fStart, "--fstart");
    Double f1 = fStop == null ? null : SpiceNumber.parsePositive(fStop, "--fstop");
    if (f0 != null && f1 != null) {
      requireUpwards("--fstop", f0, f1);
    }
    return new GridFlags(pointsPerDecade, f0, f1);
  }

  private static void requireUpwards(String where, double fStartHz, double fStopHz) {
    if (!(fStopHz > fStartHz)) {
      throw new InputException(
          where,
          "the grid must run upwards: fstart "
              + SiFormat.format(fStartHz, "Hz")
              + " is not below fstop "
              + SiFormat.format(fStopHz, "Hz"));
    }
  }

  /** Renders and writes --csv and --plot (all or nothing); returns one note per file written. */
  private List<String> writeFiles(Netlist netlist, Analysis analysis, AcSweep sweep) {
    if (csv == null && plot == null) {
      return List.of();
    }
    double[] grid =
        FrequencyResponse.logGrid(sweep.fStartHz(), sweep.fStopHz(), sweep.pointsPerDecade());
    FrequencyResponse response = analysis.response(grid);
    OutputFiles outputs = new OutputFiles().protect(file);
    if (csv != null) {
      outputs.add("--csv", csv, csvBytes(response));
    }
    if (plot != null) {
      outputs.add("--plot", plot, plotBytes(netlist, analysis, response));
    }
    outputs.commit();
    List<String> notes = new ArrayList<>();
    if (csv != null) {
      notes.add("wrote " + name(csv) + " (" + response.size() + " points)");
    }
    if (plot != null) {
      notes.add("wrote " + name(plot));
    }
    return notes;
  }

  private static String name(Path p) {
    return OutputFiles.isStdout(p) ? "standard output" : p.toString();
  }

  static byte[] csvBytes(FrequencyResponse r) {
    StringBuilder sb = new StringBuilder("frequency_hz,magnitude_db,phase_deg\n");
    for (int i = 0; i < r.size(); i++) {
      sb.append(
          String.format(
              Locale.ROOT,
              "%.10g,%.10g,%.10g\n",
              r.frequencyHz()[i],
              r.magnitudeDb()[i],
              r.phaseDeg()[i]));
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] plotBytes(Netlist netlist, Analysis analysis, FrequencyResponse r) {
    FilterSpecs s = analysis.specs();
    String title =
        netlist.circuit().title().isBlank() ? netlist.source() : netlist.circuit().title();
    BodePlot.Builder b = BodePlot.builder().setResponse("H(s)", r).optTitle(title);
    double lo = r.frequencyHz()[0];
    double hi = r.frequencyHz()[r.size() - 1];
    Double marked = s.fcHz() != null ? s.fcHz() : s.f0Hz();
    if (marked != null && Double.isFinite(marked) && marked >= lo && marked <= hi) {
      String name = s.fcHz() != null ? "fc" : "f0";
      b.optMarker(marked, name + " = " + SiFormat.format(marked, "Hz"));
    }
    return b.build().toPng();
  }

  private static String toJson(SimulationReport report) {
    try {
      return JSON.writeValueAsString(report);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise the report", e);
    }
  }
}
