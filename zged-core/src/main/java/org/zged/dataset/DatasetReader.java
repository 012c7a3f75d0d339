package org.zged.dataset;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Consumer;
import org.zged.InputException;
import org.zged.circuit.CircuitException;

/**
 * Reads a dataset file and validates every record; any problem is an {@link InputException} {@code
 * FILE:LINE: reason}: bad JSON, a missing or unknown key, an unknown family or split, an invalid
 * circuit or one that is not its family's topology, graph edges that are not the circuit's, labels
 * that are not the exact analysis of the circuit, an id that is not {@code <family>-<index>} or is
 * repeated, or counts that differ from the header's. When several lines are bad, the first one is
 * reported.
 */
public final class DatasetReader {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private DatasetReader() {}

  /** The whole file in memory, every label verified against a fresh analysis, on all cores. */
  public static Dataset read(Path file) {
    List<CircuitRecord> records = new ArrayList<>();
    DatasetHeader header = scan(file, true, records::add);
    return new Dataset(header, records);
  }

  /**
   * Streams the records to {@code sink} in file order and returns the header; memory stays flat in
   * the file size (a bit per circuit for the duplicate-id check). Records are parsed and verified
   * on all cores; the sink runs on the calling thread. With {@code verifyLabels} false the labels
   * are checked for shape only, which is several times faster.
   */
  public static DatasetHeader scan(Path file, boolean verifyLabels, Consumer<CircuitRecord> sink) {
    return scan(file, verifyLabels, Runtime.getRuntime().availableProcessors(), sink);
  }

  /** As {@link #scan(Path, boolean, Consumer)} on {@code threads} threads. */
  public static DatasetHeader scan(
      Path file, boolean verifyLabels, int threads, Consumer<CircuitRecord> sink) {
    String name = file.toString();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String first = in.readLine();
      if (first == null) {
        throw new InputException(name + ":1", "empty file; expected a zged dataset header");
      }
      DatasetHeader header = parseHeader(name, first);
      FileOrder order = new FileOrder(name, header);
      LineChunks chunks = new LineChunks(in);
      new OrderedChunks<ParsedChunk>(threads)
          .run(
              chunks,
              chunk -> parseChunk(name, header, chunk, verifyLabels),
              parsed -> {
                for (CircuitRecord r : parsed.records()) {
                  order.accept(r);
                  sink.accept(r);
                }
                if (parsed.error() != null) {
                  throw parsed.error(); // after the order checks of the lines before it
                }
              });
      order.finish(chunks.lastLine());
      return header;
    } catch (UncheckedIOException e) {
      throw readError(name, e.getCause());
    } catch (IOException e) {
      throw readError(name, e);
    }
  }

  private static InputException readError(String name, IOException e) {
    if (e instanceof NoSuchFileException) {
      return new InputException(name, "no such file");
    }
    if (e instanceof MalformedInputException) {
      return new InputException(name, "not UTF-8 text");
    }
    return new InputException(name, "cannot read: " + e.getMessage());
  }

  /** The records of a chunk up to its first bad line, and that line's error (or null). */
  private record ParsedChunk(List<CircuitRecord> records, InputException error) {}

  private static ParsedChunk parseChunk(
      String name, DatasetHeader header, LineChunk chunk, boolean verifyLabels) {
    List<CircuitRecord> out = new ArrayList<>(chunk.lines().size());
    for (int i = 0; i < chunk.lines().size(); i++) {
      String where = name + ":" + (chunk.firstLine() + i);
      try {
        out.add(parseRecord(where, header, chunk.lines().get(i), verifyLabels));
      } catch (InputException e) {
        return new ParsedChunk(out, e);
      }
    }
    return new ParsedChunk(out, null);
  }

  /** Consecutive lines of the file and the number of the first. */
  private record LineChunk(int firstLine, List<String> lines) {}

  /** The file's record lines, 256 at a time, read lazily as the workers ask for them. */
  private static final class LineChunks implements Iterable<LineChunk>, Iterator<LineChunk> {
    private static final int SIZE = 256;
    private final BufferedReader in;
    private int lastLine = 1; // the header
    private LineChunk next;

    LineChunks(BufferedReader in) {
      this.in = in;
    }

    int lastLine() {
      return lastLine;
    }

    @Override
    public Iterator<LineChunk> iterator() {
      return this;
    }

    @Override
    public boolean hasNext() {
      if (next == null) {
        List<String> lines = new ArrayList<>(SIZE);
        int firstLine = lastLine + 1;
        try {
          String line;
          while (lines.size() < SIZE && (line = in.readLine()) != null) {
            lines.add(line);
            lastLine++;
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        next = lines.isEmpty() ? null : new LineChunk(firstLine, lines);
      }
      return next != null;
    }

    @Override
    public LineChunk next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      LineChunk c = next;
      next = null;
      return c;
    }
  }

  /**
   * The checks that need the records in order: ids of the form {@code <family>-<index>} with the
   * index below the family's count and never repeated, and per-family counts that match the
   * header's.
   */
  private static final class FileOrder {
    private final String name;
    private final DatasetHeader header;
    private final Map<CircuitFamily, Integer> seen = new HashMap<>();
    private final Map<CircuitFamily, BitSet> ids = new HashMap<>();
    private int line = 1;

    FileOrder(String name, DatasetHeader header) {
      this.name = name;
      this.header = header;
    }

    void accept(CircuitRecord r) {
      line++;
      String where = name + ":" + line;
      int allowed = header.counts().getOrDefault(r.family(), 0);
      int n = seen.merge(r.family(), 1, Integer::sum);
      if (n > allowed) {
        throw new InputException(
            where, "more " + r.family().id() + " circuits than the header's " + allowed);
      }
      int index = index(r);
      if (index < 0 || index >= allowed) {
        throw new InputException(
            where,
            "id '"
                + r.id()
                + "' is not "
                + r.family().id()
                + "-<index> with an index below "
                + allowed);
      }
      BitSet used = ids.computeIfAbsent(r.family(), f -> new BitSet(allowed));
      if (used.get(index)) {
        throw new InputException(where, "duplicate id '" + r.id() + "'");
      }
      used.set(index);
    }

    private static int index(CircuitRecord r) {
      String prefix = r.family().id() + "-";
      if (!r.id().startsWith(prefix)) {
        return -1;
      }
      String digits = r.id().substring(prefix.length());
      if (digits.isEmpty() || digits.length() > 9 || !digits.chars().allMatch(Character::isDigit)) {
        return -1;
      }
      return (digits.length() > 1 && digits.charAt(0) == '0') ? -1 : Integer.parseInt(digits);
    }

    void finish(int lastLine) {
      for (Map.Entry<CircuitFamily, Integer> e : header.counts().entrySet()) {
        int got = seen.getOrDefault(e.getKey(), 0);
        if (got != e.getValue()) {
          throw new InputException(
              name + ":" + lastLine,
              "the file ends after "
                  + got
                  + " "
                  + e.getKey().id()
                  + " circuits; the header promises "
                  + e.getValue());
        }
      }
    }
  }

  private static DatasetHeader parseHeader(String name, String line) {
    String where = name + ":1";
    try {
      return RecordParser.header(json(where, line));
    } catch (RecordParser.BadRecordException e) {
      throw new InputException(where, e.getMessage());
    }
  }

  private static CircuitRecord parseRecord(
      String where, DatasetHeader header, String line, boolean verifyLabels) {
    try {
      CircuitRecord r = RecordParser.record(json(where, line), header);
      if (verifyLabels) {
        String problem = LabelCheck.problem(r);
        if (problem != null) {
          throw new InputException(where, problem);
        }
      }
      return r;
    } catch (RecordParser.BadRecordException | CircuitException e) {
      throw new InputException(where, e.getMessage());
    }
  }

  private static JsonNode json(String where, String line) {
    if (line.isBlank()) {
      throw new InputException(where, "empty line; expected a JSON record");
    }
    try {
      return JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new InputException(where, "bad JSON: " + e.getOriginalMessage());
    }
  }
}
