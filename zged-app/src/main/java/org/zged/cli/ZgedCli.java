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

  public static final int EXIT_INTERNAL = 1;

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
          if (System.getenv("ZGED_DEBUG") != null) {
            throw ex;
          }
          // A defect of zged, not of the input: one line (no stack trace) that says how to get
          // the trace for a bug report, and exit 1 so scripts tell it apart from bad input (2).
          cmd.getErr()
              .println(
                  "error: internal error ("
                      + ex.getClass().getSimpleName()
                      + (ex.getMessage() == null ? "" : ": " + oneLine(ex.getMessage()))
                      + "); run again with ZGED_DEBUG=1 for the stack trace and report it");
          cmd.getErr().flush();
          return EXIT_INTERNAL;
        });
    return cl;
  }

  private static String oneLine(String message) {
    String line = message.strip().split("\\R", 2)[0];
    return line.length() > 300 ? line.substring(0, 300) + "..." : line;
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }
}
