package org.zged.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.zged.InputException;
import org.zged.io.AtomicFile;

/**
 * The on-disk form of models and checkpoints: a zip holding {@code header.json} (format, version,
 * model config, and for checkpoints the training state) and named float tensors ({@code
 * parameters.bin}, and {@code optimizer.bin} for checkpoints). Tensors are stored as name, shape
 * and big-endian floats, so files are independent of DJL's own serialisation. Writes go to a
 * temporary file that is moved into place, so a crash never leaves half a file.
 */
public final class ModelFile {
  public static final String FORMAT = "zged-model";
  public static final int VERSION = 1;
  static final ObjectMapper JSON = new ObjectMapper();

  /** Limits of what a model file may ask a reader to hold (docs/limits.md). */
  public static final long MAX_FILE_BYTES = 64L << 20;

  public static final long MAX_ENTRY_BYTES = 64L << 20;
  public static final long MAX_INFLATED_BYTES = 128L << 20;
  public static final long MAX_HEADER_BYTES = 1L << 20;
  public static final int MAX_ENTRIES = 16;

  /** A named tensor: shape and values in row-major order. */
  public record Tensor(long[] shape, float[] values) {}

  private final ObjectNode header;
  private final Map<String, Map<String, Tensor>> sections;

  public ModelFile(ObjectNode header, Map<String, Map<String, Tensor>> sections) {
    this.header = header;
    this.sections = sections;
  }

  public ObjectNode header() {
    return header;
  }

  public Map<String, Tensor> section(String name) {
    return sections.getOrDefault(name, Map.of());
  }

  public static ObjectNode newHeader(ModelConfig cfg) {
    return newHeader(cfg, null);
  }

  /**
   * A header with the model config and, when known, the provenance of the weights: the full
   * training config, the dataset's hash and preset, the seed and the source commit.
   */
  public static ObjectNode newHeader(ModelConfig cfg, JsonNode provenance) {
    ObjectNode h = JSON.createObjectNode();
    h.put("format", FORMAT);
    h.put("version", VERSION);
    h.set("config", JSON.valueToTree(cfg));
    if (provenance != null && !provenance.isNull()) {
      h.set("provenance", provenance);
    }
    return h;
  }

  public ModelConfig config(String where) {
    JsonNode c = header.get("config");
    if (c == null || !c.isObject()) {
      throw new InputException(where, "header.json has no model config");
    }
    try {
      return JSON.treeToValue(c, ModelConfig.class);
    } catch (IOException | IllegalArgumentException e) {
      Throwable cause = e;
      while (cause.getCause() != null && !(cause instanceof InputException)) {
        cause = cause.getCause();
      }
      String why = cause instanceof InputException ? cause.getMessage() : firstLine(e);
      throw new InputException(where, "bad model config: " + why);
    }
  }

  public void write(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    AtomicFile.write(file, this::writeTo);
  }

  /** The zip bytes of this file; {@code out} is left open (finished, not closed). */
  public void writeTo(OutputStream out) throws IOException {
    writeTo(out, true);
  }

  /**
   * As {@link #writeTo(OutputStream)}; {@code compress = false} stores the entries without
   * compression (same format, read the same way). Training checkpoints are written so after every
   * epoch: deflating their float tensors cost more CPU than the epoch's training steps and saved
   * about 8 % of the size.
   */
  public void writeTo(OutputStream out, boolean compress) throws IOException {
    ZipOutputStream zip = new ZipOutputStream(out);
    entry(
        zip,
        "header.json",
        JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(header),
        compress);
    for (var s : sections.entrySet()) {
      entry(zip, s.getKey() + ".bin", tensorBytes(s.getValue()), compress);
    }
    zip.finish();
  }

  /**
   * One zip entry. Uncompressed entries are STORED (size and CRC-32 in the local header, the bytes
   * written straight through): a DEFLATED entry at level 0 would still pass every byte through the
   * deflater in ZipOutputStream's 512-byte chunks, about 16,000 native calls for a training
   * checkpoint's 8 MB.
   */
  private static void entry(ZipOutputStream zip, String name, byte[] bytes, boolean compress)
      throws IOException {
    ZipEntry e = new ZipEntry(name);
    if (!compress) {
      java.util.zip.CRC32 crc = new java.util.zip.CRC32();
      crc.update(bytes);
      e.setMethod(ZipEntry.STORED);
      e.setSize(bytes.length);
      e.setCompressedSize(bytes.length);
      e.setCrc(crc.getValue());
    }
    zip.putNextEntry(e);
    zip.write(bytes);
    zip.closeEntry();
  }

  public static ModelFile read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new InputException(file.toString(), "no such file");
    }
    try {
      long size = Files.size(file);
      if (size > MAX_FILE_BYTES) {
        throw new InputException(
            file.toString(), "model file of " + size + " bytes, the limit is " + MAX_FILE_BYTES);
      }
    } catch (IOException e) {
      throw new InputException(file.toString(), "cannot read: " + e.getMessage());
    }
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString());
    } catch (IOException e) {
      throw new InputException(file.toString(), "cannot read: " + e.getMessage());
    }
  }

  /**
   * Reads a model file from a stream, bounded before anything is allocated: the file, each entry's
   * inflated size and the sum of them have limits; the zip must end in an intact central directory
   * that lists exactly the entries read (a cut-off file is refused, not half-read); the header's
   * sizes are validated by {@link ModelConfig}; every tensor value must be finite.
   */
  public static ModelFile read(InputStream raw, String where) {
    byte[] bytes;
    try {
      bytes = readBounded(raw, MAX_FILE_BYTES, where, "model file");
    } catch (IOException e) {
      throw new InputException(where, "cannot read: " + e.getMessage());
    }
    int listed = ZipDirectory.entryCount(bytes, where);
    ObjectNode header = null;
    Map<String, Map<String, Tensor>> sections = new LinkedHashMap<>();
    int entries = 0;
    long inflated = 0;
    try (ZipInputStream zip = new ZipInputStream(new java.io.ByteArrayInputStream(bytes))) {
      ZipEntry e;
      while ((e = zip.getNextEntry()) != null) {
        if (++entries > MAX_ENTRIES) {
          throw new InputException(where, "more than " + MAX_ENTRIES + " zip entries");
        }
        String name = e.getName();
        boolean isHeader = name.equals("header.json");
        if (!isHeader && !name.endsWith(".bin")) {
          continue; // not ours: skipped unread
        }
        long limit = isHeader ? MAX_HEADER_BYTES : MAX_ENTRY_BYTES;
        byte[] entry = readBounded(zip, limit, where + ":" + name, "entry");
        inflated += entry.length;
        if (inflated > MAX_INFLATED_BYTES) {
          throw new InputException(
              where, "entries inflate to more than " + MAX_INFLATED_BYTES + " bytes");
        }
        if (isHeader) {
          JsonNode node = JSON.readTree(entry);
          if (!(node instanceof ObjectNode o)) {
            throw new InputException(where, "header.json is not an object");
          }
          header = o;
        } else {
          String section = name.substring(0, name.length() - 4);
          sections.put(section, readTensors(entry, where + ":" + name));
        }
      }
    } catch (IOException ex) {
      throw new InputException(where, "not a zged model file (" + firstLine(ex) + ")");
    }
    if (entries != listed) {
      throw new InputException(
          where,
          "damaged zip: the central directory lists " + listed + " entries, found " + entries);
    }
    if (header == null || !FORMAT.equals(header.path("format").asText())) {
      throw new InputException(where, "not a zged model file (no zged header)");
    }
    if (header.path("version").asInt() != VERSION) {
      throw new InputException(
          where, "model file version " + header.path("version").asInt() + ", expected " + VERSION);
    }
    ModelFile file = new ModelFile(header, sections);
    file.config(where); // validates the sizes before any caller allocates a network for them
    return file;
  }

  /** At most {@code limit} bytes of {@code in}; more is an input error, not an allocation. */
  private static byte[] readBounded(InputStream in, long limit, String where, String what)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[1 << 16];
    long total = 0;
    int n;
    while ((n = in.read(buf)) > 0) {
      total += n;
      if (total > limit) {
        throw new InputException(where, what + " larger than the limit of " + limit + " bytes");
      }
      out.write(buf, 0, n);
    }
    return out.toByteArray();
  }

  private static String firstLine(Exception e) {
    String s = String.valueOf(e.getMessage());
    int i = s.indexOf('\n');
    return i < 0 ? s : s.substring(0, i);
  }

  /**
   * A section's bytes: the tensor count, then per tensor its name (as {@link
   * DataOutputStream#writeUTF}), rank, dimensions, value count and big-endian floats.
   */
  static byte[] tensorBytes(Map<String, Tensor> tensors) throws IOException {
    byte[][] names = new byte[tensors.size()][];
    long size = Integer.BYTES;
    int i = 0;
    for (var t : tensors.entrySet()) {
      ByteArrayOutputStream name = new ByteArrayOutputStream();
      new DataOutputStream(name).writeUTF(t.getKey());
      names[i++] = name.toByteArray();
      size += names[i - 1].length + Integer.BYTES;
      size += (long) Long.BYTES * t.getValue().shape().length;
      size += Integer.BYTES + (long) Float.BYTES * t.getValue().values().length;
    }
    if (size > Integer.MAX_VALUE - 16) {
      throw new IOException("tensors of " + size + " bytes do not fit one entry");
    }
    java.nio.ByteBuffer out = java.nio.ByteBuffer.allocate((int) size); // big-endian
    out.putInt(tensors.size());
    i = 0;
    for (var t : tensors.entrySet()) {
      out.put(names[i++]);
      long[] shape = t.getValue().shape();
      out.putInt(shape.length);
      for (long d : shape) {
        out.putLong(d);
      }
      float[] v = t.getValue().values();
      out.putInt(v.length);
      out.asFloatBuffer().put(v); // the same bits as DataOutputStream.writeFloat
      out.position(out.position() + v.length * Float.BYTES);
    }
    return out.array();
  }

  private static Map<String, Tensor> readTensors(byte[] bytes, String where) throws IOException {
    DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(bytes));
    int count = in.readInt();
    if (count < 0 || count > 100_000) {
      throw new InputException(where, "corrupt tensor table");
    }
    Map<String, Tensor> out = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      String name = in.readUTF();
      int rank = in.readInt();
      if (rank < 0 || rank > 8) {
        throw new InputException(where, "corrupt tensor " + name);
      }
      long[] shape = new long[rank];
      long size = 1;
      for (int r = 0; r < rank; r++) {
        shape[r] = in.readLong();
        if (shape[r] < 0 || shape[r] > bytes.length) {
          throw new InputException(where, "tensor " + name + " has dimension " + shape[r]);
        }
        size *= shape[r];
        if (size > bytes.length) {
          throw new InputException(where, "tensor " + name + " is larger than its entry");
        }
      }
      int len = in.readInt();
      if (len != size) {
        throw new InputException(where, "tensor " + name + " has " + len + " values for its shape");
      }
      if ((long) len * Float.BYTES > in.available()) {
        throw new InputException(where, "tensor " + name + " is cut off");
      }
      float[] v = new float[len];
      byte[] raw = new byte[len * Float.BYTES];
      in.readFully(raw);
      java.nio.ByteBuffer.wrap(raw).asFloatBuffer().get(v); // big-endian, as written
      for (int k = 0; k < len; k++) {
        if (!Float.isFinite(v[k])) {
          throw new InputException(
              where, "tensor " + name + " has a non-finite value (" + v[k] + ") at index " + k);
        }
      }
      out.put(name, new Tensor(shape, v));
    }
    return out;
  }
}
