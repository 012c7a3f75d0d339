package org.zged.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zged.analysis.CircuitAnalyzer;
import org.zged.analysis.ResponseClass;
import org.zged.circuit.Circuit;
import org.zged.circuit.Element;
import org.zged.graph.CanonicalForm;
import org.zged.graph.TopologySignature;

/** The open format on a small open dataset: determinism, labels, canonical circuits, splits. */
class OpenDatasetTest {
  @TempDir static Path dir;
  private static Path file;
  private static Dataset dataset;

  /** 120 random graphs, 120 of each template and 8 of each ladder: the open preset's families. */
  private static DatasetGenerator.Builder small() {
    Map<CircuitFamily, Integer> counts = new LinkedHashMap<>();
    Preset.OPEN.counts().keySet().forEach(f -> counts.put(f, f instanceof LadderFamily ? 8 : 120));
    return DatasetGenerator.builder().optPreset(Preset.OPEN).optCounts(counts);
  }

  @BeforeAll
  static void writeAndRead() {
    file = dir.resolve("open.jsonl");
    small().optThreads(2).build().write(file);
    dataset = DatasetReader.read(file); // verifies every label, signature and held-out split
  }

  @Test
  void theOpenPresetIsFiftyThousandCircuits() {
    assertEquals(50_000, Preset.OPEN.size());
    assertEquals(1 + 12 + 16, Preset.OPEN.counts().size());
    assertEquals(40_000, Preset.OPEN.counts().get(RandomFamily.openSpace()));
    for (FilterFamily f : FilterFamily.values()) {
      assertEquals(500, Preset.OPEN.counts().get(f));
    }
    for (LadderFamily f : LadderFamily.all()) {
      assertEquals(250, Preset.OPEN.counts().get(f));
    }
  }

  @Test
  void sameBytesForAnyThreadCountAndAgain() throws IOException {
    Path one = dir.resolve("one.jsonl");
    Path again = dir.resolve("again.jsonl");
    small().optThreads(1).build().write(one);
    small().optThreads(3).build().write(again);
    assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(one));
    assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(again));
  }

  @Test
  void headerAndRecordsAreTheOpenFormat() throws IOException {
    String head = Files.readAllLines(file).get(0);
    assertTrue(head.contains("\"format_version\":2"), head);
    assertTrue(
        head.contains("\"space\":{\"max_internal\":13,\"min_elements\":2,\"max_elements\":20}"),
        head);
    String line = Files.readAllLines(file).get(1);
    assertTrue(line.matches(".*\"split\":\"[a-z_]+\",\"order\":[0-9],\"signature\":\".*"), line);
  }

  @Test
  void ordersAndSignaturesAreTheCircuits() {
    for (CircuitRecord r : dataset.records()) {
      assertEquals(CircuitAnalyzer.analyze(r.circuit()).poles().size(), r.order(), r.id());
      assertTrue(r.order() >= 1 && r.order() <= r.family().maxOrder(), r.id());
      assertTrue(r.order() <= 9 || r.family() instanceof LadderFamily, r.id());
      assertTrue(r.order() <= LadderFamily.MAX_POLES, r.id());
      assertEquals(TopologySignature.of(r.circuit()).key(), r.signature(), r.id());
    }
  }

  @Test
  void randomCircuitsAreStoredInTheirCanonicalForm() {
    for (CircuitRecord r : dataset.family(RandomFamily.openSpace())) {
      Circuit c = r.circuit();
      List<Element> again = CanonicalForm.of(c).reduced().elements();
      assertEquals(c.elements().size(), again.size(), r.id());
      assertTrue(c.internalNodes().size() <= 13, r.id());
      assertTrue(c.elements().size() <= 20, r.id());
      assertNull(OpenSpaceCheck.problem(c, CircuitAnalyzer.analyze(c)), r.id());
    }
  }

  /**
   * Every circuit filters: a recognised filtering class (never allpass — no dip and no peak beyond
   * 3 dB, e.g. a resistive divider — nor other), and the ladders and templates the class their name
   * says.
   */
  @Test
  void everyCircuitFilters() {
    Set<ResponseClass> filters =
        Set.of(
            ResponseClass.LOWPASS,
            ResponseClass.HIGHPASS,
            ResponseClass.BANDPASS,
            ResponseClass.BANDSTOP);
    Set<ResponseClass> seen = new HashSet<>();
    for (CircuitRecord r : dataset.records()) {
      ResponseClass c = r.specs().responseClass();
      assertTrue(filters.contains(c), r.id() + ": " + c);
      if (r.family().expectedClass() != null) {
        assertEquals(r.family().expectedClass(), c, r.id());
      }
      if (r.family() instanceof RandomFamily) {
        seen.add(c);
      }
    }
    assertEquals(filters, seen, "classes of the random graphs");
  }

  /** No topology of test_unseen has a circuit in train or val, judged by fresh signatures. */
  @Test
  void splitsAreDisjointBySignature() {
    Set<String> seen = new HashSet<>();
    Set<String> unseen = new HashSet<>();
    for (CircuitRecord r : dataset.records()) {
      String sig = TopologySignature.of(r.circuit()).key();
      if (r.split() == Split.TEST_UNSEEN) {
        unseen.add(sig);
      } else if (r.split() == Split.TRAIN || r.split() == Split.VAL) {
        seen.add(sig);
      }
    }
    assertTrue(unseen.size() >= 5, "held-out topologies: " + unseen.size());
    unseen.retainAll(seen);
    assertEquals(Set.of(), unseen);
    Map<Split, List<CircuitRecord>> bySplit =
        Map.of(Split.TRAIN, dataset.split(Split.TRAIN), Split.TEST, dataset.split(Split.TEST));
    assertTrue(bySplit.get(Split.TRAIN).size() > 4 * bySplit.get(Split.TEST).size());
  }

  @Test
  void boundsAreKept() {
    RandomGraphs tight = new RandomGraphs(3, 2, 8);
    Dataset d =
        DatasetGenerator.builder()
            .optFamilies(List.of(new RandomFamily(tight)))
            .optPerFamily(200)
            .build()
            .generate();
    assertEquals(2, d.header().formatVersion());
    for (CircuitRecord r : d.records()) {
      assertTrue(r.circuit().internalNodes().size() <= 3, r.id());
      assertTrue(r.circuit().elements().size() <= 8, r.id());
    }
  }

  @Test
  void impossibleBoundsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new RandomGraphs(14, 2, 20));
    assertThrows(IllegalArgumentException.class, () -> new RandomGraphs(13, 2, 21));
    assertThrows(IllegalArgumentException.class, () -> new RandomGraphs(13, 9, 8));
    // no internal node: GND–VOUT and VIN–VOUT hold at most 6 elements
    assertThrows(IllegalArgumentException.class, () -> new RandomGraphs(0, 7, 20));
  }

  @Test
  void drawsAreConnectedAndNeverAcrossTheSource() {
    RandomGraphs g = RandomGraphs.openSpace();
    SplittableRandom rng = new SplittableRandom(3);
    for (int i = 0; i < 2000; i++) {
      Circuit c = g.draw(rng);
      assertTrue(c.elements().size() >= 2 && c.elements().size() <= 20);
      assertTrue(c.internalNodes().size() <= 13);
      for (String n : c.nodes()) {
        assertTrue(c.connected(Circuit.VOUT, n), n + " unreachable in " + c);
      }
      for (Element e : c.elements()) {
        assertTrue(!(e.touches(Circuit.VIN) && e.touches(Circuit.GND)), c.toString());
      }
    }
  }
}
