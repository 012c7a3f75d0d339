package org.zged.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zged.model.ModelFile;

/**
 * Issue 14 point 5 end to end: a trained model carries its training config, dataset hash and
 * preset, seed and source commit through export into {@code zged model info}; {@code --resume} with
 * other data or another config is one error line, exit 2, and leaves the run untouched.
 */
class TrainProvenanceTest {
  @TempDir static Path dir;
  static Path config;
  static Path seedData;
  static Path otherData;
  static Path run;

  @BeforeAll
  static void trainOneEpoch() throws Exception {
    config = dir.resolve("one-epoch.yaml");
    Files.writeString(
        config,
        Files.readString(
                Path.of(System.getProperty("zged.root", "."), "configs").resolve("tiny.yaml"))
            .replace("epochs: 5", "epochs: 1"));
    seedData = dir.resolve("seed.jsonl");
    otherData = dir.resolve("other.jsonl");
    assertEquals(
        0, CliRun.zged("dataset", "--preset", "seed", "--out", seedData.toString()).code());
    CliRun other =
        CliRun.zged("dataset", "--preset", "seed", "--seed", "43", "--out", otherData.toString());
    assertEquals(0, other.code(), other.err());
    run = dir.resolve("run");
    CliRun r = train(config, seedData, run);
    assertEquals(0, r.code(), r.err());
  }

  /** {@code zged train} with the one-epoch config, DATA, OUT and any further flags. */
  private static CliRun train(Path configFile, Path data, Path out, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "train",
                "--config",
                configFile.toString(),
                "--data",
                data.toString(),
                "--out",
                out.toString()));
    args.addAll(List.of(more));
    return CliRun.zged(args.toArray(String[]::new));
  }

  private static String stdout(String... args) {
    PrintStream old = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
      CliRun r = CliRun.zged(args);
      assertEquals(0, r.code(), r.err());
    } finally {
      System.setOut(old);
    }
    return buf.toString(StandardCharsets.UTF_8);
  }

  @Test
  void theExportedModelCarriesItsProvenanceIntoModelInfo() throws Exception {
    Path model = dir.resolve("m.zged");
    stdout("model", "export", run.resolve("best.ckpt").toString(), model.toString());
    JsonNode info =
        new ObjectMapper().readTree(stdout("model", "info", "--json", model.toString()));
    JsonNode p = info.get("provenance");
    assertEquals(7, p.get("seed").asLong());
    assertEquals(seedData.toString(), p.get("dataset").get("source").asText());
    assertEquals("seed", p.get("dataset").get("preset").asText());
    assertTrue(p.get("dataset").get("sha256").asText().matches("[0-9a-f]{64}"), p.toString());
    assertEquals(
        120,
        p.get("dataset").get("train_circuits").asInt()
            + p.get("dataset").get("val_circuits").asInt()
            + testCircuits());
    assertFalse(p.get("commit").asText().isEmpty());
    // the full training config: the resolved config.yaml of the run, key for key
    JsonNode resolved =
        new ObjectMapper(new YAMLFactory()).readTree(run.resolve("config.yaml").toFile());
    assertEquals(resolved, p.get("config"));

    String text = stdout("model", "info", model.toString());
    assertTrue(text.contains("  seed       7\n"), text);
    assertTrue(text.contains("  sha256     " + p.get("dataset").get("sha256").asText()), text);
    assertTrue(text.contains("  commit     " + p.get("commit").asText()), text);
    assertTrue(text.contains("      learning_rate: 0.003"), text);
    assertTrue(text.contains("(preset seed, "), text);
  }

  private static int testCircuits() throws Exception {
    int n = 0;
    for (String line : Files.readAllLines(seedData)) {
      if (line.contains("\"split\":\"test\"")) {
        n++;
      }
    }
    return n;
  }

  @Test
  void resumeWithOtherDataIsRefusedAndTouchesNothing() throws Exception {
    byte[] before = Files.readAllBytes(run.resolve("last.ckpt"));
    CliRun r = train(config, otherData, run, "--resume");
    assertEquals(2, r.code(), r.err());
    String err = r.err().strip();
    assertEquals(1, err.lines().count(), err);
    assertTrue(
        err.startsWith("error: " + run.resolve("last.ckpt") + ": trained on another dataset"), err);
    assertArrayEquals(before, Files.readAllBytes(run.resolve("last.ckpt")));
    String sha =
        ModelFile.read(run.resolve("last.ckpt"))
            .header()
            .get("provenance")
            .get("dataset")
            .get("sha256")
            .asText();
    assertTrue(err.contains(sha.substring(0, 12)), err);
  }

  @Test
  void resumeWithTheSameDataIsAccepted() {
    CliRun r = train(config, seedData, run, "--resume");
    assertEquals(0, r.code(), r.err());
  }

  @Test
  void resumeWithAnotherConfigIsRefused() throws Exception {
    Path other = dir.resolve("other.yaml");
    Files.writeString(other, Files.readString(config).replace("kl: 0.01", "kl: 0.02"));
    CliRun r = train(other, seedData, run, "--resume");
    assertEquals(2, r.code(), r.err());
    assertEquals(
        "error: " + run.resolve("last.ckpt") + ": config differs from the checkpoint's at loss.kl",
        r.err().strip());
  }

  @Test
  void resumeIntoAMissingFolderCreatesNothing() {
    Path missing = dir.resolve("missing");
    CliRun r = train(config, seedData, missing, "--resume");
    assertEquals(2, r.code(), r.err());
    assertEquals(
        "error: " + missing.resolve("last.ckpt") + ": no checkpoint to resume from",
        r.err().strip());
    assertFalse(Files.exists(missing));
  }

  @Test
  void datasetsWithOtherContentHashApart() throws Exception {
    Path otherRun = dir.resolve("other-run");
    CliRun r = train(config, otherData, otherRun);
    assertEquals(0, r.code(), r.err());
    assertNotEquals(sha(run), sha(otherRun));
  }

  private static String sha(Path runDir) {
    return ModelFile.read(runDir.resolve("best.ckpt"))
        .header()
        .get("provenance")
        .get("dataset")
        .get("sha256")
        .asText();
  }
}
