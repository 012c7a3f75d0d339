package org.zged.dataset;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;
import org.zged.analysis.Analysis;
import org.zged.analysis.CircuitAnalyzer;
import org.zged.analysis.FrequencyResponse;
import org.zged.circuit.Circuit;
import org.zged.io.AtomicFile;
import org.zged.netlist.AcSweep;

/**
 * Generates a labelled dataset, in memory or streamed to a JSON Lines file.
 *
 * <p>Every circuit is a pure function of (seed, family, index): its values come from its own random
 * stream ({@link CircuitSeeds}), its split from a seeded per-family permutation ({@link
 * SplitAssigner}), its labels from the exact analysis. Work is cut into chunks of consecutive
 * indices that run on all cores and are written strictly in order, with a bounded number in flight,
 * so the output is byte-identical for any thread count and memory does not grow with the count.
 */
public final class DatasetGenerator {
  /** The seed of the standard presets. */
  public static final long DEFAULT_SEED = 42;

  /**
   * Circuits per unit of work: large enough to amortise scheduling, small enough to keep memory
   * flat.
   */
  private static final int CHUNK = 512;

  /** The grid of the optional stored response: 10 Hz – 100 MHz, 100 points per decade. */
  private static final double[] RESPONSE_GRID =
      FrequencyResponse.logGrid(
          AcSweep.DEFAULT.fStartHz(), AcSweep.DEFAULT.fStopHz(), AcSweep.DEFAULT.pointsPerDecade());

  private final DatasetHeader header;
  private final int threads;
  private final LongConsumer progress;
  private final Map<FilterFamily, SplitAssigner> splits = new LinkedHashMap<>();

  private DatasetGenerator(Builder b) {
    List<FilterFamily> families = b.families != null ? b.families : b.preset.families();
    int perFamily = b.perFamily != null ? b.perFamily : b.preset.perFamily();
    boolean custom = !families.equals(b.preset.families()) || perFamily != b.preset.perFamily();
    Map<FilterFamily, Integer> counts = new LinkedHashMap<>();
    for (FilterFamily f : families) {
      counts.put(f, perFamily);
      splits.put(f, new SplitAssigner(b.seed, f, perFamily));
    }
    this.header =
        new DatasetHeader(
            DatasetHeader.FORMAT_VERSION,
            DatasetHeader.GENERATOR,
            b.seed,
            custom ? "custom" : b.preset.id(),
            counts,
            b.withResponse);
    this.threads = b.threads;
    this.progress = b.progress;
  }

  public static Builder builder() {
    return new Builder();
  }

  public DatasetHeader header() {
    return header;
  }

  /** The {@code index}-th circuit of {@code family} in this dataset, labelled. */
  public CircuitRecord record(FilterFamily family, long index) {
    return label(family, index).record();
  }

  /** The whole dataset in memory. */
  public Dataset generate() {
    List<CircuitRecord> records = new ArrayList<>((int) Math.min(header.total(), 1 << 24));
    new OrderedChunks<List<CircuitRecord>>(threads)
        .run(
            chunks(),
            chunk -> {
              List<CircuitRecord> out = new ArrayList<>(chunk.count());
              for (long i = chunk.start(); i < chunk.end(); i++) {
                out.add(record(chunk.family(), i));
              }
              return out;
            },
            records::addAll);
    return new Dataset(header, records);
  }

  /**
   * Writes the dataset to {@code file} atomically: a temporary file in the same folder, moved into
   * place only when complete, so a failed or interrupted run leaves nothing half-written.
   */
  public void write(Path file) {
    AtomicFile.write(file, this::write);
  }

  /** Streams the header and every record to {@code out} (not closed); returns the bytes written. */
  public long write(OutputStream out) {
    long[] bytes = {0};
    long[] circuits = {0};
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    try (RecordWriter w = new RecordWriter(head)) {
      w.writeHeader(header);
    }
    try {
      out.write(head.toByteArray());
      bytes[0] += head.size();
      new OrderedChunks<Serialised>(threads)
          .run(
              chunks(),
              chunk -> new Serialised(chunk.count(), serialise(chunk)),
              done -> {
                try {
                  out.write(done.lines());
                  bytes[0] += done.lines().length;
                  circuits[0] += done.count();
                  progress.accept(circuits[0]);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes[0];
  }

  private record Serialised(int count, byte[] lines) {}

  private byte[] serialise(Chunk chunk) {
    ByteArrayOutputStream buf = new ByteArrayOutputStream(chunk.count() * 1200);
    try (RecordWriter w = new RecordWriter(buf)) {
      for (long i = chunk.start(); i < chunk.end(); i++) {
        Labelled l = label(chunk.family(), i);
        FrequencyResponse response =
            header.withResponse() ? l.analysis().response(RESPONSE_GRID) : null;
        w.writeRecord(l.record(), response);
      }
    }
    return buf.toByteArray();
  }

  private Labelled label(FilterFamily family, long index) {
    SplitAssigner assigner = splits.get(family);
    if (assigner == null) {
      throw new IllegalArgumentException(family.id() + " is not in this dataset");
    }
    SplittableRandom rng = CircuitSeeds.forCircuit(header.seed(), family, index);
    Circuit circuit = family.sample(rng);
    Analysis a = CircuitAnalyzer.analyze(circuit);
    CircuitRecord r =
        new CircuitRecord(
            family.id() + "-" + index,
            family,
            assigner.splitOf(index),
            circuit,
            a.poles(),
            a.zeros(),
            a.gain(),
            a.specs());
    return new Labelled(r, a);
  }

  private record Labelled(CircuitRecord record, Analysis analysis) {}

  /** Consecutive indices of one family, produced and written as a unit. */
  record Chunk(FilterFamily family, long start, int count) {
    long end() {
      return start + count;
    }
  }

  private Iterable<Chunk> chunks() {
    List<Chunk> out = new ArrayList<>();
    for (Map.Entry<FilterFamily, Integer> e : header.counts().entrySet()) {
      for (long s = 0; s < e.getValue(); s += CHUNK) {
        out.add(new Chunk(e.getKey(), s, (int) Math.min(CHUNK, e.getValue() - s)));
      }
    }
    return out;
  }

  /** Options; every one has a default (the full preset, seed 42, all cores). */
  public static final class Builder {
    private Preset preset = Preset.FULL;
    private List<FilterFamily> families;
    private Integer perFamily;
    private long seed = DEFAULT_SEED;
    private int threads = Runtime.getRuntime().availableProcessors();
    private boolean withResponse;
    private LongConsumer progress = n -> {};

    private Builder() {}

    /** Told the number of circuits written so far after every chunk (on the writing thread). */
    public Builder optProgress(LongConsumer progress) {
      this.progress = progress;
      return this;
    }

    public Builder optPreset(Preset preset) {
      this.preset = preset;
      return this;
    }

    /** Overrides the preset's families (order is kept; duplicates are dropped). */
    public Builder optFamilies(List<FilterFamily> families) {
      if (families.isEmpty()) {
        throw new IllegalArgumentException("no families chosen");
      }
      this.families = List.copyOf(new LinkedHashSet<>(families));
      return this;
    }

    /** Overrides the preset's circuits per family. */
    public Builder optPerFamily(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("circuits per family must be >= 1, got " + n);
      }
      this.perFamily = n;
      return this;
    }

    public Builder optSeed(long seed) {
      this.seed = seed;
      return this;
    }

    public Builder optThreads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be >= 1, got " + threads);
      }
      this.threads = threads;
      return this;
    }

    /** Also store each circuit's 701-point frequency response (10 Hz – 100 MHz). */
    public Builder optWithResponse(boolean withResponse) {
      this.withResponse = withResponse;
      return this;
    }

    public DatasetGenerator build() {
      return new DatasetGenerator(this);
    }
  }
}
