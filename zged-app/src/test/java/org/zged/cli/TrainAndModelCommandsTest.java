package org.zged.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code zged train}, {@code zged model info} and {@code zged model export} end to end. */
class TrainAndModelCommandsTest {
  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    PrintStream oldOut = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringWriter err = new StringWriter();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      var cl = ZgedCli.commandLine();
      cl.setErr(new PrintWriter(err, true));
      int code = cl.execute(args);
      return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString());
    } finally {
      System.setOut(oldOut);
    }
  }

  private static Path configs() {
    return Path.of(System.getProperty("zged.root", "."), "configs");
  }

  @Test
  void modelInfoJsonOfTheShippedModel() throws Exception {
    Run r = run("model", "info", "--json");
    assertEquals(0, r.code(), r.err());
    JsonNode json = new ObjectMapper().readTree(r.out());
    long total = json.get("parameters").get("total").asLong();
    // the shipped model's size budget (under 5 MB for an open-space model) is ShippedModelTest's
    assertTrue(total > 0, "total " + total);
    assertEquals(
        total,
        json.get("parameters").get("encoder").asLong()
            + json.get("parameters").get("decoder").asLong()
            + json.get("parameters").get("tf_head").asLong());
    org.zged.model.ModelConfig cfg;
    try (org.zged.model.ZgedModel m = org.zged.model.ZgedModel.loadDefault()) {
      cfg = m.config();
    }
    assertEquals(
        cfg.topologyDims() + cfg.valueDims() + cfg.tfDims(), json.get("latent_dims").asInt());
  }

  @Test
  void trainWritesTheRunFolderThenExportAndInfoReadIt() throws Exception {
    Path out = dir.resolve("run");
    Run r =
        run(
            "train",
            "--config",
            configs().resolve("exp001-baseline.yaml").toString(),
            "--out",
            out.toString(),
            "--seed",
            "3");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("epoch   2"), r.out());
    for (String f :
        new String[] {"history.csv", "history.json", "config.yaml", "best.ckpt", "last.ckpt"}) {
      assertTrue(Files.isRegularFile(out.resolve(f)), f);
    }
    assertTrue(Files.readString(out.resolve("config.yaml")).contains("seed: 3"));

    Path model = dir.resolve("m.zged");
    Run e = run("model", "export", out.resolve("best.ckpt").toString(), model.toString());
    assertEquals(0, e.code(), e.err());
    Run i = run("model", "info", model.toString());
    assertEquals(0, i.code(), i.err());
    assertTrue(i.out().contains("total"), i.out());
  }

  @Test
  void badConfigIsOneErrorLineAndExitCode2() throws Exception {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(
        bad,
        Files.readString(configs().resolve("tiny.yaml"))
            .replace("  hidden: 64\n", "  hiden: 64\n"));
    Run r = run("train", "--config", bad.toString(), "--out", dir.resolve("x").toString());
    assertEquals(2, r.code());
    assertEquals("error: " + bad + ": model.hidden: missing key", r.err().strip());
    assertTrue(Files.notExists(dir.resolve("x").resolve("last.ckpt")));

    Run missing = run("model", "info", dir.resolve("none.zged").toString());
    assertEquals(2, missing.code());
    assertTrue(missing.err().startsWith("error: "), missing.err());
  }
}
