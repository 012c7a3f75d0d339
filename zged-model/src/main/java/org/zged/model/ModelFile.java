package org.zged.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
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
    ObjectNode h = JSON.createObjectNode();
    h.put("format", FORMAT);
    h.put("version", VERSION);
    h.set("config", JSON.valueToTree(cfg));
    return h;
  }

  public ModelConfig config(String where) {
    try {
      return JSON.treeToValue(header.get("config"), ModelConfig.class);
    } catch (IOException | IllegalArgumentException e) {
      throw new InputException(where, "bad model config: " + e.getMessage());
    }
  }

  public void write(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    AtomicFile.write(
        file,
        out -> {
          ZipOutputStream zip = new ZipOutputStream(out);
          zip.putNextEntry(new ZipEntry("header.json"));
          zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(header));
          zip.closeEntry();
          for (var s : sections.entrySet()) {
            zip.putNextEntry(new ZipEntry(s.getKey() + ".bin"));
            writeTensors(zip, s.getValue());
            zip.closeEntry();
          }
          zip.finish(); // AtomicFile closes the stream underneath
        });
  }

  public static ModelFile read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new InputException(file.toString(), "no such file");
    }
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString());
    } catch (IOException e) {
      throw new InputException(file.toString(), "cannot read: " + e.getMessage());
    }
  }

  public static ModelFile read(InputStream raw, String where) {
    ObjectNode header = null;
    Map<String, Map<String, Tensor>> sections = new LinkedHashMap<>();
    try (ZipInputStream zip = new ZipInputStream(new BufferedInputStream(raw))) {
      ZipEntry e;
      while ((e = zip.getNextEntry()) != null) {
        byte[] bytes = zip.readAllBytes();
        if (e.getName().equals("header.json")) {
          JsonNode node = JSON.readTree(bytes);
          if (!(node instanceof ObjectNode o)) {
            throw new InputException(where, "header.json is not an object");
          }
          header = o;
        } else if (e.getName().endsWith(".bin")) {
          String name = e.getName().substring(0, e.getName().length() - 4);
          sections.put(name, readTensors(bytes, where + ":" + e.getName()));
        }
      }
    } catch (IOException ex) {
      throw new InputException(where, "not a zged model file (" + ex.getMessage() + ")");
    }
    if (header == null || !FORMAT.equals(header.path("format").asText())) {
      throw new InputException(where, "not a zged model file (no zged header)");
    }
    if (header.path("version").asInt() != VERSION) {
      throw new InputException(
          where, "model file version " + header.path("version").asInt() + ", expected " + VERSION);
    }
    return new ModelFile(header, sections);
  }

  private static void writeTensors(OutputStream raw, Map<String, Tensor> tensors)
      throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(buf);
    out.writeInt(tensors.size());
    for (var t : tensors.entrySet()) {
      out.writeUTF(t.getKey());
      long[] shape = t.getValue().shape();
      out.writeInt(shape.length);
      for (long d : shape) {
        out.writeLong(d);
      }
      float[] v = t.getValue().values();
      out.writeInt(v.length);
      for (float f : v) {
        out.writeFloat(f);
      }
    }
    out.flush();
    buf.writeTo(raw);
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
        size *= shape[r];
      }
      int len = in.readInt();
      if (len != size) {
        throw new InputException(where, "tensor " + name + " has " + len + " values for its shape");
      }
      float[] v = new float[len];
      for (int k = 0; k < len; k++) {
        v[k] = in.readFloat();
      }
      out.put(name, new Tensor(shape, v));
    }
    return out;
  }
}
