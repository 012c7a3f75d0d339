package org.zged.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code zged serve} refuses what it cannot do with a one-line error and exit code 2. */
class ServeCommandTest {
  private record Run(int exitCode, String err) {}

  private static Run serve(String... args) {
    CommandLine cl = ZgedCli.commandLine();
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err));
    String[] all = new String[args.length + 1];
    all[0] = "serve";
    System.arraycopy(args, 0, all, 1, args.length);
    return new Run(cl.execute(all), err.toString());
  }

  @Test
  void refusesAPortOutOfRange() {
    Run r = serve("--port", "70000");
    assertEquals(ZgedCli.EXIT_BAD_INPUT, r.exitCode());
    assertEquals("error: --port: must be between 0 and 65535, got 70000", r.err().strip());
  }

  @Test
  void refusesAMissingModelFile() {
    Run r = serve("--port", "0", "--model", "/nonexistent/model.zged");
    assertEquals(ZgedCli.EXIT_BAD_INPUT, r.exitCode());
    assertTrue(r.err().startsWith("error: --model: no such file"), r.err());
  }

  @Test
  void refusesAPortInUse() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Run r = serve("--port", Integer.toString(taken.getLocalPort()), "--host", "127.0.0.1");
      assertEquals(ZgedCli.EXIT_BAD_INPUT, r.exitCode(), r.err());
      assertTrue(r.err().startsWith("error: --port: cannot listen on 127.0.0.1:"), r.err());
      assertEquals(1, r.err().strip().lines().count(), r.err());
    }
  }
}
