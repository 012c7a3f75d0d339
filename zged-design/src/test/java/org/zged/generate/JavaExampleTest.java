package org.zged.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * examples/java/DesignFilter.java compiles and runs against the library alone (this module's test
 * class path: core, model, design — no CLI, no web server) and its own independent re-analysis of
 * the returned netlist agrees with the target.
 */
class JavaExampleTest {
  @Test
  void theExampleProgramDesignsAndVerifiesAFilter() throws Exception {
    Path source = Path.of("..", "examples", "java", "DesignFilter.java").toAbsolutePath();
    assertTrue(Files.isRegularFile(source), source.toString());
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb =
        new ProcessBuilder(
                List.of(
                    java,
                    "-Dai.djl.offline=true",
                    "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                    "-cp",
                    System.getProperty("java.class.path"),
                    source.toString()))
            .redirectErrorStream(true);
    pb.environment().put("DJL_OFFLINE", "true");
    File log = File.createTempFile("zged-example", ".log");
    log.deleteOnExit();
    pb.redirectOutput(log);
    Process p = pb.start();
    assertTrue(p.waitFor(300, TimeUnit.SECONDS), "the example did not finish");
    String out = Files.readString(log.toPath(), StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), out);
    assertTrue(out.contains("verified"), out);
    assertTrue(out.contains("re-analysed: HIGHPASS") || out.contains("re-analysed: highpass"), out);
    assertTrue(out.contains(".end"), "the netlist is printed: " + out);
  }
}
