package org.zged.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
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

  /** Sections with an odd name (not ASCII), a scalar, an empty tensor and signed zeros. */
  private static ModelFile oddFile() {
    Map<String, ModelFile.Tensor> a = new LinkedHashMap<>();
    a.put(
        "enc/w",
        new ModelFile.Tensor(new long[] {2, 3}, new float[] {1, -2, 3.5f, 0, -0f, 7e-38f}));
    a.put("größe/µ", new ModelFile.Tensor(new long[] {}, new float[] {Float.MIN_VALUE}));
    a.put("empty", new ModelFile.Tensor(new long[] {0, 4}, new float[0]));
    Map<String, ModelFile.Tensor> b = new LinkedHashMap<>();
    float[] big = new float[70_000]; // larger than any stream buffer on the way
    for (int i = 0; i < big.length; i++) {
      big[i] = (float) Math.sin(i) * 1e3f;
    }
    b.put("m/x", new ModelFile.Tensor(new long[] {big.length}, big));
    Map<String, Map<String, ModelFile.Tensor>> sections = new LinkedHashMap<>();
    sections.put("parameters", a);
    sections.put("optimizer", b);
    return new ModelFile(ModelFile.newHeader(TestModels.small()), sections);
  }

  private static byte[] bytes(ModelFile f, boolean compress) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    f.writeTo(out, compress);
    return out.toByteArray();
  }

  /**
   * A section's bytes are DataOutputStream's: count, then per tensor writeUTF name, rank, dims,
   * value count and writeFloat values (the format older files were written in, element by element).
   */
  @Test
  void sectionBytesAreTheDataOutputStreamFormat() throws Exception {
    for (String section : new String[] {"parameters", "optimizer"}) {
      Map<String, ModelFile.Tensor> tensors = oddFile().section(section);
      ByteArrayOutputStream want = new ByteArrayOutputStream();
      DataOutputStream d = new DataOutputStream(want);
      d.writeInt(tensors.size());
      for (var t : tensors.entrySet()) {
        d.writeUTF(t.getKey());
        d.writeInt(t.getValue().shape().length);
        for (long x : t.getValue().shape()) {
          d.writeLong(x);
        }
        d.writeInt(t.getValue().values().length);
        for (float x : t.getValue().values()) {
          d.writeFloat(x);
        }
      }
      d.flush();
      assertArrayEquals(want.toByteArray(), ModelFile.tensorBytes(tensors), section);
    }
  }

  /**
   * Uncompressed files (training checkpoints) store their entries (method STORED, not DEFLATED at
   * level 0) and read back to the same header and the same bits as compressed ones.
   */
  @Test
  void storedEntriesReadBackLikeCompressedOnes() throws Exception {
    byte[] stored = bytes(oddFile(), false);
    byte[] deflated = bytes(oddFile(), true);
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(stored))) {
      int n = 0;
      for (ZipEntry e; (e = zip.getNextEntry()) != null; n++) {
        assertEquals(ZipEntry.STORED, e.getMethod(), e.getName());
      }
      assertEquals(3, n);
    }
    ModelFile a = ModelFile.read(new ByteArrayInputStream(stored), "stored");
    ModelFile b = ModelFile.read(new ByteArrayInputStream(deflated), "deflated");
    assertEquals(b.header(), a.header());
    for (String section : new String[] {"parameters", "optimizer"}) {
      Map<String, ModelFile.Tensor> want = oddFile().section(section);
      for (ModelFile f : new ModelFile[] {a, b}) {
        Map<String, ModelFile.Tensor> got = f.section(section);
        assertEquals(want.keySet(), got.keySet());
        for (String k : want.keySet()) {
          assertArrayEquals(want.get(k).shape(), got.get(k).shape(), k);
          float[] w = want.get(k).values();
          float[] g = got.get(k).values();
          assertEquals(w.length, g.length, k);
          for (int i = 0; i < w.length; i++) {
            assertEquals(Float.floatToRawIntBits(w[i]), Float.floatToRawIntBits(g[i]), k + i);
          }
        }
      }
    }
    // a stored file cut anywhere is refused as well
    int step = Math.max(1, stored.length / 200);
    for (int len = 0; len < stored.length; len += step) {
      byte[] cut = Arrays.copyOf(stored, len);
      assertThrows(
          InputException.class,
          () -> ModelFile.read(new ByteArrayInputStream(cut), "cut"),
          "cut at " + len);
    }
  }
}
