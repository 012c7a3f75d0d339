package org.zged.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.zged.circuit.Circuit;
import org.zged.mask.Mask;
import org.zged.mask.MaskJson;
import org.zged.mask.MaskVerifier;
import org.zged.netlist.NetlistReader;

/** {@code zged generate --mask FILE.json}: the JSON fields, and every kind of bad mask or flag. */
class GenerateMaskCommandTest {
  @TempDir Path dir;

  private static final String LOWPASS =
      "[{\"from_hz\": 0, \"to_hz\": 1000, \"max_atten_db\": 1},"
          + " {\"from_hz\": 3000, \"to_hz\": \"inf\", \"min_atten_db\": 30}]";

  private Path file(String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text);
  }

  @Test
  void aLowpassMaskGivesVerifiedCandidatesWithSourcePartsAndMargins() throws Exception {
    Path m = file("lp.json", LOWPASS);
    CliRun r = CliRun.zged("generate", "--mask", m.toString(), "--count", "2", "--json");
    assertEquals(0, r.code(), r.err());
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertEquals(2, j.at("/target/mask/bands").size());
    assertEquals("inf", j.at("/target/mask/bands/1/to_hz").asText());
    assertFalse(j.has("diagnosis"), "the classical ladder at least meets it");
    Mask mask = MaskJson.read(m, "--mask");
    for (JsonNode c : j.get("candidates")) {
      assertTrue(c.has("source") && c.has("parts") && c.has("margins_db"), c.toString());
      assertEquals(2, c.get("margins_db").size());
      Circuit circuit = NetlistReader.parse(c.get("netlist").asText(), "candidate", null, null);
      assertEquals(c.get("parts").asInt(), circuit.elements().size());
      // the netlist's own circuit, verified again against the file's mask
      var again = MaskVerifier.verify(mask, circuit);
      assertEquals(c.get("meets_target").asBoolean(), again.meets(), c.toString());
      for (int i = 0; i < 2; i++) {
        assertEquals(
            again.bands().get(i).marginDb(),
            c.at("/margins_db/" + i).asDouble(),
            1e-6,
            "band " + i);
      }
    }
    assertTrue(j.at("/candidates/0/meets_target").asBoolean());
  }

  @Test
  void anRcOnlyLimitOnASharpLowpassMaskIsDiagnosedWithANumber() throws Exception {
    Path m = file("lp.json", LOWPASS);
    CliRun r = CliRun.zged("generate", "--mask", m.toString(), "--max-inductors", "0", "--json");
    assertEquals(0, r.code(), r.err());
    JsonNode j = new ObjectMapper().readTree(r.out());
    String d = j.path("diagnosis").asText();
    assertTrue(d.contains("RC-only") && d.matches(".*Q = \\d.*"), d);
    for (JsonNode c : j.get("candidates")) {
      assertFalse(c.toString().contains("\"kind\":\"L\""), "RC only: " + c);
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "[]|--mask: MASK: the mask is empty",
        "[{\"from_hz\":0,\"to_hz\":100,\"max_atten_db\":1,\"min_atten_db\":20}]|--mask: MASK: bands[0]: a band is either a passband",
        "[{\"from_hz\":0,\"to_hz\":100,\"max_atten_db\":1},{\"from_hz\":50,\"to_hz\":200,\"min_atten_db\":20}]|--mask: MASK: bands[0] and bands[1]: overlap",
        "[{\"from_hz\":0,\"to_hz\":100,\"max_atten_db\":1},{\"from_hz\":100,\"to_hz\":200,\"min_atten_db\":20}]|--mask: MASK: bands[0] and bands[1]: contradict",
        "[{\"from_hz\":500,\"to_hz\":100,\"max_atten_db\":1}]|--mask: MASK: bands[0]: from_hz must be below to_hz",
        "[{\"from_hz\":0,\"to_hz\":1e400,\"max_atten_db\":1}]|--mask: MASK: bands[0].to_hz: must be a finite number",
        "[{\"from_hz\":0,\"to_hz\":100,\"max_atten_db\":1e999}]|--mask: MASK: bands[0].max_atten_db: must be a finite",
        "{\"bands\": 3}|--mask: MASK: a mask is a list of bands",
        "[{\"from_hz\":0,|--mask: MASK:1: not valid JSON",
      })
  void badMaskFilesAreOneLineNamingTheFileAndBand(String text, String expected) throws Exception {
    Path m = file("bad.json", text);
    Path nl = dir.resolve("never");
    CliRun r = CliRun.zged("generate", "--mask", m.toString(), "--netlist-dir", nl.toString());
    OutputTargetsTest.assertOneLineError(r, expected.replace("MASK", m.toString()));
    assertFalse(Files.exists(nl), "nothing written");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--max-parts 0|--max-parts: must be between 1 and 16",
        "--r-range 1meg:10|--r-range: inverted or empty range '1meg:10'",
        "--c-range 1u:1n|--c-range: inverted or empty range",
        "--e-series E7|--e-series: unknown series 'E7'",
        "--fc 1k|--fc: does not apply to a --mask target",
        "--type lowpass|--type: does not apply to a --mask target",
        "--poles -1000|--poles: does not apply to a --mask target",
        "--tolerance 5|--tolerance: does not apply to a --mask target",
        "--order 3|--mask: a general mask replaces the ladder flags",
        "--stopband 2k|--mask: a general mask replaces the ladder flags",
      })
  void flagsThatCannotGoWithAMaskAreRefusedByName(String args, String expected) throws Exception {
    Path m = file("lp.json", LOWPASS);
    String[] extra = args.split(" ");
    String[] argv = new String[3 + extra.length];
    argv[0] = "generate";
    argv[1] = "--mask";
    argv[2] = m.toString();
    System.arraycopy(extra, 0, argv, 3, extra.length);
    OutputTargetsTest.assertOneLineError(CliRun.zged(argv), expected);
  }

  @Test
  void aMissingMaskFileIsNamed() {
    Path none = dir.resolve("none.json");
    OutputTargetsTest.assertOneLineError(
        CliRun.zged("generate", "--mask", none.toString()), "--mask: " + none + ": no such file");
  }
}
