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
import org.zged.circuit.CircuitException;
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

  /** Draws per circuit before a family is declared unable to give a valid one. */
  static final int MAX_DRAWS = 1000;

  private final DatasetHeader header;
  private final int threads;
  private final LongConsumer progress;
  private final Map<CircuitFamily, SplitAssigner> splits = new LinkedHashMap<>();
  private final TopologySplit topologySplit;

  private DatasetGenerator(Builder b) {
    Map<CircuitFamily, Integer> counts = new LinkedHashMap<>();
    if (b.counts != null) {
      counts.putAll(b.counts);
    } else if (b.families != null) {
      for (CircuitFamily f : b.families) {
        counts.put(f, b.perFamily != null ? b.perFamily : b.preset.perFamily());
      }
    } else {
      b.preset.counts().forEach((f, n) -> counts.put(f, b.perFamily != null ? b.perFamily : n));
    }
    if (b.space != null) {
      Map<CircuitFamily, Integer> bounded = new LinkedHashMap<>();
      counts.forEach(
          (f, n) -> bounded.put(f instanceof RandomFamily ? new RandomFamily(b.space) : f, n));
      counts.clear();
      counts.putAll(bounded);
    }
    boolean open =
        b.preset.open()
            || counts.keySet().stream()
                .anyMatch(f -> f instanceof RandomFamily || f instanceof LadderFamily);
    // order matters: the same families in another order are another file
    boolean custom =
        !new ArrayList<>(counts.entrySet()).equals(new ArrayList<>(b.preset.counts().entrySet()));
    if (!open) {
      counts.forEach((f, n) -> splits.put(f, new SplitAssigner(b.seed, f, n)));
    }
    this.topologySplit = open ? new TopologySplit(b.seed) : null;
    this.header =
        new DatasetHeader(
            open ? DatasetHeader.OPEN_FORMAT_VERSION : DatasetHeader.FORMAT_VERSION,
            open ? DatasetHeader.OPEN_GENERATOR : DatasetHeader.GENERATOR,
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
  public CircuitRecord record(CircuitFamily family, long index) {
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
    try (RecordWriter w = new RecordWriter(buf, header.open())) {
      for (long i = chunk.start(); i < chunk.end(); i++) {
        Labelled l = label(chunk.family(), i);
        FrequencyResponse response =
            header.withResponse() ? l.analysis().response(RESPONSE_GRID) : null;
        w.writeRecord(l.record(), response);
      }
    }
    return buf.toByteArray();
  }

  private Labelled label(CircuitFamily family, long index) {
    if (!header.counts().containsKey(family)) {
      throw new IllegalArgumentException(family.id() + " is not in this dataset");
    }
    SplittableRandom rng = CircuitSeeds.forCircuit(header.seed(), family, index);
    return topologySplit == null ? labelFixed(family, index, rng) : labelOpen(family, index, rng);
  }

  /** The seed and full presets: one draw per circuit, as always (their bytes must not change). */
  private Labelled labelFixed(CircuitFamily family, long index, SplittableRandom rng) {
    Circuit circuit = family.sample(rng);
    Analysis a = CircuitAnalyzer.analyze(circuit);
    CircuitRecord r =
        new CircuitRecord(
            family.id() + "-" + index,
            family,
            splits.get(family).splitOf(index),
            circuit,
            a.poles(),
            a.zeros(),
            a.gain(),
            a.specs());
    return new Labelled(r, a);
  }

  /** The open preset: draw until the circuit is valid and confidently labelled. */
  private Labelled labelOpen(CircuitFamily family, long index, SplittableRandom rng) {
    for (int draw = 0; draw < MAX_DRAWS; draw++) {
      Circuit circuit = family.sample(rng);
      if (circuit == null) {
        continue; // the family refused this draw (e.g. a ladder the synthesis cannot make)
      }
      Analysis a;
      try {
        a = CircuitAnalyzer.analyze(circuit);
      } catch (CircuitException e) {
        continue; // VOUT floats or is shorted: H is not defined or identically 0
      }
      if (OpenSpaceCheck.problem(circuit, a, family.maxOrder()) != null) {
        continue;
      }
      if (family.expectedClass() != null && a.specs().responseClass() != family.expectedClass()) {
        continue; // not what the family's name says
      }
      String signature = family.signatureOf(circuit);
      CircuitRecord r =
          new CircuitRecord(
              family.id() + "-" + index,
              family,
              topologySplit.splitOf(signature, family, index),
              circuit,
              a.poles(),
              a.zeros(),
              a.gain(),
              a.specs(),
              signature);
      return new Labelled(r, a);
    }
    throw new IllegalStateException(
        family.id() + "-" + index + ": no valid circuit in " + MAX_DRAWS + " draws");
  }

  private record Labelled(CircuitRecord record, Analysis analysis) {}

  /** Consecutive indices of one family, produced and written as a unit. */
  record Chunk(CircuitFamily family, long start, int count) {
    long end() {
      return start + count;
    }
  }

  private Iterable<Chunk> chunks() {
    List<Chunk> out = new ArrayList<>();
    for (Map.Entry<CircuitFamily, Integer> e : header.counts().entrySet()) {
      for (long s = 0; s < e.getValue(); s += CHUNK) {
        out.add(new Chunk(e.getKey(), s, (int) Math.min(CHUNK, e.getValue() - s)));
      }
    }
    return out;
  }

  /** Options; every one has a default (the full preset, seed 42, all cores). */
  public static final class Builder {
    private Preset preset = Preset.FULL;
    private List<CircuitFamily> families;
    private Map<CircuitFamily, Integer> counts;
    private RandomGraphs space;
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
    public Builder optFamilies(List<? extends CircuitFamily> families) {
      if (families.isEmpty()) {
        throw new IllegalArgumentException("no families chosen");
      }
      this.families = List.copyOf(new LinkedHashSet<>(families));
      return this;
    }

    /** Exactly these families with these counts, in this order (overrides families and counts). */
    public Builder optCounts(Map<? extends CircuitFamily, Integer> counts) {
      if (counts.isEmpty()) {
        throw new IllegalArgumentException("no families chosen");
      }
      counts.forEach(
          (f, n) -> {
            if (n < 1) {
              throw new IllegalArgumentException(f.id() + ": count must be >= 1, got " + n);
            }
          });
      this.counts = new LinkedHashMap<>(counts);
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

    /** Bounds for the random graphs of the open space (default: the open space's). */
    public Builder optSpace(RandomGraphs space) {
      this.space = space;
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
