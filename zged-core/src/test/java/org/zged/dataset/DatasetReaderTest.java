package org.zged.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zged.InputException;

/** Each kind of corruption is reported as FILE:LINE: reason. */
class DatasetReaderTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private List<String> lines;

  @BeforeEach
  void writeSmallDataset() throws IOException {
    Path good = dir.resolve("good.jsonl");
    DatasetGenerator.builder()
        .optFamilies(List.of(FilterFamily.RC_LOWPASS, FilterFamily.NOTCH_BANDSTOP))
        .optPerFamily(3)
        .build()
        .write(good);
    lines = Files.readAllLines(good);
    assertEquals(7, lines.size());
    assertEquals(6, DatasetReader.read(good).size());
  }

  @Test
  void badJson() throws IOException {
    lines.set(2, lines.get(2).substring(0, 40));
    assertError(3, "bad JSON");
  }

  @Test
  void trailingGarbage() throws IOException {
    lines.set(2, lines.get(2) + " {}");
    assertError(3, "bad JSON");
  }

  @Test
  void duplicateKey() throws IOException {
    lines.set(2, lines.get(2).replaceFirst("\\{", "{\"id\":\"x\","));
    assertError(3, "bad JSON");
  }

  @Test
  void blankLine() throws IOException {
    lines.add(3, "");
    assertError(4, "empty line");
  }

  @Test
  void missingKey() throws IOException {
    edit(5, n -> n.remove("gain"));
    assertError(5, "missing key 'gain'");
  }

  @Test
  void unknownKey() throws IOException {
    edit(2, n -> n.put("colour", "blue"));
    assertError(2, "unknown key 'colour'");
  }

  @Test
  void unknownFamily() throws IOException {
    edit(3, n -> n.put("family", "band_pass"));
    assertError(3, "unknown family 'band_pass'");
  }

  @Test
  void unknownSplit() throws IOException {
    edit(3, n -> n.put("split", "dev"));
    assertError(3, "unknown split 'dev'");
  }

  @Test
  void wrongType() throws IOException {
    edit(3, n -> n.put("gain", "large"));
    assertError(3, "'gain' must be a finite number");
  }

  @Test
  void invalidCircuit() throws IOException {
    edit(4, n -> ((ObjectNode) n.get("elements").get(0)).put("value", -5.0));
    assertError(4, "invalid circuit: element R1 has value -5.0");
  }

  @Test
  void notTheFamilyTopology() throws IOException {
    edit(
        6,
        n -> {
          ArrayNode nodes = (ArrayNode) n.get("elements").get(1).get("nodes");
          nodes.set(0, JSON.getNodeFactory().textNode("n3"));
          nodes.set(1, JSON.getNodeFactory().textNode("n2"));
        });
    assertError(6, "node n3 is floating");
  }

  @Test
  void swappedElementsAreNotTheTopology() throws IOException {
    edit(
        2,
        n -> {
          ObjectNode r = (ObjectNode) n.get("elements").get(0);
          r.put("name", "R9");
        });
    assertError(2, "the elements are not the rc_lowpass topology");
  }

  @Test
  void tiedValueBroken() throws IOException {
    edit(6, n -> ((ObjectNode) n.get("elements").get(4)).put("value", 1234.0));
    assertError(6, "element Ro = 1234.0 breaks the notch_bandstop rule, which gives");
  }

  @Test
  void edgesNotTheCircuits() throws IOException {
    edit(2, n -> ((ArrayNode) n.get("edges").get(0).get("admittance")).set(1, 1e-3));
    assertError(2, "edges[0].admittance");
  }

  @Test
  void edgeNodeNamesNotTheCircuits() throws IOException {
    edit(2, n -> ((ArrayNode) n.get("edges").get(1).get("nodes")).set(0, "vout"));
    assertError(2, "edges[1].nodes must be [\"vin\", \"vout\"]");
  }

  @Test
  void gainNotTheCircuits() throws IOException {
    edit(5, n -> n.put("gain", n.get("gain").asDouble() * 1.001));
    assertError(5, "gain");
  }

  @Test
  void poleNotTheCircuits() throws IOException {
    edit(2, n -> ((ArrayNode) n.get("poles").get(0)).set(0, -1.0));
    assertError(2, "poles: [-1.0, 0.0] is not a root");
  }

  @Test
  void missingZero() throws IOException {
    edit(6, n -> ((ArrayNode) n.get("zeros")).remove(0));
    assertError(6, "zeros: 1 in the file, the circuit has 2");
  }

  @Test
  void specNotTheCircuits() throws IOException {
    edit(6, n -> ((ObjectNode) n.get("specs")).put("q", 123.0));
    assertError(6, "specs.q 123.0 is not the circuit's");
  }

  @Test
  void responseClassNotTheCircuits() throws IOException {
    edit(6, n -> ((ObjectNode) n.get("specs")).put("response_class", "bandpass"));
    assertError(6, "response_class bandpass is not the circuit's bandstop");
  }

  @Test
  void duplicateId() throws IOException {
    edit(3, n -> n.put("id", "rc_lowpass-0"));
    assertError(3, "duplicate id 'rc_lowpass-0'");
  }

  @Test
  void truncatedFile() throws IOException {
    lines.remove(6);
    assertError(6, "the file ends after 2 notch_bandstop circuits; the header promises 3");
  }

  @Test
  void moreCircuitsThanTheHeaderSays() throws IOException {
    lines.add(3, lines.get(2).replace("rc_lowpass-1", "rc_lowpass-2"));
    assertError(5, "more rc_lowpass circuits than the header's 3");
  }

  @Test
  void idNotFamilyDashIndex() throws IOException {
    edit(3, n -> n.put("id", "rc_lowpass-7"));
    assertError(3, "id 'rc_lowpass-7' is not rc_lowpass-<index> with an index below 3");
    edit(3, n -> n.put("id", "notch_bandstop-1"));
    assertError(3, "id 'notch_bandstop-1' is not rc_lowpass-<index>");
  }

  /** With many chunks on two threads, the first bad line is reported, not the first to fail. */
  @Test
  void theFirstBadLineIsReported() throws IOException {
    Path big = dir.resolve("big.jsonl");
    DatasetGenerator.builder()
        .optFamilies(List.of(FilterFamily.RL_LOWPASS))
        .optPerFamily(3000)
        .build()
        .write(big);
    lines = new ArrayList<>(Files.readAllLines(big));
    lines.set(2500, "{broken");
    edit(700, n -> n.put("id", "rl_lowpass-5"));
    Path bad = save();
    for (int threads : new int[] {1, 2, 4}) {
      InputException e =
          assertThrows(
              InputException.class, () -> DatasetReader.scan(bad, false, threads, r -> {}));
      assertEquals(bad + ":700: duplicate id 'rl_lowpass-5'", e.getMessage());
    }
  }

  @Test
  void headerMissing() throws IOException {
    lines.remove(0);
    assertError(1, "expected the header record");
  }

  @Test
  void headerCountWrong() throws IOException {
    edit(1, n -> n.put("count", 7));
    assertError(1, "count 7 is not the sum of the family counts 6");
  }

  @Test
  void unsupportedVersion() throws IOException {
    edit(1, n -> n.put("format_version", 9));
    assertError(1, "format_version 9 is not supported");
  }

  @Test
  void emptyFile() throws IOException {
    lines.clear();
    assertError(1, "empty file");
  }

  @Test
  void missingFile() {
    Path nowhere = dir.resolve("nowhere.jsonl");
    InputException e = assertThrows(InputException.class, () -> DatasetReader.read(nowhere));
    assertEquals(nowhere + ": no such file", e.getMessage());
  }

  @Test
  void shapeOnlyScanSkipsTheLabelCheck() throws IOException {
    edit(5, n -> n.put("gain", n.get("gain").asDouble() * 1.001));
    Path file = save();
    List<CircuitRecord> seen = new ArrayList<>();
    DatasetReader.scan(file, false, seen::add);
    assertEquals(6, seen.size());
  }

  private void edit(int lineNo, Consumer<ObjectNode> change) throws IOException {
    ObjectNode n = (ObjectNode) JSON.readTree(lines.get(lineNo - 1));
    change.accept(n);
    lines.set(lineNo - 1, JSON.writeValueAsString(n));
  }

  private Path save() throws IOException {
    Path bad = dir.resolve("bad.jsonl");
    Files.write(bad, lines);
    return bad;
  }

  private void assertError(int lineNo, String reason) throws IOException {
    Path bad = save();
    InputException e = assertThrows(InputException.class, () -> DatasetReader.read(bad));
    String prefix = bad + ":" + lineNo + ": ";
    assertTrue(e.getMessage().startsWith(prefix), e.getMessage());
    assertTrue(e.getMessage().contains(reason), e.getMessage());
    assertTrue(!e.getMessage().contains("\n"), "one line");
  }
}
