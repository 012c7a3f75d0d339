package org.zged.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zged.InputException;

/** Model files are read within stated bounds, and every damaged file is one input error. */
class ModelFileTest {
  @TempDir Path dir;

  private Path smallModel() throws Exception {
    Path p = dir.resolve("small.zged");
    try (ZgedModel m = ZgedModel.create(TestModels.small(), 3)) {
      m.save(p);
    }
    return p;
  }

  /** A file cut at any byte is refused with an input error, never read in part or thrown raw. */
  @Test
  void everyTruncationIsAnInputError() throws Exception {
    byte[] whole = Files.readAllBytes(smallModel());
    ModelFile.read(new ByteArrayInputStream(whole), "whole"); // the uncut file reads
    int step = Math.max(1, whole.length / 300);
    int tried = 0;
    for (int len = 0; len < whole.length; len += step) {
      byte[] cut = Arrays.copyOf(whole, len);
      InputException e =
          assertThrows(
              InputException.class,
              () -> ModelFile.read(new ByteArrayInputStream(cut), "cut"),
              "cut at " + len);
      assertTrue(e.getMessage().startsWith("cut: "), e.getMessage());
      assertEquals(1, e.getMessage().lines().count(), e.getMessage());
      tried++;
    }
    // the case the issue found: everything but the central directory is there
    byte[] noDirectory = Arrays.copyOf(whole, whole.length - 22);
    InputException e =
        assertThrows(
            InputException.class, () -> ModelFile.read(new ByteArrayInputStream(noDirectory), "x"));
    assertEquals("x: damaged zip: no central directory (the file is cut off)", e.getMessage());
    assertTrue(tried >= 100, "tried " + tried);
  }

  /**
   * The largest network the config limits allow must fit the model-file limits, or a config that
   * passes validation would train into checkpoints no reader accepts.
   */
  @Test
  void theLargestAllowedModelFitsTheFileLimits() {
    var max = ModelConfig.MAX;
    ModelConfig big =
        new ModelConfig(
            max.get("max_nodes"),
            max.get("hidden"),
            max.get("message_layers"),
            max.get("topology_dims"),
            max.get("value_dims"),
            max.get("tf_dims"),
            max.get("tokens_per_part"),
            max.get("token_dim"),
            max.get("decoder_hidden"),
            max.get("max_poles"),
            max.get("max_zeros"),
            ModelConfig.SEPARATE);
    try (ZgedModel m = ZgedModel.create(big, 1)) {
      long params = m.parameterCounts().get("total");
      System.out.println("largest allowed model: " + params + " parameters");
      // a checkpoint's largest entry holds both Adam moments; allow four copies in all (weights,
      // two moments, and a spare one for best weights), plus names and shapes
      assertTrue(2 * 4 * params + (1 << 20) <= ModelFile.MAX_ENTRY_BYTES, params + " parameters");
      assertTrue(4 * 4 * params + (4 << 20) <= ModelFile.MAX_INFLATED_BYTES, params + "");
    }
  }

  @Test
  void anEntryInflatingBeyondTheLimitIsRefusedWithoutReadingIt() throws Exception {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(buf)) {
      zip.putNextEntry(new ZipEntry("header.json"));
      zip.write(new byte[(int) ModelFile.MAX_HEADER_BYTES + 1]);
      zip.closeEntry();
    }
    InputException e =
        assertThrows(
            InputException.class,
            () -> ModelFile.read(new ByteArrayInputStream(buf.toByteArray()), "bomb"));
    assertEquals(
        "bomb:header.json: entry larger than the limit of " + ModelFile.MAX_HEADER_BYTES + " bytes",
        e.getMessage());
  }
}
