package org.zged.mask;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.zged.InputException;
import org.zged.analysis.ResponseClass;

/** The JSON mask reader: band kinds, order, classification and every kind of bad input. */
class MaskJsonTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Mask parse(String text) throws Exception {
    return MaskJson.fromJson(JSON.readTree(text), "mask");
  }

  private static String error(String text) throws Exception {
    JsonNode n = JSON.readTree(text);
    return assertThrows(InputException.class, () -> MaskJson.fromJson(n, "mask")).getMessage();
  }

  @Test
  void lowpassWithA60HzNotchKeepsEveryBandSortedAndIsNotClassical() throws Exception {
    Mask m =
        parse(
            "{\"bands\": [{\"from_hz\": 2000, \"to_hz\": \"inf\", \"min_atten_db\": 30},"
                + "{\"from_hz\": 0, \"to_hz\": 30, \"max_atten_db\": 1},"
                + "{\"from_hz\": 59, \"to_hz\": 61, \"min_atten_db\": 40},"
                + "{\"from_hz\": 120, \"to_hz\": \"1k\", \"max_atten_db\": 1}]}");
    assertEquals(4, m.bands().size());
    assertEquals(ResponseClass.OTHER, m.type(), "a notch inside the passband region");
    assertEquals(0, m.bands().get(0).lowHz());
    assertTrue(m.bands().get(0).pass());
    assertEquals(59, m.bands().get(1).lowHz());
    assertFalse(m.bands().get(1).pass());
    assertEquals(40, m.bands().get(1).limitDb());
    assertEquals(1000, m.bands().get(2).highHz(), "SPICE suffix read");
    assertEquals(Double.POSITIVE_INFINITY, m.bands().get(3).highHz());
    assertEquals(2, m.passbands().size());
    assertEquals(2, m.stopbands().size());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "[{\"from_hz\":0,\"to_hz\":1000,\"max_atten_db\":1},{\"from_hz\":3000,\"to_hz\":\"inf\",\"min_atten_db\":40}]|LOWPASS",
        "[{\"from_hz\":0,\"to_hz\":100,\"min_atten_db\":40},{\"from_hz\":1000,\"to_hz\":\"inf\",\"max_atten_db\":1}]|HIGHPASS",
        "[{\"from_hz\":0,\"to_hz\":500,\"min_atten_db\":20},{\"from_hz\":900,\"to_hz\":1100,\"max_atten_db\":1},{\"from_hz\":3000,\"to_hz\":\"inf\",\"min_atten_db\":45}]|BANDPASS",
        "[{\"from_hz\":0,\"to_hz\":500,\"max_atten_db\":1},{\"from_hz\":900,\"to_hz\":1100,\"min_atten_db\":30},{\"from_hz\":3000,\"to_hz\":\"inf\",\"max_atten_db\":1}]|BANDSTOP",
        "[{\"from_hz\":0,\"to_hz\":1000,\"max_atten_db\":3}]|LOWPASS",
        "[{\"from_hz\":100,\"to_hz\":1000,\"max_atten_db\":3}]|BANDPASS",
      })
  void classifiesByWhereTheStopbandsLie(String text, ResponseClass expected) throws Exception {
    assertEquals(expected, parse(text).type());
  }

  @Test
  void touchingPassbandsAndALenientTouchingStopbandAreAllowed() throws Exception {
    Mask m =
        parse(
            "[{\"from_hz\":0,\"to_hz\":1000,\"max_atten_db\":0.5},"
                + "{\"from_hz\":1000,\"to_hz\":2000,\"max_atten_db\":3},"
                + "{\"from_hz\":2000,\"to_hz\":2500,\"min_atten_db\":2}]");
    assertEquals(3, m.bands().size());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "[]|mask: the mask is empty",
        "{\"bands\": []}|mask: the mask is empty",
        "{}|mask: a mask is a list of bands",
        "{\"bands\": [], \"kind\": 1}|mask: unknown field 'kind'",
        "[{\"from_hz\":0,\"to_hz\":100,\"min_atten_db\":40}]|mask: the mask has stopbands only",
        "[{\"from_hz\":0,\"to_hz\":100,\"max_atten_db\":1,\"min_atten_db\":40}]|mask: bands[0]: a band is either a passband",
        "[{\"from_hz\":0,\"to_hz\":100}]|mask: bands[0]: needs max_atten_db",
        "[{\"from_hz\":200,\"to_hz\":100,\"max_atten_db\":1}]|mask: bands[0]: from_hz must be below to_hz",
        "[{\"from_hz\":100,\"to_hz\":100,\"max_atten_db\":1}]|mask: bands[0]: from_hz must be below to_hz",
        "[{\"from_hz\":-1,\"to_hz\":100,\"max_atten_db\":1}]|mask: bands[0].from_hz: must be >= 0 Hz",
        "[{\"from_hz\":0,\"to_hz\":1e999,\"max_atten_db\":1}]|mask: bands[0].to_hz: must be a finite number",
        "[{\"from_hz\":\"inf\",\"to_hz\":100,\"max_atten_db\":1}]|mask: bands[0].from_hz: bad value 'inf'",
        "[{\"from_hz\":0,\"to_hz\":100,\"max_atten_db\":\"x\"}]|mask: bands[0].max_atten_db: bad value 'x'",
        "[{\"from_hz\":0,\"to_hz\":100,\"max_atten_db\":0}]|mask: bands[0].max_atten_db: must be > 0 dB",
        "[{\"from_hz\":0,\"to_hz\":100,\"max_atten_db\":true}]|mask: bands[0].max_atten_db: must be a number",
        "[{\"from_hz\":0,\"max_atten_db\":1}]|mask: bands[0].to_hz: missing",
        "[{\"from_hz\":0,\"to_hz\":100,\"max_atten\":1}]|mask: bands[0]: unknown field 'max_atten'",
        "[3]|mask: bands[0]: a band is an object",
        "[{\"from_hz\":0,\"to_hz\":100,\"max_atten_db\":1},{\"from_hz\":50,\"to_hz\":200,\"min_atten_db\":20}]|mask: bands[0] and bands[1]: overlap between 50.0000 and 100.000 Hz",
        "[{\"from_hz\":0,\"to_hz\":100,\"max_atten_db\":1},{\"from_hz\":0,\"to_hz\":100,\"max_atten_db\":2}]|mask: bands[0] and bands[1]: overlap",
        "[{\"from_hz\":0,\"to_hz\":100,\"max_atten_db\":1},{\"from_hz\":100,\"to_hz\":200,\"min_atten_db\":20}]|mask: bands[0] and bands[1]: contradict at 100.000 Hz",
      })
  void badMasksNameTheBandAndTheField(String text, String prefix) throws Exception {
    String msg = error(text);
    assertTrue(msg.startsWith(prefix), msg);
    assertFalse(msg.contains("\n"), "one line");
  }

  @Test
  void tooManyBandsAreRefused() throws Exception {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i <= MaskJson.MAX_BANDS; i++) {
      b.append(i == 0 ? "" : ",")
          .append("{\"from_hz\":")
          .append(i)
          .append(",\"to_hz\":")
          .append(i + 1)
          .append(",\"max_atten_db\":1}");
    }
    assertTrue(error(b.append("]").toString()).contains("at most " + MaskJson.MAX_BANDS));
  }

  @Test
  void filesReportMissingEmptyAndMalformedInput(@TempDir Path dir) throws Exception {
    Path missing = dir.resolve("none.json");
    assertEquals(
        "--mask: " + missing + ": no such file",
        assertThrows(InputException.class, () -> MaskJson.read(missing, "--mask")).getMessage());
    assertTrue(
        assertThrows(InputException.class, () -> MaskJson.read(dir, "--mask"))
            .getMessage()
            .endsWith("not a regular file"));
    Path empty = Files.writeString(dir.resolve("empty.json"), "");
    assertTrue(
        assertThrows(InputException.class, () -> MaskJson.read(empty, "--mask"))
            .getMessage()
            .contains("the file is empty"));
    Path broken = Files.writeString(dir.resolve("broken.json"), "[\n{\"from_hz\": 0,,}]");
    String msg =
        assertThrows(InputException.class, () -> MaskJson.read(broken, "--mask")).getMessage();
    assertTrue(msg.startsWith("--mask: " + broken + ":2: not valid JSON"), msg);
    Path good =
        Files.writeString(
            dir.resolve("lp.json"), "[{\"from_hz\":0,\"to_hz\":1000,\"max_atten_db\":1}]");
    assertEquals(1, MaskJson.read(good, "--mask").bands().size());
  }
}
