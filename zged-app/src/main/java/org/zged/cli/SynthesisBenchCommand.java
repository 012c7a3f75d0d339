package org.zged.cli;

import org.zged.InputException;
import org.zged.generate.SynthesisBenchmark;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code zged bench synthesis}: ladder design time and element-value accuracy. */
@Command(
    name = "synthesis",
    mixinStandardHelpOptions = true,
    description = {
      "Time ladder synthesis + exact mask verification (orders 1..9, every response) and",
      "check element values against a BigDecimal computation (see docs/benchmarks.md)."
    })
public final class SynthesisBenchCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--repeat",
      paramLabel = "N",
      defaultValue = "50",
      description = "Repetitions of the whole set (default: ${DEFAULT-VALUE}).")
  int repeat;

  @Override
  public void run() {
    if (repeat < 1 || repeat > 100_000) {
      throw new InputException("--repeat", "must be between 1 and 100000, got " + repeat);
    }
    var out = spec.commandLine().getOut();
    out.print(SynthesisBenchmark.render(SynthesisBenchmark.run(repeat)));
    out.flush();
  }
}
