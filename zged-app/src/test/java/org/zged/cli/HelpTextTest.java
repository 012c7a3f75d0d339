package org.zged.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command's help renders without "[picocli WARN] Could not format" (a bare '%' in a
 * description made {@code generate --help} print six of them). picocli's warnings go to the
 * System.err of the JVM that loaded it, so the help texts are rendered in a fresh JVM.
 */
class HelpTextTest {
  @Test
  void noHelpTextMakesPicocliWarn() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p =
        new ProcessBuilder(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                HelpTextTest.class.getName())
            .start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), err);
    assertFalse(err.contains("WARN"), err);
    assertTrue(Integer.parseInt(out.strip()) > 15, out);
  }

  /** Renders every command's usage; prints how many. */
  public static void main(String[] args) {
    Deque<CommandLine> todo = new ArrayDeque<>();
    todo.add(ZgedCli.commandLine());
    int commands = 0;
    while (!todo.isEmpty()) {
      CommandLine c = todo.pop();
      c.usage(new PrintWriter(new StringWriter()));
      commands++;
      todo.addAll(c.getSubcommands().values());
    }
    System.out.println(commands);
  }
}
