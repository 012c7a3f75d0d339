package org.zged.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.zged.analysis.ResponseClass;
import org.zged.dataset.DatasetHeader;
import org.zged.dataset.DatasetReader;
import org.zged.dataset.DatasetStats;
import org.zged.dataset.FilterFamily;
import org.zged.dataset.Split;
import org.zged.plot.DatasetScatterPlot;
import org.zged.plot.SiFormat;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code zged dataset stats}: reads a dataset file (validating every record and label) and prints
 * per-family counts, response classes, value ranges and fc / f0 / Q ranges; optionally an fc-vs-Q
 * scatter plot.
 */
@Command(
    name = "stats",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = "Summarise a dataset file: counts, response classes, value and spec ranges.")
public final class DatasetStatsCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "A file from 'zged dataset'.")
  Path file;

  @Option(
      names = "--plot",
      paramLabel = "FILE.png",
      description = "Write a log-log scatter of frequency vs Q coloured by family.")
  Path plot;

  @Override
  public Integer call() {
    if (plot != null) {
      // fail before the long read
      new OutputFiles().protect(file).add("--plot", plot, new byte[0]).check();
    }
    DatasetStats stats = new DatasetStats();
    DatasetHeader header = DatasetReader.scan(file, true, stats);
    if (plot != null) {
      new OutputFiles().protect(file).add("--plot", plot, DatasetScatterPlot.png(stats)).commit();
    }
    // With --plot -, stdout holds only the PNG; the summary goes to stderr.
    PrintWriter out =
        OutputFiles.isStdout(plot) ? spec.commandLine().getErr() : spec.commandLine().getOut();
    out.print(render(file, header, stats));
    if (plot != null) {
      out.println("plot: " + plot + omittedNote(stats));
    }
    out.flush();
    return 0;
  }

  static String render(Path file, DatasetHeader h, DatasetStats s) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "%s: %,d circuits, %d families, preset %s, seed %d (%s, format %d)%n",
            file,
            s.total(),
            s.families().size(),
            h.preset(),
            h.seed(),
            h.generator(),
            h.formatVersion()));
    sb.append(
        String.format(
            Locale.ROOT,
            "splits: train %,d  val %,d  test %,d%n%n",
            s.splitCount(Split.TRAIN),
            s.splitCount(Split.VAL),
            s.splitCount(Split.TEST)));
    sb.append(
        String.format(
            Locale.ROOT,
            "%-15s %7s  %-18s %-28s %-22s %s%n",
            "family",
            "count",
            "response class",
            "fc or f0 (Hz)",
            "Q (band) / pole Q",
            "as named"));
    for (Map.Entry<FilterFamily, DatasetStats.Family> e : s.families().entrySet()) {
      FilterFamily f = e.getKey();
      DatasetStats.Family fs = e.getValue();
      boolean asNamed = fs.classCounts().getOrDefault(f.expectedClass(), 0L) == fs.count();
      sb.append(
          String.format(
              Locale.ROOT,
              "%-15s %,7d  %-18s %-28s %-22s %s%n",
              f.id(),
              fs.count(),
              classes(fs.classCounts()),
              frequency(fs),
              quality(fs),
              asNamed ? "yes" : "NO (expected " + f.expectedClass().label() + ")"));
    }
    sb.append(String.format("%nelement values (min - max):%n"));
    for (Map.Entry<FilterFamily, DatasetStats.Family> e : s.families().entrySet()) {
      List<String> parts = new ArrayList<>();
      e.getValue()
          .values()
          .forEach(
              (name, r) ->
                  parts.add(
                      name
                          + " "
                          + SiFormat.format(r.min(), unit(name))
                          + " - "
                          + SiFormat.format(r.max(), unit(name))));
      sb.append(
          String.format(Locale.ROOT, "  %-15s %s%n", e.getKey().id(), String.join(", ", parts)));
    }
    sb.append(
        String.format(
            "%nQ: band Q = f0/bandwidth for band filters, else the dominant pole pair's Q;"
                + " '-' = none (first order, or lossless with an infinite Q)%n"));
    List<FilterFamily> misnamed = s.misnamedFamilies();
    sb.append(
        misnamed.isEmpty()
            ? String.format("%nevery circuit is classified as its family's name says%n")
            : String.format(
                "%nfamilies with circuits not classified as named: %s%n",
                misnamed.stream().map(FilterFamily::id).collect(Collectors.joining(", "))));
    return sb.toString();
  }

  private static String classes(Map<ResponseClass, Long> counts) {
    return counts.entrySet().stream()
        .map(e -> e.getKey().label() + " " + e.getValue())
        .collect(Collectors.joining(", "));
  }

  private static String frequency(DatasetStats.Family fs) {
    DatasetStats.Range r = !fs.fc().isEmpty() ? fs.fc() : fs.f0();
    String which = !fs.fc().isEmpty() ? "fc " : "f0 ";
    return r.isEmpty()
        ? "-"
        : which
            + SiFormat.format(round3(r.min()), "Hz")
            + " - "
            + SiFormat.format(round3(r.max()), "Hz");
  }

  private static String quality(DatasetStats.Family fs) {
    if (!fs.q().isEmpty()) {
      return "Q " + range(fs.q());
    }
    return fs.poleQ().isEmpty() ? "-" : "pole Q " + range(fs.poleQ());
  }

  private static String range(DatasetStats.Range r) {
    return SiFormat.significant(round3(r.min())) + " - " + SiFormat.significant(round3(r.max()));
  }

  private static double round3(double v) {
    return Double.parseDouble(String.format(Locale.ROOT, "%.3g", v));
  }

  private static String unit(String elementName) {
    return switch (Character.toUpperCase(elementName.charAt(0))) {
      case 'R' -> "Ω";
      case 'C' -> "F";
      case 'L' -> "H";
      default -> "";
    };
  }

  static String omittedNote(DatasetStats s) {
    List<String> omitted = DatasetScatterPlot.omittedFamilies(s);
    return omitted.isEmpty() ? "" : " (no Q, not drawn: " + String.join(", ", omitted) + ")";
  }
}
