package org.zged.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zged.dataset.CircuitRecord;
import org.zged.dataset.Dataset;
import org.zged.dataset.Datasets;
import org.zged.model.ModelConfig;
import org.zged.model.ZgedModel;

/**
 * The reference set the build stores beside the shipped model is the one encoding the full preset
 * now would give, and it is used for the shipped weights only.
 */
class ShippedReferenceTest {
  static ZgedModel model;

  @BeforeAll
  static void load() {
    model = ZgedModel.loadDefault();
  }

  @AfterAll
  static void close() {
    model.close();
  }

  @Test
  void theStoredSetIsWhatEncodingTheFullPresetGives() {
    ReferenceSet stored = ShippedReference.forModel(model);
    assertNotNull(stored, "the build stores the shipped model's reference set");
    Dataset full = ReferenceData.forModel(model.config());
    try (ZgedModel engine = ZgedModel.loadDefault()) {
      engine.network(); // the build encodes and decodes on the engine
      assertEquals(ShippedReference.fingerprint(model), ShippedReference.fingerprint(engine));
      assertSameEntries(ReferenceSet.encode(engine, full), stored);
    }
    // The records come back on demand, the same ones.
    for (int i = 0; i < full.size(); i += 97) {
      assertEquals(full.records().get(i), stored.entries().get(i).record());
    }
  }

  @Test
  void anotherModelGetsNoStoredSet() {
    try (ZgedModel other = ZgedModel.create(ModelConfig.standard(), 7)) {
      assertNull(ShippedReference.forModel(other));
      assertNotEquals(ShippedReference.fingerprint(model), ShippedReference.fingerprint(other));
    }
  }

  @Test
  void writeThenReadKeepsEveryEntry() throws IOException {
    Dataset seed = Datasets.seed();
    ReferenceSet set = ReferenceSet.encode(model, seed);
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    ShippedReference.write(set, "abc", ReferenceData.FULL, 5, buf);
    ReferenceSet back =
        ShippedReference.read(new ByteArrayInputStream(buf.toByteArray()), seed::records).set();
    assertSameEntries(set, back);
    assertEquals(seed.records().get(5), back.entries().get(5).record());
  }

  @Test
  void recordsThatDoNotMatchTheStoredIdsAreRefused() throws IOException {
    Dataset seed = Datasets.seed();
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    ShippedReference.write(ReferenceSet.encode(model, seed), "abc", ReferenceData.FULL, 5, buf);
    List<CircuitRecord> shuffled = new ArrayList<>(seed.records());
    java.util.Collections.swap(shuffled, 0, 1);
    ReferenceSet back =
        ShippedReference.read(new ByteArrayInputStream(buf.toByteArray()), () -> shuffled).set();
    assertThrows(IllegalStateException.class, () -> back.entries().get(3).record());
  }

  @Test
  void generationWithTheStoredSetEqualsGenerationWithAFreshEncoding() {
    SpecGenerator stored = SpecGenerator.builder().setModel(model).build();
    SpecGenerator fresh;
    try (ZgedModel engine = ZgedModel.loadDefault()) {
      engine.network();
      ReferenceSet encoded = ReferenceSet.encode(engine, ReferenceData.forModel(model.config()));
      fresh = SpecGenerator.builder().setModel(model).optReferenceSet(encoded).build();
    }
    for (String type : List.of("lowpass", "highpass", "bandpass", "bandstop")) {
      for (double fc : new double[] {120, 4.7e3, 2.2e5}) {
        var t =
            org.zged.fit.SpecTarget.builder()
                .optType(type)
                .optFc(fc)
                .optQ(type.startsWith("band") ? 4.0 : 0.9)
                .build();
        Generation a = stored.generate(t, 3, 42);
        Generation b = fresh.generate(t, 3, 42);
        assertEquals(b.ranked().size(), a.ranked().size(), t.toString());
        for (int i = 0; i < a.ranked().size(); i++) {
          assertEquals(b.ranked().get(i).topology(), a.ranked().get(i).topology());
          assertEquals(b.ranked().get(i).source(), a.ranked().get(i).source());
          assertEquals(b.ranked().get(i).fit().circuit(), a.ranked().get(i).fit().circuit());
        }
      }
    }
  }

  private static void assertSameEntries(ReferenceSet expected, ReferenceSet actual) {
    assertEquals(expected.size(), actual.size());
    for (int i = 0; i < expected.size(); i++) {
      ReferenceSet.Entry e = expected.entries().get(i);
      ReferenceSet.Entry a = actual.entries().get(i);
      assertEquals(e.id(), a.id());
      assertEquals(e.cls(), a.cls(), e.id());
      assertEquals(e.logF(), a.logF(), 0.0, e.id());
      assertEquals(e.logQ(), a.logQ(), 0.0, e.id());
      assertArrayEquals(e.mu(), a.mu(), 0f, e.id());
      if (e.decoded() == null) {
        assertNull(a.decoded(), e.id());
      } else {
        assertEquals(e.decoded().circuit(), a.decoded().circuit(), e.id());
        assertEquals(e.decoded().topology(), a.decoded().topology(), e.id());
        assertEquals(e.decoded().circuit().title(), a.decoded().circuit().title(), e.id());
      }
    }
  }
}
