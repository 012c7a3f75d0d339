package org.zged.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.zged.InputException;
import org.zged.generate.AnalysesSpent;
import org.zged.generate.GenerationBenchmark;
import org.zged.generate.MatchedSuccess;
import org.zged.generate.SpecGenerator;
import org.zged.generate.SuiteBenchmark;
import org.zged.model.ZgedModel;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code zged bench generate}: spec errors and latency of generation vs two baselines. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Generation on realizable targets (random circuits of random families, values widened",
      "beyond the training ranges): success at 1 %% / 5 %%, errors, latency per generate-and-verify,",
      "against the reference's K-NN method and the closed-form family designs; E-series snapping,",
      "prior validity at T = 1 and an ngspice re-check of a sample. Single-threaded."
    })
public final class GenerateBenchCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--targets", paramLabel = "N", description = "Number of targets (default 300).")
  int targets = 300;

  @Option(names = "--seed", paramLabel = "S", description = "Seed of the targets (default 1).")
  long seed = 1;

  @Option(
      names = "--widen",
      paramLabel = "DECADES",
      description = "Widen each family's value ranges by this many decades per side (default 1).")
  double widen = 1;

  @Option(
      names = "--ngspice",
      paramLabel = "N",
      description = "Circuits re-checked in ngspice (default 25).")
  int ngspice = 25;

  @Option(
      names = "--snap",
      paramLabel = "N",
      description = "Circuits snapped to E-series (default 100).")
  int snap = 100;

  @Option(
      names = "--model",
      paramLabel = "FILE",
      description = "Model file (default: the shipped model).")
  Path modelFile;

  @Option(names = "--json", description = "Print the figures as one JSON object.")
  boolean json;

  @Option(
      names = "--suite",
      paramLabel = "SUITE",
      description =
          "Compare the search arms (vae, templates, random, evolutionary, classical) at equal"
              + " budget: in-template, out-of-template, masks or constrained.")
  String suite;

  @Option(
      names = "--budget",
      paramLabel = "N",
      description = "With --suite: exact analyses per target for every arm (default 2000).")
  Integer budget;

  @Override
  public Integer call() throws Exception {
    if (targets < 1 || targets > 100_000) {
      throw new InputException("--targets", "must be between 1 and 100000, got " + targets);
    }
    if (!(widen >= 0 && widen <= 3)) {
      throw new InputException("--widen", "must be between 0 and 3 decades, got " + widen);
    }
    if (ngspice < 0 || snap < 0) {
      throw new InputException(ngspice < 0 ? "--ngspice" : "--snap", "must be >= 0");
    }
    PrintWriter out = spec.commandLine().getOut();
    if (suite != null || budget != null) {
      return runSuite(out);
    }
    try (ZgedModel model =
        modelFile == null ? ZgedModel.loadDefault() : ZgedModel.load(modelFile)) {
      SpecGenerator gen = SpecGenerator.builder().setModel(model).build();
      GenerationBenchmark.Report r =
          new GenerationBenchmark(gen).run(targets, seed, widen, ngspice, snap);
      if (json) {
        out.println(
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(r));
      } else {
        out.print(render(r));
      }
    }
    out.flush();
    return 0;
  }

  private Integer runSuite(PrintWriter out) throws Exception {
    if (suite == null) {
      throw new InputException("--budget", "needs --suite as well");
    }
    if (!SuiteBenchmark.SUITES.contains(suite)) {
      throw new InputException(
          "--suite",
          "unknown suite '" + suite + "' (use " + String.join(", ", SuiteBenchmark.SUITES) + ")");
    }
    int b = budget == null ? 2000 : budget;
    if (b < 10 || b > 1_000_000) {
      throw new InputException("--budget", "must be between 10 and 1000000, got " + b);
    }
    if (spec.commandLine().getParseResult().matchedOption("--targets") == null) {
      targets = 50;
    }
    try (ZgedModel model =
        modelFile == null ? ZgedModel.loadDefault() : ZgedModel.load(modelFile)) {
      SpecGenerator gen = SpecGenerator.builder().setModel(model).build();
      SuiteBenchmark.Report r = new SuiteBenchmark(gen).run(suite, targets, b, seed);
      if (json) {
        out.println(
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(r));
      } else {
        out.print(renderSuite(r, seed));
      }
    }
    out.flush();
    return 0;
  }

  static String renderSuite(SuiteBenchmark.Report r, long seed) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "zged bench generate --suite %s: %d targets (seed %d), budget %d exact analyses per"
                + " target for every arm; 1 thread, warm JVM%n",
            r.suite(),
            r.targets(),
            seed,
            r.budget()));
    sb.append(
        String.format(
            Locale.ROOT,
            "%n%-14s %8s %18s %12s %10s %10s %14s%n",
            "arm",
            "met",
            "analyses to 1st",
            "parts p50",
            "p50 ms",
            "p95 ms",
            "parts<=ladder"));
    r.arms()
        .forEach(
            (name, a) -> {
              if (!a.applies()) {
                sb.append(String.format(Locale.ROOT, "%-14s n/a: %s%n", name, a.note()));
                return;
              }
              sb.append(
                  String.format(
                      Locale.ROOT,
                      "%-14s %7.1f%% %18s %12s %10.1f %10.1f %14s%n",
                      name,
                      100 * a.met(),
                      a.analysesToSuccessMedian() == null
                          ? "-"
                          : String.format(Locale.ROOT, "%.0f", a.analysesToSuccessMedian()),
                      a.partsMedian() == null
                          ? "-"
                          : String.format(Locale.ROOT, "%.0f", a.partsMedian()),
                      a.timeMsP50(),
                      a.timeMsP95(),
                      a.partsLeClassical() == null
                          ? "-"
                          : String.format(Locale.ROOT, "%.0f%%", 100 * a.partsLeClassical())));
              if (a.misses() != null) {
                a.misses().forEach(m -> sb.append("    miss: ").append(m).append('\n'));
              }
            });
    renderCurves(sb, r);
    return sb.toString();
  }

  /** Success within k analyses per arm, and the VAE against random search in both readings. */
  private static void renderCurves(StringBuilder sb, SuiteBenchmark.Report r) {
    java.util.List<Integer> ks = new java.util.ArrayList<>();
    for (int k : new int[] {25, 50, 100, 200, 500, 1000}) {
      if (k < r.budget()) {
        ks.add(k);
      }
    }
    ks.add(r.budget());
    sb.append(
        String.format(
            Locale.ROOT,
            "%nmet within k analyses (share of all %d targets; a miss never counts)%n%-14s",
            r.targets(),
            "arm"));
    ks.forEach(k -> sb.append(String.format(Locale.ROOT, " %7s", "k=" + k)));
    sb.append('\n');
    r.arms()
        .forEach(
            (name, a) -> {
              if (!a.applies() || a.successCurve() == null) {
                return;
              }
              sb.append(String.format(Locale.ROOT, "%-14s", name));
              ks.forEach(
                  k ->
                      sb.append(
                          String.format(
                              Locale.ROOT,
                              " %6.1f%%",
                              100 * MatchedSuccess.metWithin(a.successCurve(), k))));
              sb.append('\n');
            });
    renderSpent(sb, r);
    MatchedSuccess.Comparison c = r.vaeVsRandom();
    if (c == null) {
      return;
    }
    sb.append(
        String.format(
            Locale.ROOT,
            "vae vs random, ratio of medians (each over the targets that arm met): %s%n",
            c.medianRatio() == null ? "-" : String.format(Locale.ROOT, "1/%.1f", c.medianRatio())));
    sb.append(
        String.format(
            Locale.ROOT,
            "vae vs random at matched success %.1f%% (random's final share): random needs %s"
                + " analyses, vae %s: %s%n",
            100 * c.matchedSuccess(),
            c.randomAnalyses() == null ? "-" : c.randomAnalyses(),
            c.vaeAnalyses() == null ? "never" : c.vaeAnalyses(),
            c.matchedRatio() == null
                ? "-"
                : String.format(Locale.ROOT, "1/%.1f", c.matchedRatio())));
  }

  /** Each arm's analyses to its first successes, by what the fits came to (AnalysesSpent). */
  private static void renderSpent(StringBuilder sb, SuiteBenchmark.Report r) {
    sb.append(
        String.format(
            Locale.ROOT,
            "%nanalyses spent up to each first success (a miss: all), by what the fit came to;"
                + " tail = the slower half of the targets%n%-19s %7s %9s %11s %12s %8s %8s%n",
            "arm",
            "fits",
            "meeting",
            "no response",
            "out of range",
            "close",
            "far"));
    r.arms()
        .forEach(
            (name, a) -> {
              if (!a.applies() || a.spent() == null) {
                return;
              }
              spentRow(sb, name, a.spent());
              spentRow(sb, name + " (tail)", a.spentTail());
            });
  }

  private static void spentRow(StringBuilder sb, String name, AnalysesSpent s) {
    sb.append(
        String.format(
            Locale.ROOT,
            "%-19s %7d %9d %11d %12d %8d %8d%n",
            name,
            s.fits(),
            s.meeting(),
            s.noResponse(),
            s.outOfRange(),
            s.close(),
            s.far()));
  }

  static String render(GenerationBenchmark.Report r) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "zged bench generate: %d targets (seed %d), values widened %.1f decade(s) beyond the"
                + " training ranges; 1 thread, warm JVM; latency in ms per generate-and-verify (wall, and"
                + " thread CPU time)%n%n",
            r.targets(),
            r.seed(),
            r.widenDecades()));
    sb.append(
        String.format(
            Locale.ROOT,
            "%-46s %8s %8s %10s %10s %10s %10s %9s %9s %9s %9s%n",
            "method",
            "met@1%",
            "met@5%",
            "fc err p50",
            "fc err p95",
            "Q err p50",
            "Q err p95",
            "p50 ms",
            "p95 ms",
            "p50 cpu",
            "p95 cpu"));
    for (GenerationBenchmark.MethodStats m : r.methods()) {
      sb.append(
          String.format(
              Locale.ROOT,
              "%-46s %7.1f%% %7.1f%% %10s %10s %10s %10s %9.3f %9.3f %9.3f %9.3f%n",
              m.method(),
              100 * m.met1(),
              100 * m.met5(),
              pct(m.fcMedian()),
              pct(m.fcP95()),
              pct(m.qMedian()),
              pct(m.qP95()),
              m.latencyP50Ms(),
              m.latencyP95Ms(),
              m.cpuP50Ms(),
              m.cpuP95Ms()));
    }
    sb.append("\nmisses counted as infinite errors (no valid circuit / wrong response class):\n");
    for (GenerationBenchmark.MethodStats m : r.methods()) {
      sb.append(
          String.format(
              Locale.ROOT,
              "  %-46s %5.1f%% / %5.1f%%%n",
              m.method(),
              100 * m.invalid(),
              100 * m.wrongClass()));
    }
    sb.append("pipeline's best candidate came from: ").append(r.pipelineSources()).append('\n');
    for (GenerationBenchmark.SnapStats s : r.eSeries()) {
      sb.append(
          String.format(
              Locale.ROOT,
              "%-28s snapping + re-fit, %d circuits: fc error median %s, p95 %s, worst %s%n",
              s.series(),
              s.circuits(),
              pct(s.median()),
              pct(s.p95()),
              pct(s.worst())));
    }
    sb.append(
        String.format(
            Locale.ROOT,
            "prior sampling at T = 1.0: %.1f%% of %d decodes structurally valid%n",
            100 * r.priorValidity(),
            r.priorSamples()));
    if (r.ngspiceCircuits() > 0) {
      sb.append(
          String.format(
              Locale.ROOT,
              "ngspice re-check: %d circuits x 401 points, largest |H| deviation from the exact"
                  + " analysis %.2g (relative)%n",
              r.ngspiceCircuits(),
              r.ngspiceMaxDeviation()));
    } else {
      sb.append("ngspice re-check: skipped (ngspice not found or --ngspice 0)\n");
    }
    return sb.toString();
  }

  private static String pct(double x) {
    if (Double.isNaN(x)) {
      return "-";
    }
    if (Double.isInfinite(x)) {
      return "miss";
    }
    return x < 1e-6 ? "<1e-4%" : String.format(Locale.ROOT, "%.4f%%", 100 * x);
  }
}
