package org.zged.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.zged.InputException;
import org.zged.analysis.ResponseClass;
import org.zged.dataset.CircuitFamily;
import org.zged.dataset.DatasetHeader;
import org.zged.dataset.DatasetReader;
import org.zged.dataset.DatasetStats;
import org.zged.dataset.FilterFamily;
import org.zged.dataset.Split;
import org.zged.dataset.TopologyStats;
import org.zged.plot.DatasetScatterPlot;
import org.zged.plot.SiFormat;
import org.zged.plot.TopologyStatsPlot;
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

  @Option(
      names = "--topology-plot",
      paramLabel = "FILE.png",
      description =
          "Write bar charts of the distinct topologies by node count, element count, order and"
              + " response class.")
  Path topologyPlot;

  @Override
  public Integer call() {
    if (OutputFiles.isStdout(plot) && OutputFiles.isStdout(topologyPlot)) {
      throw new InputException(
          "--topology-plot", "only one of the plots can go to standard output");
    }
    OutputFiles planned = new OutputFiles().protect(file);
    if (plot != null) {
      planned.add("--plot", plot, new byte[0]);
    }
    if (topologyPlot != null) {
      planned.add("--topology-plot", topologyPlot, new byte[0]);
    }
    planned.check(); // fail before the long read
    DatasetStats stats = new DatasetStats();
    DatasetHeader header = DatasetReader.scan(file, true, stats);
    OutputFiles files = new OutputFiles().protect(file);
    if (plot != null) {
      files.add("--plot", plot, DatasetScatterPlot.png(stats));
    }
    if (topologyPlot != null) {
      files.add("--topology-plot", topologyPlot, TopologyStatsPlot.png(stats.topologies()));
    }
    files.commit();
    // With a plot to -, stdout holds only the PNG; the summary goes to stderr.
    PrintWriter out =
        OutputFiles.isStdout(plot) || OutputFiles.isStdout(topologyPlot)
            ? spec.commandLine().getErr()
            : spec.commandLine().getOut();
    out.print(render(file, header, stats));
    if (plot != null) {
      out.println("plot: " + plot + omittedNote(stats));
    }
    if (topologyPlot != null) {
      out.println("topology plot: " + topologyPlot);
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
            "splits: train %,d  val %,d  test %,d%s%n%n",
            s.splitCount(Split.TRAIN),
            s.splitCount(Split.VAL),
            s.splitCount(Split.TEST),
            s.splitCount(Split.TEST_UNSEEN) == 0 && !h.open()
                ? ""
                : String.format(
                    Locale.ROOT, "  test_unseen %,d", s.splitCount(Split.TEST_UNSEEN))));
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
    for (Map.Entry<CircuitFamily, DatasetStats.Family> e : s.families().entrySet()) {
      CircuitFamily f = e.getKey();
      DatasetStats.Family fs = e.getValue();
      ResponseClass expected = f.expectedClass();
      String asNamed =
          expected == null
              ? "-"
              : fs.classCounts().getOrDefault(expected, 0L) == fs.count()
                  ? "yes"
                  : "NO (expected " + expected.label() + ")";
      sb.append(
          String.format(
              Locale.ROOT,
              "%-15s %,7d  %-18s %-28s %-22s %s%n",
              f.id(),
              fs.count(),
              classes(fs.classCounts()),
              frequency(fs),
              quality(fs),
              asNamed));
    }
    sb.append(String.format("%nelement values (min - max):%n"));
    for (Map.Entry<CircuitFamily, DatasetStats.Family> e : s.families().entrySet()) {
      if (!(e.getKey() instanceof FilterFamily)) {
        sb.append(
            String.format(
                Locale.ROOT, "  %-15s %s%n", e.getKey().id(), kindRanges(e.getValue().values())));
        continue;
      }
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
    List<CircuitFamily> misnamed = s.misnamedFamilies();
    sb.append(
        misnamed.isEmpty()
            ? String.format("%nevery circuit is classified as its family's name says%n")
            : String.format(
                "%nfamilies with circuits not classified as named: %s%n",
                misnamed.stream().map(CircuitFamily::id).collect(Collectors.joining(", "))));
    sb.append(topologies(s.topologies()));
    return sb.toString();
  }

  /** The canonical-topology summary: distinct count, largest share, spread, split disjointness. */
  static String topologies(TopologyStats t) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "%ntopologies: %,d distinct canonical topologies; the commonest has %,d circuits"
                + " (%.2f %%)%n",
            t.distinct(),
            t.largest(),
            t.circuits() == 0 ? 0.0 : 100.0 * t.largest() / t.circuits()));
    Map<Split, Integer> bySplit = t.bySplit();
    sb.append(
        String.format(
            Locale.ROOT,
            "  per split: %s; held-out topologies also in train/val: %d%n",
            bySplit.entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "%s %,d", e.getKey().label(), e.getValue()))
                .collect(Collectors.joining(", ")),
            t.unseenLeaks()));
    sb.append("  by node count:     " + buckets(t.byNodes()) + "\n");
    sb.append("  by element count:  " + buckets(t.byElements()) + "\n");
    sb.append("  by order (poles):  " + buckets(t.byOrder()) + "\n");
    sb.append(
        "  by response class: "
            + t.byClass().entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "%s %,d", e.getKey().label(), e.getValue()))
                .collect(Collectors.joining(", "))
            + "\n");
    return sb.toString();
  }

  private static String buckets(Map<Integer, Integer> m) {
    return m.entrySet().stream()
        .map(e -> String.format(Locale.ROOT, "%d:%,d", e.getKey(), e.getValue()))
        .collect(Collectors.joining(" "));
  }

  /** Per element kind the range over all elements of that kind (random circuits vary in names). */
  private static String kindRanges(Map<String, DatasetStats.Range> values) {
    List<String> parts = new ArrayList<>();
    for (char kind : new char[] {'R', 'C', 'L'}) {
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      for (Map.Entry<String, DatasetStats.Range> e : values.entrySet()) {
        if (Character.toUpperCase(e.getKey().charAt(0)) == kind && !e.getValue().isEmpty()) {
          lo = Math.min(lo, e.getValue().min());
          hi = Math.max(hi, e.getValue().max());
        }
      }
      if (lo <= hi) {
        String unit = unit(String.valueOf(kind));
        parts.add(kind + " " + SiFormat.format(lo, unit) + " - " + SiFormat.format(hi, unit));
      }
    }
    return String.join(", ", parts);
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
