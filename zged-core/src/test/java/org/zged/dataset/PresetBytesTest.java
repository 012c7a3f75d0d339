package org.zged.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The seed and full presets are frozen: the shipped model was trained on them. The hashes are of
 * the files written before the open space was added (commit e41a52f, Java 17; the full one is also
 * in docs/dataset.md), so any change to sampling, splits, labels or format shows here.
 */
class PresetBytesTest {
  @Test
  void seedPresetKeepsItsBytes() throws Exception {
    assertEquals(
        "4a5fbdabc2c960d3976d16032ebca5b825004bf2eb1e1dff3fd91468a3d64624", sha256(Preset.SEED));
  }

  @Test
  void fullPresetKeepsItsBytes() throws Exception {
    assertEquals(
        "57e6835e67252f82df64ab7a42ec5317acbee65766d6f19d8eca122dc358cc6f", sha256(Preset.FULL));
  }

  private static String sha256(Preset p) throws NoSuchAlgorithmException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DatasetGenerator.builder().optPreset(p).build().write(out);
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(out.toByteArray()));
  }
}
