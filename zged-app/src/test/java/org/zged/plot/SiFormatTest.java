package org.zged.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SiFormatTest {

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "15915.494309189535 | Hz | 15.9155 kHz",
        "1e-7 | F | 100 nF",
        "1600 | Ω | 1.6 kΩ",
        "0.001 | H | 1 mH",
        "999999.99 | Hz | 1 MHz",
        "0.15915494309189535 | Hz | 159.155 mHz",
        "0 | Hz | 0 Hz",
        "-2500 | Hz | -2.5 kHz",
        "1 | Hz | 1 Hz",
        "2.2e-12 | F | 2.2 pF",
        "4.7e13 | Hz | 47 THz",
        "1e-20 | F | 1e-5 fF",
        "1e15 | Hz | 1000 THz",
        "Infinity | Hz | ∞ Hz",
        "12.5 | '' | 12.5",
        "12500 | '' | 12.5 k",
      })
  void formatsWithPrefixes(double value, String unit, String expected) {
    assertEquals(expected, SiFormat.format(value, unit));
  }

  @ParameterizedTest
  @CsvSource({
    "10000, 10000",
    "1e10, 1e10",
    "0.1234567, 0.123457",
    "-5000.0, -5000",
    "2.5e-7, 2.5e-7"
  })
  void significantKeepsSixDigitsWithoutTrailingZeros(double value, String expected) {
    assertEquals(expected, SiFormat.significant(value));
  }
}
