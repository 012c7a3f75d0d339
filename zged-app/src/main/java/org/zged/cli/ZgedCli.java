package org.zged.cli;

import java.io.PrintWriter;
import org.zged.InputException;
import org.zged.circuit.CircuitException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code zged} command: one subcommand per job. */
@Command(
    name = "zged",
    mixinStandardHelpOptions = true,
    version = "zged 0.1.0",
    description = "Filter specification in, verified passive RLC circuit out.",
    subcommands = {
      CommandLine.HelpCommand.class,
      SimulateCommand.class,
      TopologyCommand.class,
      DatasetCommand.class,
      BenchCommand.class,
      ServeCommand.class,
      TrainCommand.class,
      ModelCommand.class,
      EvalCommand.class,
      ExperimentsCommand.class,
      GenerateCommand.class,
      SampleCommand.class,
      InterpolateCommand.class,
      ReconstructCommand.class
    })
public final class ZgedCli implements Runnable {
  /** Exit code for bad input (netlist, spec, config, dataset, checkpoint, flags). */
  public static final int EXIT_BAD_INPUT = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new ZgedCli());
    cl.setParameterExceptionHandler(
        (ex, args) -> {
          PrintWriter err = ex.getCommandLine().getErr();
          err.println("error: " + ex.getMessage());
          err.flush();
          return EXIT_BAD_INPUT;
        });
    cl.setExecutionExceptionHandler(
        (ex, cmd, parseResult) -> {
          if (ex instanceof InputException
              || ex instanceof CircuitException
              || ex instanceof CommandLine.ParameterException) {
            cmd.getErr().println("error: " + ex.getMessage());
            cmd.getErr().flush();
            return EXIT_BAD_INPUT;
          }
          throw ex;
        });
    return cl;
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }
}
