package org.zged.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One in-process run of the {@code zged} command line: exit code and what it printed. */
record CliRun(int code, String out, String err) {

  static CliRun zged(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    var cl = ZgedCli.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new CliRun(code, out.toString(), err.toString());
  }
}
