package org.zged.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** One in-process run of the zged command line with captured stdout and stderr. */
record SimulateRun(int exitCode, String out, String err) {

  static SimulateRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    var cl = ZgedCli.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new SimulateRun(code, out.toString(), err.toString());
  }

  /** The repository's examples folder (tests run in the module folder). */
  static Path examples() {
    Path here = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    for (Path p = here; p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("examples")) && Files.exists(p.resolve("pom.xml"))) {
        return p.resolve("examples");
      }
    }
    throw new IllegalStateException("no examples folder above " + here);
  }
}
