package org.zged.dataset;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.zged.InputException;
import org.zged.circuit.CircuitException;

/**
 * Reads a dataset file and validates every record; any problem is an {@link InputException} {@code
 * FILE:LINE: reason}: bad JSON, a missing or unknown key, an unknown family or split, an invalid
 * circuit or one that is not its family's topology, graph edges that are not the circuit's, labels
 * that are not the exact analysis of the circuit, a duplicate id, or counts that differ from the
 * header's.
 */
public final class DatasetReader {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private DatasetReader() {}

  /** The whole file in memory, every label verified against a fresh analysis. */
  public static Dataset read(Path file) {
    List<CircuitRecord> records = new ArrayList<>();
    DatasetHeader header = scan(file, true, records::add);
    return new Dataset(header, records);
  }

  /**
   * Streams the records to {@code sink} in file order (memory flat in the file size) and returns
   * the header. With {@code verifyLabels} false the labels are checked for shape only, which is
   * several times faster.
   */
  public static DatasetHeader scan(Path file, boolean verifyLabels, Consumer<CircuitRecord> sink) {
    String name = file.toString();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line = in.readLine();
      if (line == null) {
        throw new InputException(name + ":1", "empty file; expected a zged dataset header");
      }
      DatasetHeader header = parseHeader(name, line);
      Map<FilterFamily, Integer> seen = new EnumMap<>(FilterFamily.class);
      Set<String> ids = new HashSet<>();
      int lineNo = 1;
      while ((line = in.readLine()) != null) {
        lineNo++;
        String where = name + ":" + lineNo;
        CircuitRecord r = parseRecord(where, line, verifyLabels);
        if (!ids.add(r.id())) {
          throw new InputException(where, "duplicate id '" + r.id() + "'");
        }
        int n = seen.merge(r.family(), 1, Integer::sum);
        if (n > header.counts().getOrDefault(r.family(), 0)) {
          throw new InputException(
              where,
              "more "
                  + r.family().id()
                  + " circuits than the header's "
                  + header.counts().getOrDefault(r.family(), 0));
        }
        sink.accept(r);
      }
      for (Map.Entry<FilterFamily, Integer> e : header.counts().entrySet()) {
        int got = seen.getOrDefault(e.getKey(), 0);
        if (got != e.getValue()) {
          throw new InputException(
              name + ":" + lineNo,
              "the file ends after "
                  + got
                  + " "
                  + e.getKey().id()
                  + " circuits; the header promises "
                  + e.getValue());
        }
      }
      return header;
    } catch (NoSuchFileException e) {
      throw new InputException(name, "no such file");
    } catch (java.nio.charset.MalformedInputException e) {
      throw new InputException(name, "not UTF-8 text");
    } catch (IOException e) {
      throw new InputException(name, "cannot read: " + e.getMessage());
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

  private static CircuitRecord parseRecord(String where, String line, boolean verifyLabels) {
    try {
      CircuitRecord r = RecordParser.record(json(where, line));
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
