package org.zged.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.zged.model.ModelConfig;
import org.zged.model.ZgedModel;

/**
 * The page in a real headless Chromium (Debian's /usr/bin/chromium) driven by playwright-core: the
 * Node script src/test/e2e/page.e2e.mjs submits a 10 kHz / Q 0.707 lowpass, checks the schematic,
 * Bode plot and achieved fc, enters a low-pass mask in the band editor (its candidate, margins and
 * the mask on the Bode plot; an overlapping band's error), designs an order-5 Chebyshev, uses the
 * latent explorer, and saves screenshots to BUILD_FOLDER/e2e/. Chromium, Node.js and the npm
 * packages are installed when missing (apt-get; npm ci from the committed lock file, into the build
 * folder); ZGED_SKIP_BROWSER=1 skips the test.
 */
class WebPageBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  @Test
  void designAndLatentExplorerWorkInARealBrowser() throws Exception {
    assumeFalse("1".equals(System.getenv("ZGED_SKIP_BROWSER")), "ZGED_SKIP_BROWSER=1");
    ensureChromiumAndNode();
    Path work = buildFolder().resolve("e2e");
    prepareHarness(work);
    // Loaded on this thread, not the API's loader thread: see WebApiTest#start.
    ZgedModel model = shippedOrFreshModel();
    try (model;
        WebServer server =
            ZgedApi.builder()
                .optModel(() -> model)
                .build()
                .install(WebServer.builder().optHost("127.0.0.1"))
                .build()) {
      server.start(0);
      List<String> cmd =
          List.of(
              "node",
              work.resolve("page.e2e.mjs").toString(),
              "--url",
              server.url(),
              "--out",
              work.toString(),
              "--chromium",
              CHROMIUM.toString());
      Result r = run(cmd, work, 300);
      System.out.println(r.output());
      assertEquals(0, r.exitCode(), "browser checks failed:\n" + r.output());
      assertTrue(r.output().contains("achieved fc within 1% of 10 kHz"), r.output());
      assertTrue(r.output().contains("check: ok   mask drawn on the Bode plot"), r.output());
      assertTrue(Files.size(work.resolve("web-screenshot.png")) > 10_000, "screenshot written");
    }
  }

  /**
   * The shipped model when the build bundles one; otherwise a freshly initialised model, with which
   * the page still works end to end (the generator refines and verifies every candidate).
   */
  private static ZgedModel shippedOrFreshModel() {
    if (ZgedModel.class.getResource(ZgedModel.DEFAULT_RESOURCE) != null) {
      return ZgedModel.loadDefault();
    }
    System.out.println("no shipped model on the classpath; using a freshly initialised one");
    return ZgedModel.create(ModelConfig.standard(), 1);
  }

  /** Copies the harness into the build folder and installs playwright-core there when missing. */
  private static void prepareHarness(Path work) throws Exception {
    Path source = harnessSource();
    Files.createDirectories(work);
    for (String f : List.of("package.json", "package-lock.json", "page.e2e.mjs")) {
      Files.copy(source.resolve(f), work.resolve(f), StandardCopyOption.REPLACE_EXISTING);
    }
    if (!Files.isDirectory(work.resolve("node_modules/playwright-core"))) {
      Result r = run(List.of("npm", "ci", "--no-audit", "--no-fund"), work, 300);
      assertEquals(0, r.exitCode(), "npm ci failed:\n" + r.output());
    }
  }

  /** Debian's chromium and Node.js (with npm) when missing, as the ngspice tests get ngspice. */
  private static void ensureChromiumAndNode() throws Exception {
    List<String> missing = new ArrayList<>();
    if (!Files.isExecutable(CHROMIUM)) {
      missing.addAll(List.of("chromium", "chromium-driver"));
    }
    if (!commandWorks("node", "--version") || !commandWorks("npm", "--version")) {
      missing.addAll(List.of("nodejs", "npm"));
    }
    if (missing.isEmpty()) {
      return;
    }
    Result update = run(List.of("apt-get", "update", "-qq"), Path.of("."), 600);
    assertEquals(0, update.exitCode(), "apt-get update failed:\n" + update.output());
    List<String> cmd = new ArrayList<>(List.of("apt-get", "install", "-y", "-qq"));
    cmd.addAll(missing);
    Result install = run(cmd, Path.of("."), 900);
    assertEquals(0, install.exitCode(), "installing " + missing + " failed:\n" + install.output());
  }

  private static boolean commandWorks(String... cmd) {
    try {
      return run(List.of(cmd), Path.of("."), 60).exitCode() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static Path harnessSource() {
    String root = System.getProperty("zged.root");
    Path fromRoot = root == null ? null : Path.of(root, "zged-app", "src", "test", "e2e");
    return fromRoot != null && Files.isDirectory(fromRoot) ? fromRoot : Path.of("src/test/e2e");
  }

  /** BUILD_FOLDER is the parent of test-classes (target-*, or target). */
  private static Path buildFolder() throws URISyntaxException {
    Path classes =
        Path.of(
            WebPageBrowserTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    return classes.getParent();
  }

  private record Result(int exitCode, String output) {}

  private static Result run(List<String> cmd, Path dir, long timeoutSeconds)
      throws IOException, InterruptedException {
    Path log = Files.createTempFile("zged-e2e", ".log");
    try {
      Process p =
          new ProcessBuilder(cmd)
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .start();
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return new Result(-1, "timed out after " + timeoutSeconds + " s: " + cmd);
      }
      return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(log);
    }
  }
}
