package org.zged.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.Map;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Properties of the number format and the split, over generated inputs. */
class DatasetPropertiesTest {

  /** Any double, rounded first, is written and read back bit for bit, as a valid JSON number. */
  @Property(tries = 5000)
  void roundedValuesRoundTrip(@ForAll long bits, @ForAll @IntRange(min = 1, max = 15) int digits) {
    double v = Double.longBitsToDouble(bits);
    Assume.that(Double.isFinite(v));
    double r = DecimalText.round(v, digits);
    String text = DecimalText.format(r, digits);
    assertEquals(r == 0 ? 0.0 : r, Double.parseDouble(text), text); // −0.0 is written as 0
    assertTrue(text.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?(e-?[0-9]+)?"), text);
    assertEquals(r, DecimalText.round(r, digits), "rounding is idempotent");
  }

  /** The largest doubles rounded to few digits stay finite (a jqwik find: −MAX_VALUE, 1 digit). */
  @org.junit.jupiter.api.Test
  void roundingTheLargestDoublesStaysFinite() {
    for (int digits = 1; digits <= 15; digits++) {
      for (double v : new double[] {Double.MAX_VALUE, -Double.MAX_VALUE}) {
        double r = DecimalText.round(v, digits);
        assertTrue(Double.isFinite(r), digits + " digits: " + r);
        assertEquals(r, Double.parseDouble(DecimalText.format(r, digits)));
        assertTrue(Math.abs(r) <= Double.MAX_VALUE && Math.abs(r) > 0.9e308, "" + r);
      }
    }
  }

  /** For any family size: every circuit gets one split, 80/10/10 up to rounding. */
  @Property(tries = 200)
  void splitCountsForAnySize(@ForAll @IntRange(min = 1, max = 3000) int n, @ForAll long seed) {
    SplitAssigner s = new SplitAssigner(seed, FilterFamily.RLC_PARALLEL, n);
    Map<Split, Long> counts = new EnumMap<>(Split.class);
    for (int i = 0; i < n; i++) {
      counts.merge(s.splitOf(i), 1L, Long::sum);
    }
    assertEquals(Math.round(0.8 * n), (long) counts.getOrDefault(Split.TRAIN, 0L));
    assertEquals(s.valCount(), (long) counts.getOrDefault(Split.VAL, 0L));
    assertEquals(
        n - Math.round(0.8 * n) - s.valCount(), (long) counts.getOrDefault(Split.TEST, 0L));
    assertTrue(Math.abs(s.valCount() - 0.1 * n) <= 0.5);
  }
}
