package org.zged.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** A defect inside a command reaches the user as one line and exit 1, never as a stack trace. */
class InternalErrorTest {
  @CommandLine.Command(name = "boom")
  static class Boom implements Runnable {
    @Override
    public void run() {
      throw new IllegalStateException("first line\nsecond line");
    }
  }

  @Test
  void unexpectedExceptionIsOneLineAndExitOne() {
    CommandLine cl = ZgedCli.commandLine();
    cl.addSubcommand("boom", new Boom());
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err));
    int code = cl.execute("boom");
    String text = err.toString();
    assertEquals(ZgedCli.EXIT_INTERNAL, code);
    assertEquals(1, text.strip().lines().count(), text);
    assertTrue(text.startsWith("error: internal error (IllegalStateException: first line)"), text);
    assertFalse(text.contains("\tat "), text);
  }
}
