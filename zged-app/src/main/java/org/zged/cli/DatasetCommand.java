package org.zged.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.zged.InputException;
import org.zged.dataset.CircuitFamilies;
import org.zged.dataset.CircuitFamily;
import org.zged.dataset.DatasetGenerator;
import org.zged.dataset.DatasetHeader;
import org.zged.dataset.Preset;
import org.zged.dataset.RandomGraphs;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code zged dataset}: generates a labelled dataset file (JSON Lines, see docs/dataset.md). The
 * file is written to a temporary name and moved into place when complete.
 */
@Command(
    name = "dataset",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Generate a seeded, exactly labelled dataset of filter circuits (JSON Lines).",
      "Presets: seed = the seed's 6 families x 20 = 120 circuits;",
      "         full = all 12 families x 200 = 2,400 circuits;",
      "         open = 40,000 random graphs (<= 13 internal nodes, 2-20 elements) + the",
      "                12 families x 500 + 16 classical ladders x 250 = 50,000 circuits,",
      "                split by topology.",
      "Families: rc_lowpass rc_highpass rlc_lowpass rlc_bandpass tank_bandpass",
      "          notch_bandstop rlc_series rlc_parallel lc_lowpass cl_highpass",
      "          rl_lowpass rl_highpass random",
      "          ladder_{butter,cheby1,bessel,ellip}_{lp,hp,bp,bs} (see docs/dataset.md)."
    },
    subcommands = {DatasetStatsCommand.class})
public final class DatasetCommand implements Callable<Integer> {
  private static final int PROGRESS_FROM = 200_000;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--preset",
      paramLabel = "seed|full|open",
      defaultValue = "full",
      description = "Families and count per family (default: ${DEFAULT-VALUE}).")
  String preset;

  @Option(
      names = "--per-family",
      paramLabel = "N",
      description = "Circuits per family (overrides the preset's count).")
  Integer perFamily;

  @Option(
      names = "--families",
      paramLabel = "FAMILY",
      split = ",",
      description = "Families to generate, in this order (overrides the preset's families).")
  List<String> families;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "42",
      description = "Dataset seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--threads",
      paramLabel = "T",
      description = "Worker threads (default: all cores); the output does not depend on it.")
  Integer threads;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Output file (default: data/<preset>.jsonl; '-': standard output).")
  Path out;

  @Option(
      names = "--max-internal",
      paramLabel = "K",
      description = "Random graphs: at most K internal nodes, 0-13 (default: 13).")
  Integer maxInternal;

  @Option(
      names = "--min-elements",
      paramLabel = "M",
      description = "Random graphs: at least M elements before reduction, 2-20 (default: 2).")
  Integer minElements;

  @Option(
      names = "--max-elements",
      paramLabel = "M",
      description = "Random graphs: at most M elements, 2-20 (default: 20).")
  Integer maxElements;

  @Option(
      names = "--with-response",
      description = "Also store each circuit's 701-point response (10 Hz - 100 MHz).")
  boolean withResponse;

  @Override
  public Integer call() {
    DatasetGenerator.Builder b = DatasetGenerator.builder().optSeed(seed);
    Preset p;
    try {
      p = Preset.parse(preset);
    } catch (IllegalArgumentException e) {
      throw new InputException("--preset", e.getMessage());
    }
    b.optPreset(p).optWithResponse(withResponse);
    if (families != null) {
      b.optFamilies(parseFamilies(families));
    }
    if (perFamily != null) {
      if (perFamily < 1) {
        throw new InputException("--per-family", "must be >= 1, got " + perFamily);
      }
      b.optPerFamily(perFamily);
    }
    if (maxInternal != null || minElements != null || maxElements != null) {
      try {
        b.optSpace(
            new RandomGraphs(
                maxInternal != null ? maxInternal : RandomGraphs.MAX_INTERNAL,
                minElements != null ? minElements : RandomGraphs.MIN_ELEMENTS,
                maxElements != null ? maxElements : RandomGraphs.MAX_ELEMENTS));
      } catch (IllegalArgumentException e) {
        String flag =
            maxInternal != null
                ? "--max-internal"
                : minElements != null ? "--min-elements" : "--max-elements";
        throw new InputException(flag, e.getMessage());
      }
    }
    if (threads != null) {
      if (threads < 1) {
        throw new InputException("--threads", "must be >= 1, got " + threads);
      }
      b.optThreads(threads);
    }
    DatasetHeader header = b.build().header();
    if (header.space() == null
        && (maxInternal != null || minElements != null || maxElements != null)) {
      throw new InputException(
          maxInternal != null
              ? "--max-internal"
              : minElements != null ? "--min-elements" : "--max-elements",
          "bounds the random graphs, which this dataset does not have (use --preset open)");
    }
    Path file = out != null ? out : Path.of("data", header.preset() + ".jsonl");
    boolean toStdout = OutputFiles.isStdout(file);
    if (!toStdout && Files.isDirectory(file.toAbsolutePath().getParent())) {
      OutputFiles.checkTarget("--out", file); // a missing folder is created below
    }
    long start = System.nanoTime();
    long bytes = -1;
    try (ProgressBar bar = header.total() >= PROGRESS_FROM ? progressBar(header.total()) : null) {
      if (bar != null) {
        b.optProgress(bar::stepTo);
      }
      if (toStdout) {
        bytes = b.build().write(System.out);
        System.out.flush();
      } else {
        b.build().write(file);
      }
    } catch (IllegalStateException e) {
      throw new InputException("--max-elements", e.getMessage()); // bounds no valid circuit meets
    } catch (UncheckedIOException e) {
      throw new InputException("--out", "cannot write " + file + ": " + e.getCause().getMessage());
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    // With --out -, stdout holds only the dataset; the summary goes to stderr.
    PrintWriter w = toStdout ? spec.commandLine().getErr() : spec.commandLine().getOut();
    w.println(
        summary(
            header, toStdout ? "standard output" : file.toString(), bytes(file, bytes), seconds));
    w.flush();
    return 0;
  }

  static List<CircuitFamily> parseFamilies(List<String> names) {
    List<CircuitFamily> out = new ArrayList<>();
    for (String n : names) {
      if (n.isBlank()) {
        throw new InputException("--families", "empty family name");
      }
      try {
        out.add(CircuitFamilies.parse(n, null));
      } catch (IllegalArgumentException e) {
        throw new InputException("--families", e.getMessage());
      }
    }
    return out;
  }

  private static ProgressBar progressBar(long total) {
    return new ProgressBarBuilder()
        .setTaskName("dataset")
        .setInitialMax(total)
        .setUnit(" circuits", 1)
        .setConsumer(new ConsoleProgressBarConsumer(System.err))
        .build();
  }

  private static long bytes(Path file, long written) {
    if (written >= 0) {
      return written;
    }
    try {
      return Files.size(file);
    } catch (java.io.IOException e) {
      return -1;
    }
  }

  private static String summary(DatasetHeader h, String file, long size, double seconds) {
    int n = h.counts().size();
    int per = h.counts().values().iterator().next();
    boolean uniform = h.counts().values().stream().allMatch(c -> c == per);
    String makeup =
        uniform
            ? String.format(Locale.ROOT, "%d %s x %,d", n, n == 1 ? "family" : "families", per)
            : h.counts().entrySet().stream()
                    .map(e -> String.format(Locale.ROOT, "%s %,d", e.getKey().id(), e.getValue()))
                    .limit(3)
                    .collect(java.util.stream.Collectors.joining(", "))
                + (n > 3 ? ", ... (" + n + " families)" : "");
    String line =
        String.format(
            Locale.ROOT,
            "wrote %s: %,d circuits (%s, preset %s, seed %d), %.1f MB in %.2f s",
            file,
            h.total(),
            makeup,
            h.preset(),
            h.seed(),
            size / 1e6,
            seconds);
    // A rate over a few thousand circuits would mostly measure the JVM warming up.
    return h.total() < 10_000
        ? line
        : line + String.format(Locale.ROOT, " (%,.0f circuits/s)", h.total() / seconds);
  }
}
