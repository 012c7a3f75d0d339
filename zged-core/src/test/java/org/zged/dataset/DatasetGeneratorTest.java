package org.zged.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetGeneratorTest {
  @TempDir Path dir;

  @Test
  void seedPresetIsSixFamiliesOfTwenty() {
    Dataset d = Datasets.seed();
    assertEquals(120, d.size());
    assertEquals("seed", d.header().preset());
    assertEquals(FilterFamily.seedFamilies(), d.header().families());
    for (FilterFamily f : FilterFamily.seedFamilies()) {
      List<CircuitRecord> fam = d.family(f);
      assertEquals(20, fam.size());
      assertEquals(16, fam.stream().filter(r -> r.split() == Split.TRAIN).count());
      assertEquals(2, fam.stream().filter(r -> r.split() == Split.VAL).count());
      assertEquals(2, fam.stream().filter(r -> r.split() == Split.TEST).count());
    }
  }

  @Test
  void fullPresetIsTwelveFamiliesOfTwoHundred() {
    Dataset d = Datasets.full();
    assertEquals(2400, d.size());
    assertEquals(1920, d.split(Split.TRAIN).size());
    assertEquals(240, d.split(Split.VAL).size());
    assertEquals(240, d.split(Split.TEST).size());
    Map<FilterFamily, Integer> perFamily = new EnumMap<>(FilterFamily.class);
    d.records().forEach(r -> perFamily.merge((FilterFamily) r.family(), 1, Integer::sum));
    for (FilterFamily f : FilterFamily.values()) {
      assertEquals(200, perFamily.get(f), f.id());
    }
    assertEquals(2400, d.records().stream().map(CircuitRecord::id).distinct().count());
  }

  /** One thread or two: the same bytes, because no random stream is shared between circuits. */
  @Test
  void sameSeedSameBytesForAnyThreadCount() throws IOException {
    Path one = dir.resolve("one.jsonl");
    Path two = dir.resolve("two.jsonl");
    Path three = dir.resolve("three.jsonl");
    DatasetGenerator.Builder b = DatasetGenerator.builder().optPerFamily(700).optSeed(5);
    b.optThreads(1).build().write(one);
    b.optThreads(2).build().write(two);
    b.optThreads(3).build().write(three);
    byte[] expected = Files.readAllBytes(one);
    assertTrue(expected.length > 1_000_000, "several chunks per family");
    assertArrayEquals(expected, Files.readAllBytes(two));
    assertArrayEquals(expected, Files.readAllBytes(three));
  }

  @Test
  void otherSeedOtherCircuits() {
    CircuitRecord a =
        DatasetGenerator.builder().optSeed(1).build().record(FilterFamily.RC_LOWPASS, 0);
    CircuitRecord b =
        DatasetGenerator.builder().optSeed(2).build().record(FilterFamily.RC_LOWPASS, 0);
    assertNotEquals(a.circuit(), b.circuit());
  }

  /** A family's circuits do not depend on which other families are generated with it. */
  @Test
  void familiesAreIndependentOfTheSelection() {
    Dataset all = DatasetGenerator.builder().optPerFamily(30).build().generate();
    Dataset one =
        DatasetGenerator.builder()
            .optFamilies(List.of(FilterFamily.NOTCH_BANDSTOP))
            .optPerFamily(30)
            .build()
            .generate();
    assertEquals("custom", one.header().preset());
    List<CircuitRecord> expected = all.family(FilterFamily.NOTCH_BANDSTOP);
    for (int i = 0; i < 30; i++) {
      assertEquals(expected.get(i).circuit(), one.records().get(i).circuit());
      assertEquals(expected.get(i).split(), one.records().get(i).split());
    }
  }

  /** Writing then reading gives the same circuits exactly and the same labels to 12 digits. */
  @Test
  void fileRoundTrip() {
    Path file = dir.resolve("seed.jsonl");
    DatasetGenerator g = DatasetGenerator.builder().optPreset(Preset.SEED).build();
    g.write(file);
    Dataset written = g.generate();
    Dataset read = DatasetReader.read(file);
    assertEquals(written.header(), read.header());
    assertEquals(written.size(), read.size());
    for (int i = 0; i < written.size(); i++) {
      CircuitRecord w = written.records().get(i);
      CircuitRecord r = read.records().get(i);
      assertEquals(w.id(), r.id());
      assertEquals(w.family(), r.family());
      assertEquals(w.split(), r.split());
      assertEquals(w.circuit(), r.circuit(), "element values are stored exactly");
      assertEquals(w.gain(), r.gain(), 1e-11 * Math.abs(w.gain()));
      assertEquals(w.poles().size(), r.poles().size());
      for (int k = 0; k < w.poles().size(); k++) {
        assertEquals(
            0, w.poles().get(k).subtract(r.poles().get(k)).norm(), 1e-11 * w.poles().get(k).norm());
      }
      assertEquals(w.specs().responseClass(), r.specs().responseClass());
    }
  }

  @Test
  void withResponseStoresTheGrid() throws IOException {
    Path file = dir.resolve("resp.jsonl");
    DatasetGenerator.builder()
        .optFamilies(List.of(FilterFamily.RC_LOWPASS))
        .optPerFamily(3)
        .optWithResponse(true)
        .build()
        .write(file);
    List<String> lines = Files.readAllLines(file);
    assertTrue(lines.get(0).contains("\"with_response\":true"));
    com.fasterxml.jackson.databind.JsonNode r =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(lines.get(1)).get("response");
    assertEquals(701, r.get("frequency_hz").size());
    assertEquals(10.0, r.get("frequency_hz").get(0).asDouble());
    assertEquals(1e8, r.get("frequency_hz").get(700).asDouble(), 1e-3);
    assertEquals(0.0, r.get("magnitude_db").get(0).asDouble(), 0.1, "an RC low-pass passes 10 Hz");
    Dataset read = DatasetReader.read(file);
    assertEquals(3, read.size());
    // the stored response is the one recomputed from the circuit
    double[] f = new double[701];
    for (int i = 0; i < f.length; i++) {
      f[i] = r.get("frequency_hz").get(i).asDouble();
    }
    double[] db = read.records().get(0).response(f).magnitudeDb();
    for (int i = 0; i < f.length; i++) {
      assertEquals(
          db[i], r.get("magnitude_db").get(i).asDouble(), 1e-9 * Math.max(1, Math.abs(db[i])));
    }
    lines.set(1, lines.get(1).replace("\"phase_deg\":[", "\"phase_deg\":[1,"));
    Files.write(file, lines);
    org.zged.InputException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            org.zged.InputException.class, () -> DatasetReader.read(file));
    assertTrue(
        e.getMessage()
            .endsWith(":2: response.phase_deg must be a list as long as response.frequency_hz"),
        e.getMessage());
  }

  @Test
  void failedWriteLeavesNothing() throws IOException {
    Path blocker = dir.resolve("not-a-dir");
    Files.writeString(blocker, "x");
    Path target = blocker.resolve("out.jsonl");
    try {
      DatasetGenerator.builder().optPreset(Preset.SEED).build().write(target);
    } catch (RuntimeException expected) {
      // the folder cannot be created
    }
    assertFalse(Files.exists(target));
    try (var files = Files.list(dir)) {
      assertEquals(List.of(blocker), files.toList());
    }
  }
}
