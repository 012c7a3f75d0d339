package org.zged.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zged.model.ModelFile;

/**
 * kill -9 at every write point of a run, then {@code zged train --resume}: the run folder must end
 * up with the files of the uninterrupted run, bit for bit (the wall-clock {@code seconds} of each
 * epoch excepted). Each crash is a real child JVM halted by {@code
 * -Dzged.test.fault=halt-at-write:K} (Runtime.halt: no shutdown hook or finally block runs, as with
 * kill -9), at K = 1, 2, … until a child no longer reaches its K-th point. Points sit inside each
 * file's write (half the bytes on disk in the temporary) and right after it.
 */
class TrainCrashResumeTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] FILES = {
    "best.ckpt", "config.yaml", "history.csv", "history.json", "last.ckpt"
  };

  @TempDir Path dir;

  @Test
  void everyCrashPointResumesToTheUninterruptedRun() throws Exception {
    Path cfg = dir.resolve("two-epochs.yaml");
    Files.writeString(
        cfg,
        Files.readString(
                Path.of(System.getProperty("zged.root", "."), "configs").resolve("tiny.yaml"))
            .replace("epochs: 5", "epochs: 2"));
    Path reference = dir.resolve("reference");
    CliRun ref = CliRun.zged("train", "--config", cfg.toString(), "--out", reference.toString());
    assertEquals(0, ref.code(), ref.err());

    int identical = 0;
    int leftTemporaries = 0;
    List<String> points = new ArrayList<>();
    int k = 1;
    for (; k < 100; k++) {
      Path run = dir.resolve("crash-" + k);
      Child child = trainInChild(cfg, run, k);
      if (child.code() == 0) {
        break; // the run has fewer than k write points
      }
      assertEquals(137, child.code(), "point " + k + ": " + child.err());
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("halting at write point (\\d+ [a-z .]+)")
              .matcher(child.err());
      assertTrue(m.find(), child.err());
      points.add(m.group(1).strip());
      if (temporaries(run) > 0) {
        leftTemporaries++;
      }
      CliRun resumed =
          CliRun.zged("train", "--config", cfg.toString(), "--out", run.toString(), "--resume");
      assertEquals(0, resumed.code(), "point " + k + ": " + resumed.err());
      assertSameRun(reference, run, "after a crash at " + points.get(points.size() - 1));
      identical++;
    }
    System.out.println("crash points: " + points);
    System.out.printf(
        "resumed runs bit-identical to the uninterrupted run: %d of %d (%d crashes left a"
            + " temporary behind, all deleted)%n",
        identical, k - 1, leftTemporaries);
    // 2 for config.yaml, per epoch 2 each for last.ckpt, history.json, history.csv (+2 for
    // best.ckpt when the epoch improved): at least 14 points in two epochs
    assertTrue(k - 1 >= 14, "only " + (k - 1) + " write points");
    assertTrue(leftTemporaries > 0, "no crash happened inside a write");
  }

  private record Child(int code, String err) {}

  /** {@code zged train} in a fresh JVM that halts at its {@code k}-th write point. */
  private static Child trainInChild(Path cfg, Path out, int k) throws Exception {
    String cp =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> cmd =
        List.of(
            java.toString(),
            "-Xmx1g",
            "-XX:TieredStopAtLevel=1",
            "-Dai.djl.offline=true",
            "-Dai.djl.pytorch.num_threads=1",
            "-Dai.djl.pytorch.num_interop_threads=1",
            "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
            "-Dzged.root=" + System.getProperty("zged.root", "."),
            "-Dzged.test.fault=halt-at-write:" + k,
            "-cp",
            cp,
            "org.zged.cli.ZgedCli",
            "train",
            "--config",
            cfg.toString(),
            "--out",
            out.toString());
    Path err = out.resolveSibling(out.getFileName() + ".err");
    Process p =
        new ProcessBuilder(cmd)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(err.toFile())
            .start();
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("child training did not finish");
    }
    return new Child(p.exitValue(), Files.readString(err));
  }

  private static long temporaries(Path run) throws Exception {
    if (!Files.isDirectory(run)) {
      return 0;
    }
    try (var s = Files.list(run)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".tmp")).count();
    }
  }

  private static void assertSameRun(Path a, Path b, String when) throws Exception {
    TreeSet<String> namesA = names(a);
    assertEquals(namesA, names(b), when + ": files"); // no temporary left behind either
    assertEquals(new TreeSet<>(List.of(FILES)), namesA);
    assertEquals(
        Files.readString(a.resolve("config.yaml")),
        Files.readString(b.resolve("config.yaml")),
        when);
    assertEquals(
        withoutSeconds(JSON.readTree(a.resolve("history.json").toFile())),
        withoutSeconds(JSON.readTree(b.resolve("history.json").toFile())),
        when + ": history.json");
    assertEquals(csvWithoutSeconds(a), csvWithoutSeconds(b), when + ": history.csv");
    for (String ckpt : new String[] {"last.ckpt", "best.ckpt"}) {
      ModelFile x = ModelFile.read(a.resolve(ckpt));
      ModelFile y = ModelFile.read(b.resolve(ckpt));
      assertEquals(withoutSeconds(x.header()), withoutSeconds(y.header()), when + ": " + ckpt);
      for (String section : new String[] {"parameters", "optimizer", "best_parameters"}) {
        assertSameTensors(
            x.section(section), y.section(section), when + ": " + ckpt + " " + section);
      }
    }
  }

  private static void assertSameTensors(
      Map<String, ModelFile.Tensor> x, Map<String, ModelFile.Tensor> y, String what) {
    assertEquals(x.keySet(), y.keySet(), what);
    for (String name : x.keySet()) {
      assertArrayEquals(x.get(name).shape(), y.get(name).shape(), what + " " + name);
      float[] u = x.get(name).values();
      float[] v = y.get(name).values();
      for (int i = 0; i < u.length; i++) {
        if (Float.floatToRawIntBits(u[i]) != Float.floatToRawIntBits(v[i])) {
          throw new AssertionError(what + " " + name + "[" + i + "]: " + u[i] + " vs " + v[i]);
        }
      }
    }
  }

  private static TreeSet<String> names(Path run) throws Exception {
    try (var s = Files.list(run)) {
      return new TreeSet<>(s.map(p -> p.getFileName().toString()).toList());
    }
  }

  /** A copy of a JSON tree without the "seconds" fields (wall-clock time per epoch). */
  private static JsonNode withoutSeconds(JsonNode node) {
    JsonNode copy = node.deepCopy();
    strip(copy);
    return copy;
  }

  private static void strip(JsonNode n) {
    if (n instanceof ObjectNode o) {
      o.remove("seconds");
    }
    n.forEach(TrainCrashResumeTest::strip);
  }

  private static List<String> csvWithoutSeconds(Path run) throws Exception {
    List<String> out = new ArrayList<>();
    for (String line : Files.readAllLines(run.resolve("history.csv"))) {
      String[] cells = line.split(",", -1);
      cells[3] = ""; // epoch,temperature,kl_factor,seconds,...
      out.add(String.join(",", cells));
    }
    return out;
  }
}
