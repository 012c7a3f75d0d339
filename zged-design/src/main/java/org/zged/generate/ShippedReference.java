package org.zged.generate;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.zip.Adler32;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;
import org.zged.analysis.ResponseClass;
import org.zged.circuit.Circuit;
import org.zged.circuit.Element;
import org.zged.circuit.ElementKind;
import org.zged.dataset.CircuitRecord;
import org.zged.dataset.Dataset;
import org.zged.fit.RangeReach;
import org.zged.io.AtomicFile;
import org.zged.model.ModelFile;
import org.zged.model.ZgedModel;

/**
 * The shipped model's reference set ({@link ReferenceData}: the full preset for a five-slot model,
 * the open preset's train split for an open-space one), encoded by the shipped model, stored as a
 * resource so that a generation process does not start the native engine and encode 2,400 circuits
 * (several seconds and a few hundred MB) before its first answer. The build writes it ({@link
 * #main}, run by zged-design's pom after compiling), so it always comes from the code and model of
 * that build; it also records a fingerprint of the model's weights and is used only for a model
 * with the same fingerprint — any other model (a retrained one, {@code --model FILE}) is encoded as
 * before.
 *
 * <p>It keeps what the neighbour search and the proposals need (id, μ, response class, log f, log
 * Q, the tidied decode); the records themselves are regenerated on first use (GED weights,
 * pole/zero targets, interpolation), and their ids are checked against the stored ones.
 */
public final class ShippedReference {
  static final String RESOURCE = "/org/zged/generate/shipped-reference.bin";
  private static final String FORMAT = "zged-reference-3";
  private static volatile Cached cached;

  /** A stored set with the fingerprint of the weights that encoded it (set null: none usable). */
  record Cached(String fingerprint, ReferenceSet set) {}

  private ShippedReference() {}

  /** The stored reference set when {@code model} has the shipped model's weights, else null. */
  public static ReferenceSet forModel(ZgedModel model) {
    Cached c = cached;
    if (c == null) {
      c = load();
      cached = c;
    }
    if (c.set() == null || !c.fingerprint().equals(fingerprint(model))) {
      return null;
    }
    return c.set();
  }

  private static Cached load() {
    try (InputStream in = ShippedReference.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return new Cached("", null);
      }
      return read(in);
    } catch (IOException | RuntimeException e) {
      return new Cached("", null); // a damaged resource only costs the encoding it would save
    }
  }

  /**
   * A 64-bit checksum (CRC-32 and Adler-32) of the model's config and every parameter's name, shape
   * and values. It is a cache key that tells the shipped weights from any other set, not a guard
   * against forgery, and both checksums run in native code, so it costs a few ms at start where
   * SHA-256 of the same 240 KB cost about 50 ms of not yet compiled Java.
   */
  static String fingerprint(ZgedModel model) {
    CRC32 crc = new CRC32();
    Adler32 adler = new Adler32();
    Consumer<byte[]> both =
        bytes -> {
          crc.update(bytes);
          adler.update(bytes);
        };
    both.accept(model.config().toString().getBytes(StandardCharsets.UTF_8));
    for (Map.Entry<String, ModelFile.Tensor> p : model.parameters().entrySet()) {
      both.accept(p.getKey().getBytes(StandardCharsets.UTF_8));
      long[] shape = p.getValue().shape();
      float[] values = p.getValue().values();
      ByteBuffer b = ByteBuffer.allocate(8 * shape.length + 4 * values.length);
      b.asLongBuffer().put(shape);
      b.position(8 * shape.length);
      b.asFloatBuffer().put(values);
      both.accept(b.array());
    }
    return Long.toHexString(crc.getValue() << 32 | adler.getValue());
  }

  /**
   * Writes a set; {@code data} and {@code maxNodes} name the reference data it encodes ({@link
   * ReferenceData}), so that reading it regenerates the same records.
   */
  static void write(
      ReferenceSet set, String fingerprint, String data, int maxNodes, OutputStream raw)
      throws IOException {
    DeflaterOutputStream deflate = new DeflaterOutputStream(raw);
    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(deflate));
    out.writeUTF(FORMAT);
    out.writeUTF(fingerprint);
    out.writeUTF(data);
    out.writeShort(maxNodes);
    out.writeInt(set.size());
    for (ReferenceSet.Entry e : set.entries()) {
      out.writeUTF(e.id());
      out.writeByte(e.cls().ordinal());
      out.writeDouble(e.logF());
      out.writeDouble(e.logQ());
      out.writeDouble(e.logG());
      out.writeShort(e.mu().length);
      for (float m : e.mu()) {
        out.writeFloat(m);
      }
      Proposal p = e.decoded();
      out.writeBoolean(p != null);
      if (p != null) {
        Circuit c = p.circuit();
        out.writeUTF(c.title());
        out.writeShort(c.elements().size());
        for (Element el : c.elements()) {
          out.writeUTF(el.name());
          out.writeByte(el.kind().ordinal());
          out.writeUTF(el.nodeA());
          out.writeUTF(el.nodeB());
          out.writeDouble(el.value());
        }
      }
    }
    out.flush();
    deflate.finish(); // the caller closes the stream underneath
  }

  /** Reads a stored set; its records are regenerated from the data it names, on first use. */
  static Cached read(InputStream raw) throws IOException {
    return read(raw, null);
  }

  /**
   * Reads a stored set; the records come from {@code records} (null: the reference data the file
   * names) on first use, checked by id.
   */
  static Cached read(InputStream raw, Supplier<List<CircuitRecord>> records) throws IOException {
    DataInputStream in =
        new DataInputStream(new BufferedInputStream(new InflaterInputStream(raw), 1 << 16));
    if (!FORMAT.equals(in.readUTF())) {
      return new Cached("", null);
    }
    String fingerprint = in.readUTF();
    String data = in.readUTF();
    int maxNodes = in.readUnsignedShort();
    if (records == null) {
      records = () -> ReferenceData.of(data, maxNodes).records();
    }
    int n = in.readInt();
    ResponseClass[] classes = ResponseClass.values();
    ElementKind[] kinds = ElementKind.values();
    String[] ids = new String[n];
    LazyRecords lazy = new LazyRecords(records, ids);
    List<ReferenceSet.Entry> entries = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      ids[i] = in.readUTF();
      ResponseClass cls = classes[in.readByte()];
      double logF = in.readDouble();
      double logQ = in.readDouble();
      double logG = in.readDouble();
      float[] mu = new float[in.readUnsignedShort()];
      for (int k = 0; k < mu.length; k++) {
        mu[k] = in.readFloat();
      }
      Supplier<Proposal> decoded = () -> null;
      int parts = 0;
      RangeReach reach = null;
      if (in.readBoolean()) {
        String title = in.readUTF();
        int count = in.readUnsignedShort();
        parts = count;
        List<Element> elements = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
          elements.add(
              new Element(
                  in.readUTF(), kinds[in.readByte()], in.readUTF(), in.readUTF(), in.readDouble()));
        }
        Circuit tidy = new Circuit(title, elements);
        reach = RangeReach.of(tidy);
        // Its topology signature is computed only if the search picks this entry.
        decoded = ReferenceSet.once(() -> ReferenceSet.tidiedProposal(tidy));
      }
      int index = i;
      entries.add(
          new ReferenceSet.Entry(
              ids[i], () -> lazy.get(index), mu, cls, logF, logQ, logG, parts, decoded, reach));
    }
    return new Cached(fingerprint, new ReferenceSet(entries));
  }

  /** The records behind a stored set, generated once on first use and checked against its ids. */
  private static final class LazyRecords {
    private final Supplier<List<CircuitRecord>> records;

    LazyRecords(Supplier<List<CircuitRecord>> source, String[] ids) {
      this.records = ReferenceSet.once(() -> checked(source.get(), ids));
    }

    CircuitRecord get(int i) {
      return records.get().get(i);
    }

    private static List<CircuitRecord> checked(List<CircuitRecord> r, String[] ids) {
      boolean same = r.size() == ids.length;
      for (int i = 0; same && i < ids.length; i++) {
        same = r.get(i).id().equals(ids[i]);
      }
      if (!same) {
        throw new IllegalStateException(
            "the stored reference set does not match its reference data; rebuild zged");
      }
      return r;
    }
  }

  /**
   * Encodes the shipped model's reference data ({@link ReferenceData#forModel}) and writes it to
   * {@code args[0]}.
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: ShippedReference OUTPUT");
      System.exit(2);
    }
    try (ZgedModel model = ZgedModel.loadDefault()) {
      // On the engine: it encodes anyway, decodes 2,400 latents in one batched pass, and the stored
      // neighbour decodes are then exactly those of the engine-only versions before.
      model.network();
      String data = ReferenceData.choice(model.config());
      int maxNodes = model.config().maxNodes();
      Dataset reference = ReferenceData.of(data, maxNodes);
      ReferenceSet set = ReferenceSet.encode(model, reference);
      Path out = Path.of(args[0]);
      Files.createDirectories(out.toAbsolutePath().getParent());
      String fp = fingerprint(model);
      AtomicFile.write(out, o -> write(set, fp, data, maxNodes, o));
    }
  }
}
