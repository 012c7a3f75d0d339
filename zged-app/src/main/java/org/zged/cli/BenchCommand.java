package org.zged.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Benchmarks that print figures; each subcommand measures one part side by side with a baseline.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Measure speed and quality; prints figures (see docs/benchmarks.md).",
    subcommands = {
      DatasetBenchCommand.class,
      AnalysisBenchCommand.class,
      ModelBenchCommand.class,
      GenerateBenchCommand.class,
      GedBenchCommand.class,
      SynthesisBenchCommand.class,
      TopologyBenchCommand.class
    })
public final class BenchCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
