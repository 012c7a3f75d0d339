package org.zged.netlist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.zged.InputException;

class SpiceNumberTest {

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({
    "10uF, 1e-5",
    "1.5k, 1500",
    "2e-9, 2e-9",
    "1MEG, 1e6",
    "1meg, 1e6",
    "1Megohm, 1e6",
    "1m, 1e-3",
    "1M, 1e-3",
    "10mH, 0.01",
    "4.7n, 4.7e-9",
    "4.7nF, 4.7e-9",
    "100p, 1e-10",
    "3f, 3e-15",
    "1F, 1e-15",
    "2g, 2e9",
    "2T, 2e12",
    "1kHz, 1000",
    "1hz, 1",
    "50ohm, 50",
    "50Ohms, 50",
    "1.5e3k, 1.5e6",
    ".5u, 5e-7",
    "5., 5",
    "+7, 7",
    "-5, -5",
    "0, 0",
    "1E+3, 1000",
    "10µ, 1e-5",
    "10Ω, 10",
    "1kΩ, 1000",
  })
  void parsesSpiceNumbers(String text, double expected) {
    assertEquals(expected, SpiceNumber.parse(text));
  }

  /** The scaled value is the correctly rounded decimal, not mantissa times a rounded scale. */
  @ParameterizedTest
  @CsvSource({"10u, 10e-6", "4.7n, 4.7e-9", "0.1p, 0.1e-12", "3.3meg, 3.3e6", "33m, 33e-3"})
  void scaledValueIsTheCorrectlyRoundedDecimal(String text, String decimal) {
    assertEquals(Double.parseDouble(decimal), SpiceNumber.parse(text));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "10x",
        "nan",
        "NaN",
        "inf",
        "Infinity",
        "1e400",
        "k",
        "",
        "1..2",
        "1e",
        "1k5",
        "0x10",
        "1d",
        "10 u",
        "1megx",
        "1uFF",
        "--1"
      })
  void rejectsWhatIsNotASpiceNumber(String text) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SpiceNumber.parse(text));
    assertTrue(
        e.getMessage().startsWith("bad value") || e.getMessage().equals("missing value"),
        e.getMessage());
  }

  @org.junit.jupiter.api.Test
  void tenXNamesTheSuffix() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SpiceNumber.parse("10x"));
    assertTrue(e.getMessage().startsWith("bad value '10x': unknown suffix 'x'"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"-5", "0", "1e-400", "nan"})
  void positiveRejectsZeroNegativeAndNan(String text) {
    InputException e =
        assertThrows(InputException.class, () -> SpiceNumber.parsePositive(text, "--fstart"));
    assertTrue(e.getMessage().startsWith("--fstart: bad value '" + text + "'"), e.getMessage());
  }
}
