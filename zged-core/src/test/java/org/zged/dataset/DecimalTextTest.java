package org.zged.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DecimalTextTest {

  @ParameterizedTest
  @CsvSource({
    "4721.53, 12, 4721.53",
    "1e-7, 12, 1e-7",
    "1.5e-7, 12, 1.5e-7",
    "0.001, 12, 0.001",
    "0.00099, 12, 9.9e-4",
    "1e7, 12, 1e7",
    "9999999, 12, 9999999",
    "-2.5, 12, -2.5",
    "100, 12, 100",
    "123456789012345, 12, 1.23456789012e14",
    "0.30000000000000004, 12, 0.3",
    "99.96, 3, 100",
    "9.9996e-5, 4, 1e-4",
    "6.28318530717958647, 6, 6.28319",
    "1e-300, 12, 1e-300",
    // 1.8e308 would read back as infinity: beyond Double.MAX_VALUE the rounding goes toward zero
    "1.7976931348623157e308, 3, 1.79e308"
  })
  void formatsWithTheGivenSignificantDigits(double v, int digits, String expected) {
    assertEquals(expected, DecimalText.format(v, digits));
  }

  @Test
  void zeroAndNonFinite() {
    assertEquals("0", DecimalText.format(0.0, 12));
    assertThrows(IllegalArgumentException.class, () -> DecimalText.format(Double.NaN, 12));
    assertThrows(
        IllegalArgumentException.class, () -> DecimalText.format(Double.POSITIVE_INFINITY, 12));
  }

  /** What the generator relies on: a rounded value is written and read back bit for bit. */
  @Test
  void roundedValuesRoundTripExactly() throws Exception {
    ObjectMapper json = new ObjectMapper();
    SplittableRandom rng = new SplittableRandom(7);
    for (int i = 0; i < 50_000; i++) {
      double v = StrictMath.pow(10, -12 + 20 * rng.nextDouble());
      for (int digits : new int[] {6, 12}) {
        double r = DecimalText.round(v, digits);
        String text = DecimalText.format(r, digits);
        assertEquals(r, Double.parseDouble(text), text);
        assertEquals(r, json.readTree(text).asDouble(), text);
      }
    }
  }

  /** Within half a unit of the last digit (plus one double ulp), and never more digits. */
  @Test
  void errorIsHalfAUnitInTheLastDigit() {
    SplittableRandom rng = new SplittableRandom(11);
    for (int i = 0; i < 50_000; i++) {
      double v = (rng.nextBoolean() ? 1 : -1) * StrictMath.pow(10, -30 + 60 * rng.nextDouble());
      String text = DecimalText.format(v, 12);
      BigDecimal written = new BigDecimal(text);
      assertTrue(written.stripTrailingZeros().precision() <= 12, text);
      BigDecimal exact = new BigDecimal(v);
      BigDecimal unit = BigDecimal.ONE.scaleByPowerOfTen(exact.precision() - exact.scale() - 12);
      BigDecimal err = written.subtract(exact).abs();
      BigDecimal bound = unit.multiply(new BigDecimal("0.5")).add(new BigDecimal(Math.ulp(v) * 4));
      assertTrue(err.compareTo(bound) <= 0, v + " -> " + text);
    }
  }
}
