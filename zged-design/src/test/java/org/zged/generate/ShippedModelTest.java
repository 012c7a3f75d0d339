package org.zged.generate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.zged.model.ZgedModel;

/**
 * The fixture of the generation tests that run on the shipped model: one model and one generator
 * per test class, closed after it.
 */
abstract class ShippedModelTest {
  static ZgedModel model;
  static SpecGenerator generator;

  @BeforeAll
  static void load() {
    model = ZgedModel.loadDefault();
    generator = SpecGenerator.builder().setModel(model).build();
  }

  @AfterAll
  static void close() {
    model.close();
  }
}
