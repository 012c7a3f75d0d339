package org.zged.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zged.model.ModelFile;
import org.zged.model.ZgedModel;

/** The damaged model files of issue 11, each given to {@code zged model info}: one line, exit 2. */
class ModelFileErrorsTest {
  @TempDir static Path dir;
  static Path shipped;

  @BeforeAll
  static void exportShipped() throws Exception {
    shipped = dir.resolve("shipped.zged");
    try (ZgedModel m = ZgedModel.loadDefault()) {
      m.save(shipped);
    }
  }

  private static void assertOneLineError(Path file, String reason) {
    CliRun r = CliRun.zged("model", "info", file.toString());
    assertEquals(2, r.code(), r.err());
    String err = r.err().strip();
    assertEquals(1, err.lines().count(), err);
    assertTrue(err.startsWith("error: " + file), err);
    assertTrue(err.contains(reason), err);
  }

  @Test
  void aZipBombIsRefused() throws Exception {
    // a file of a few hundred kB whose tensor entry inflates beyond the per-entry limit
    Path bomb = dir.resolve("bomb.zged");
    try (OutputStream out = Files.newOutputStream(bomb);
        ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("parameters.bin"));
      byte[] zeros = new byte[1 << 20];
      for (long done = 0; done <= ModelFile.MAX_ENTRY_BYTES; done += zeros.length) {
        zip.write(zeros);
      }
      zip.closeEntry();
    }
    assertTrue(Files.size(bomb) < 5 << 20, "bomb size " + Files.size(bomb));
    assertOneLineError(bomb, "entry larger than the limit of " + ModelFile.MAX_ENTRY_BYTES);
  }

  @Test
  void aHeaderAskingForAHugeNetworkIsRefused() throws Exception {
    ModelFile f = ModelFile.read(shipped);
    ObjectNode header = f.header().deepCopy();
    ((ObjectNode) header.get("config")).put("hidden", 2_000_000_000);
    Path bad = dir.resolve("huge-header.zged");
    new ModelFile(header, java.util.Map.of("parameters", f.section("parameters"))).write(bad);
    assertOneLineError(
        bad, "bad model config: model.hidden: must be an integer in [1, 256], got 2000000000");
  }

  @Test
  void nonFiniteWeightsAreRefused() throws Exception {
    ModelFile f = ModelFile.read(shipped);
    var nan = new java.util.LinkedHashMap<String, ModelFile.Tensor>();
    f.section("parameters")
        .forEach(
            (k, t) -> {
              float[] v = new float[t.values().length];
              Arrays.fill(v, Float.NaN);
              nan.put(k, new ModelFile.Tensor(t.shape(), v));
            });
    Path bad = dir.resolve("nan.zged");
    new ModelFile(f.header(), java.util.Map.of("parameters", nan)).write(bad);
    assertOneLineError(bad, "has a non-finite value (NaN) at index 0");
  }

  @Test
  void aFileWithoutItsCentralDirectoryIsRefused() throws Exception {
    byte[] whole = Files.readAllBytes(shipped);
    Path cut = dir.resolve("cut.zged");
    // the central directory is the file's tail; cut right after the last entry's data
    int dirStart = centralDirectoryOffset(whole);
    Files.write(cut, Arrays.copyOf(whole, dirStart));
    assertOneLineError(cut, "damaged zip: no central directory");
  }

  @Test
  void aHeaderThatIsNotJsonIsRefused() throws Exception {
    Path bad = dir.resolve("text.zged");
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(buf)) {
      zip.putNextEntry(new ZipEntry("header.json"));
      zip.write("{\"format\": ".getBytes());
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("parameters.bin"));
      new DataOutputStream(zip).writeInt(0);
      zip.closeEntry();
    }
    Files.write(bad, buf.toByteArray());
    assertOneLineError(bad, "not a zged model file");
  }

  private static int centralDirectoryOffset(byte[] zip) {
    int eocd = zip.length - 22; // written by ZipOutputStream without a comment
    return (zip[eocd + 16] & 0xFF)
        | (zip[eocd + 17] & 0xFF) << 8
        | (zip[eocd + 18] & 0xFF) << 16
        | (zip[eocd + 19] & 0xFF) << 24;
  }
}
