package org.zged.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.zged.InputException;
import org.zged.analysis.CircuitAnalyzer;
import org.zged.analysis.FrequencyResponse;
import org.zged.circuit.Circuit;
import org.zged.generate.CandidateReport;
import org.zged.generate.ElementReport;
import org.zged.generate.GenerateRequest;
import org.zged.generate.GenerateResponse;
import org.zged.generate.GenerationText;
import org.zged.generate.LadderGeneration;
import org.zged.generate.LadderReport;
import org.zged.generate.LadderRequest;
import org.zged.generate.LadderText;
import org.zged.generate.SpecGenerator;
import org.zged.mask.Band;
import org.zged.mask.Mask;
import org.zged.mask.MaskJson;
import org.zged.mask.MaskMargins;
import org.zged.mask.MaskVerifier;
import org.zged.model.ZgedModel;
import org.zged.netlist.AcSweep;
import org.zged.netlist.SpiceNumber;
import org.zged.plot.BodePlot;
import org.zged.plot.SchematicSvg;
import org.zged.plot.SiFormat;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code zged generate}: a filter spec (type, fc, Q, gain — or poles and zeros) in, verified RLC
 * circuits out. Every option is checked and every output rendered before any file is written.
 */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Design passive RLC filters that meet a spec: the VAE proposes topologies, the values are",
      "fitted on the exact analysis, and every circuit shown is verified.",
      "--fc is the -3 dB cutoff (lowpass/highpass) or the centre frequency (bandpass/bandstop);",
      "--q is f0/bandwidth (bandpass/bandstop) or the dominant pole pair's Q (lowpass/highpass)."
    })
public final class GenerateCommand implements Callable<Integer> {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--type",
      paramLabel = "TYPE",
      description = "lowpass, highpass, bandpass or bandstop.")
  String type;

  @Option(
      names = "--fc",
      paramLabel = "HZ",
      description = "Cutoff or centre frequency; suffixes allowed (10k, 1.5meg).")
  String fc;

  @Option(names = "--q", paramLabel = "Q", description = "Quality factor (see above).")
  String q;

  @Option(names = "--gain", paramLabel = "G", description = "Passband gain, 0 < G <= 1.")
  String gain;

  @Option(
      names = "--poles",
      paramLabel = "LIST",
      description = "Target poles in rad/s, e.g. \"-1000+2000j,-1000-2000j\".")
  String poles;

  @Option(
      names = "--zeros",
      paramLabel = "LIST",
      description = "Target zeros in rad/s, e.g. \"0\".")
  String zeros;

  @Option(
      names = "--count",
      paramLabel = "N",
      description = "Candidates to return, 1..50 (default 3).")
  Integer count;

  @Option(
      names = "--e-series",
      paramLabel = "SERIES",
      description = "Snap values to E12, E24 or E96 and re-fit.")
  String eSeries;

  @Option(
      names = "--r-series",
      paramLabel = "SERIES",
      description = "A finer series for resistors (e.g. E96 with --e-series E24).")
  String rSeries;

  @Option(
      names = "--no-trim",
      description =
          "With --e-series: never add a parallel trim part (default: add one when single"
              + " series values miss the spec by more than 1 %%).")
  boolean noTrim;

  @Option(
      names = "--tolerance",
      paramLabel = "PCT",
      description = "Monte Carlo with parts within +-PCT %%.")
  String tolerance;

  @Option(names = "--trials", paramLabel = "N", description = "Monte Carlo trials (default 1000).")
  Integer trials;

  @Option(
      names = "--seed",
      paramLabel = "S",
      description = "Seed for sampling and the Monte Carlo (default 42).")
  Long seed;

  @Option(
      names = "--max-parts",
      paramLabel = "N",
      description = "At most N parts (R, L and C elements).")
  Integer maxParts;

  @Option(
      names = "--max-inductors",
      paramLabel = "K",
      description = "At most K inductors; 0 = RC only.")
  Integer maxInductors;

  @Option(
      names = "--r-range",
      paramLabel = "LO:HI",
      description = "Allowed resistor values, e.g. 10:1meg.")
  String rRange;

  @Option(
      names = "--c-range",
      paramLabel = "LO:HI",
      description = "Allowed capacitor values, e.g. 1n:10u.")
  String cRange;

  @Option(
      names = "--l-range",
      paramLabel = "LO:HI",
      description = "Allowed inductor values, e.g. 1u:100m.")
  String lRange;

  @Option(
      names = "--mask",
      paramLabel = "FILE.json",
      description =
          "A general mask: [{\"from_hz\", \"to_hz\", \"max_atten_db\" (pass) or \"min_atten_db\""
              + " (stop)}, ...] (\"to_hz\": \"inf\" for an open band); replaces --type/--fc/--q.")
  Path maskFile;

  @Option(
      names = "--json",
      description = "Print one JSON object: {\"target\": ..., \"candidates\": [...]}.")
  boolean json;

  @Option(
      names = "--netlist-dir",
      paramLabel = "DIR",
      description = "Write candidate-N.cir netlists (ngspice runs them as is).")
  Path netlistDir;

  @Option(
      names = "--plot",
      paramLabel = "FILE.png",
      description = "Bode plot of the best candidate ('-': standard output).")
  Path plot;

  @Option(
      names = "--svg",
      paramLabel = "FILE.svg",
      description = "Schematic of the best candidate ('-': standard output).")
  Path svg;

  @Option(
      names = "--ged-weight",
      paramLabel = "W",
      description =
          "0..1: weight of graph edit distance in the neighbour blend (default 0: spec distance"
              + " only).")
  String gedWeight;

  @Option(
      names = "--model",
      paramLabel = "FILE",
      description = "Model file (default: the shipped model).")
  Path modelFile;

  @Option(
      names = "--check-ngspice",
      description =
          "Also simulate every candidate's netlist in ngspice (6 decades around the target, 100"
              + " points/decade) and report its largest deviation from the exact response.")
  boolean checkNgspice;

  @Option(
      names = "--response",
      paramLabel = "NAME",
      description =
          "Ladder synthesis: butterworth, chebyshev, bessel, elliptic or any (mask designs:"
              + " the lowest order of all; default any for masks, butterworth for --order).")
  String response;

  @Option(
      names = "--order",
      paramLabel = "N",
      description = "Ladder order 1..20 (--fc is then the -3 dB edge, or the ripple edge).")
  Integer order;

  @Option(
      names = "--ripple-db",
      paramLabel = "DB",
      description = "Passband ripple / maximum passband attenuation in dB.")
  String rippleDb;

  @Option(
      names = "--attenuation-db",
      paramLabel = "DB",
      description = "Minimum stopband attenuation in dB (elliptic order designs and masks).")
  String attenuationDb;

  @Option(
      names = "--passband",
      paramLabel = "F|F1:F2",
      description = "Mask passband edge(s) in Hz, e.g. 1k or 9k:11k.")
  String passband;

  @Option(
      names = "--stopband",
      paramLabel = "F|F1:F2",
      description = "Mask stopband edge(s) in Hz, e.g. 2.5k or 7k:14k.")
  String stopband;

  @Option(
      names = "--rs",
      paramLabel = "OHMS",
      description = "Source resistance of a ladder (0 = ideal source; default 50).")
  String rs;

  @Option(
      names = "--rl",
      paramLabel = "OHMS|open",
      description = "Load resistance of a ladder (open = none; default 50).")
  String rl;

  @Option(
      names = "--form",
      paramLabel = "min-l|min-c",
      description = "Ladder form listed first (default min-l; the dual follows).")
  String form;

  @Override
  public Integer call() {
    LadderRequest ladder =
        new LadderRequest(
            type,
            response,
            order,
            fc,
            rippleDb,
            attenuationDb,
            passband,
            stopband,
            rs,
            rl,
            form,
            eSeries,
            number(tolerance, "--tolerance"),
            trials,
            seed);
    if (maskFile != null && ladder.present()) {
      throw new InputException(
          "--mask",
          "a general mask replaces the ladder flags (--order, --response, --passband, --stopband,"
              + " --ripple-db, --attenuation-db, --rs, --rl, --form)");
    }
    if (ladder.present()) {
      return ladderCall(ladder);
    }
    return modelCall();
  }

  /** The classical ladder path: no model, exact synthesis and mask verification. */
  private int ladderCall(LadderRequest ladder) {
    for (String[] f :
        new String[][] {
          {"--q", q},
          {"--gain", gain},
          {"--poles", poles},
          {"--zeros", zeros},
          {"--r-series", rSeries},
          {"--ged-weight", gedWeight},
          {"--svg", svg == null ? null : ""},
          {"--count", count == null ? null : ""}
        }) {
      if (f[1] != null) {
        throw new InputException(f[0], "does not apply to a ladder design (--order or a mask)");
      }
    }
    if (modelFile != null) {
      throw new InputException("--model", "does not apply to a ladder design (--order or a mask)");
    }
    checkOutputs();
    LadderReport report = LadderGeneration.generate(ladder);
    LadderOutputs files = new LadderOutputs(report, netlistDir, plot);
    List<String> written = files.write();
    PrintWriter out = spec.commandLine().getOut();
    out.print(json ? toJson(report) + "\n" : LadderText.render(report));
    PrintWriter notes = json ? spec.commandLine().getErr() : out;
    if (checkNgspice) {
      files.ngspiceChecks().forEach(notes::println);
    }
    written.forEach(notes::println);
    out.flush();
    notes.flush();
    return 0;
  }

  private Integer modelCall() {
    GenerateRequest request =
        new GenerateRequest(
            type,
            fc == null ? null : SpiceNumber.parsePositive(fc, "--fc"),
            number(q, "--q"),
            number(gain, "--gain"),
            poles,
            zeros,
            count,
            eSeries,
            rSeries,
            noTrim ? Boolean.FALSE : null,
            number(tolerance, "--tolerance"),
            trials,
            seed,
            maxParts,
            maxInductors,
            rRange,
            cRange,
            lRange,
            maskFile == null ? null : MaskJson.toJson(MaskJson.read(maskFile, "--mask")));
    if (request.maskOrNull() == null) {
      request.target(); // validate flags before loading the model
    }
    request.constraints();
    request.countOrDefault();
    request.series();
    request.resistorSeriesOrNull();
    request.toleranceOrNull();
    request.trialsOrDefault();
    boolean fileOnStdout = checkOutputs().writesStdout();
    Double gw = number(gedWeight, "--ged-weight");
    if (gw != null && !(gw >= 0 && gw <= 1)) {
      throw new InputException("--ged-weight", "must be between 0 and 1, got " + gedWeight);
    }
    double ged = gw == null ? 0 : gw;
    GenerateResponse response;
    try (ZgedModel model =
        modelFile == null ? ZgedModel.loadDefault() : ZgedModel.load(modelFile)) {
      SpecGenerator generator = SpecGenerator.builder().setModel(model).optGedWeight(ged).build();
      response = generator.generate(request);
    }
    List<String> written = writeFiles(response);
    // With --plot - or --svg -, stdout holds only that file; the report goes to stderr.
    PrintWriter out = fileOnStdout ? spec.commandLine().getErr() : spec.commandLine().getOut();
    out.print(json ? toJson(response) + "\n" : GenerationText.render(response));
    PrintWriter notes = json ? spec.commandLine().getErr() : out;
    if (checkNgspice) {
      ngspiceChecks(response).forEach(notes::println);
    }
    written.forEach(notes::println);
    out.flush();
    notes.flush();
    return response.candidates().isEmpty() ? 1 : 0;
  }

  /**
   * One line per candidate: ngspice's response against the exact one over the band that matters.
   * Agreement to ~1e-9 everywhere means every spec printed above is also what ngspice simulates.
   */
  private static List<String> ngspiceChecks(GenerateResponse r) {
    List<String> lines = new ArrayList<>();
    for (CandidateReport c : r.candidates()) {
      Circuit circuit = circuitOf(c);
      double centre = r.target().fcHz() != null ? r.target().fcHz() : centreOf(r, c);
      AcSweep sweep = new AcSweep(100, centre / 1e3, centre * 1e3);
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

  private static final java.util.regex.Pattern DECIMAL =
      java.util.regex.Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

  /** A plain decimal number; anything else (nan, inf, 1f, 0x1p3) is an error naming the flag. */
  static Double number(String text, String flag) {
    if (text == null) {
      return null;
    }
    String t = text.strip();
    if (DECIMAL.matcher(t).matches()) {
      double v = Double.parseDouble(t);
      if (Double.isFinite(v)) {
        return v;
      }
    }
    throw new InputException(flag, "must be a positive finite number, got '" + text + "'");
  }

  private OutputFiles checkOutputs() {
    if (OutputFiles.isStdout(netlistDir)) {
      throw new InputException("--netlist-dir", "takes a folder, not '-' (standard output)");
    }
    if (netlistDir != null && Files.exists(netlistDir) && !Files.isDirectory(netlistDir)) {
      throw new InputException("--netlist-dir", netlistDir + " is a file, not a folder");
    }
    OutputFiles probe = new OutputFiles().protect(modelFile);
    if (plot != null) {
      probe.add("--plot", plot, new byte[0]);
    }
    if (svg != null) {
      probe.add("--svg", svg, new byte[0]);
    }
    probe.check();
    if (probe.writesStdout() && json) {
      throw new InputException(
          OutputFiles.isStdout(plot) ? "--plot" : "--svg",
          "standard output ('-') already carries the --json report");
    }
    return probe;
  }

  /** Renders every requested file, then writes them all or none; one note per file. */
  private List<String> writeFiles(GenerateResponse r) {
    List<String> notes = new ArrayList<>();
    if (r.candidates().isEmpty() || (netlistDir == null && plot == null && svg == null)) {
      return notes;
    }
    OutputFiles files = new OutputFiles().protect(modelFile);
    CandidateReport best = r.candidates().get(0);
    Circuit circuit = circuitOf(best);
    boolean createdDir = netlistDir != null && !Files.exists(netlistDir);
    if (netlistDir != null) {
      try {
        Files.createDirectories(netlistDir);
      } catch (IOException e) {
        throw new InputException(
            "--netlist-dir", "cannot create " + netlistDir + ": " + e.getMessage());
      }
      for (CandidateReport c : r.candidates()) {
        Path p = netlistDir.resolve("candidate-" + c.rank() + ".cir");
        files.add("--netlist-dir", p, c.netlist().getBytes(StandardCharsets.UTF_8));
        notes.add("wrote " + p);
        if (c.eSeries() != null) {
          Path ps =
              netlistDir.resolve(
                  "candidate-" + c.rank() + "-" + c.eSeries().series().toLowerCase() + ".cir");
          files.add("--netlist-dir", ps, c.eSeries().netlist().getBytes(StandardCharsets.UTF_8));
          notes.add("wrote " + ps);
        }
      }
    }
    if (plot != null) {
      files.add("--plot", plot, bode(r, best, circuit));
      notes.add("wrote " + (OutputFiles.isStdout(plot) ? "standard output" : plot));
    }
    if (svg != null) {
      files.add("--svg", svg, SchematicSvg.render(circuit).getBytes(StandardCharsets.UTF_8));
      notes.add("wrote " + (OutputFiles.isStdout(svg) ? "standard output" : svg));
    }
    try {
      files.commit();
    } catch (RuntimeException e) {
      if (createdDir) {
        try {
          Files.deleteIfExists(netlistDir); // only the empty folder this run made
        } catch (IOException ignored) {
          // not empty or not ours any more: leave it
        }
      }
      throw e;
    }
    return notes;
  }

  static Circuit circuitOf(CandidateReport c) {
    return circuitOf(c.elements());
  }

  static Circuit circuitOf(List<ElementReport> elements) {
    Circuit.Builder b = Circuit.builder();
    for (ElementReport e : elements) {
      b.add(
          e.name(),
          org.zged.circuit.ElementKind.valueOf(e.kind()),
          e.nodes().get(0),
          e.nodes().get(1),
          e.value());
    }
    return b.build();
  }

  private static byte[] bode(GenerateResponse r, CandidateReport best, Circuit circuit) {
    double centre = r.target().fcHz() != null ? r.target().fcHz() : centreOf(r, best);
    double[] grid = FrequencyResponse.logGrid(centre / 1e3, centre * 1e3, 100);
    FrequencyResponse resp = CircuitAnalyzer.response(circuit, grid);
    BodePlot.Builder b =
        BodePlot.builder()
            .setResponse(
                "candidate 1 (" + (best.family() == null ? "novel" : best.family()) + ")", resp)
            .optTitle("zged generate: " + GenerationText.render(r).lines().findFirst().orElse(""));
    if (best.eSeries() != null) {
      Circuit snapped = circuitOf(best.eSeries().elements());
      b.optOverlay(best.eSeries().series() + " values", CircuitAnalyzer.response(snapped, grid));
    }
    if (r.target().fcHz() != null) {
      b.optMarker(r.target().fcHz(), "target " + SiFormat.format(r.target().fcHz(), "Hz"));
    }
    if (r.target().mask() != null) {
      drawMask(b, MaskJson.fromJson(r.target().mask(), "mask"), circuit, grid);
    }
    return b.build().toPng();
  }

  /** The mask's limits in grey, relative to the circuit's passband peak (as the margins are). */
  private static void drawMask(BodePlot.Builder b, Mask mask, Circuit circuit, double[] grid) {
    MaskMargins m = MaskVerifier.verify(mask, circuit);
    double peak = CircuitAnalyzer.response(circuit, new double[] {m.peakHz()}).magnitudeDb()[0];
    double lo = grid[0];
    double hi = grid[grid.length - 1];
    for (Band band : mask.bands()) {
      double from = Math.max(band.lowHz(), lo);
      double to = Math.min(band.highHz(), hi);
      if (to > from) {
        b.optLimit(band.pass() ? "pass" : "stop", from, to, peak - band.limitDb());
      }
    }
  }

  /** A mask's geometric-mean finite edge, else the candidate's own fc or f0. */
  private static double centreOf(GenerateResponse r, CandidateReport c) {
    if (r.target().mask() != null) {
      double s = 0;
      int n = 0;
      for (Band b : MaskJson.fromJson(r.target().mask(), "mask").bands()) {
        for (double f : new double[] {b.lowHz(), b.highHz()}) {
          if (f > 0 && Double.isFinite(f)) {
            s += Math.log(f);
            n++;
          }
        }
      }
      if (n > 0) {
        return Math.exp(s / n);
      }
    }
    return centreOf(c);
  }

  private static double centreOf(CandidateReport c) {
    Double f = c.achieved().fcHz() != null ? c.achieved().fcHz() : c.achieved().f0Hz();
    return f != null ? f : 1e3;
  }

  private static String toJson(Object r) {
    try {
      return JSON.writeValueAsString(r);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
