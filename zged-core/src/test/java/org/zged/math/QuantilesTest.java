package org.zged.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Type-7 quantiles against values worked by hand (numpy's default method gives the same). */
class QuantilesTest {
  @Test
  void interpolatesBetweenTheNearestOrderStatistics() {
    // 1..4: position q·(n−1); 0.95 → 2.85 → 3 + 0.85 · (4 − 3)
    assertEquals(3.85, Quantiles.of(List.of(1.0, 2.0, 3.0, 4.0), 0.95), 1e-12);
    assertEquals(2.5, Quantiles.median(List.of(4.0, 1.0, 2.0, 3.0)), 1e-12);
    // 10 values 0..9: 0.05 → 0.45
    double[] ten = {9, 8, 7, 6, 5, 4, 3, 2, 1, 0};
    assertEquals(0.45, Quantiles.of(ten, 0.05), 1e-12);
    assertEquals(0.0, Quantiles.of(ten, 0), 0);
    assertEquals(9.0, Quantiles.of(ten, 1), 0);
    assertEquals(7.0, Quantiles.of(new double[] {7}, 0.3), 0);
    assertEquals(9.0, ten[0], 0); // the input is not reordered
  }

  @Test
  void infiniteNeighboursGiveTheUpperOneAndNoneGiveNaN() {
    double inf = Double.POSITIVE_INFINITY;
    assertEquals(inf, Quantiles.of(new double[] {1, 2, inf, inf}, 0.95), 0);
    // finite neighbours still interpolate when the data hold an infinity: 1.2 → 2 + 0.2
    assertEquals(2.2, Quantiles.of(new double[] {1, 2, 3, inf}, 0.4), 1e-12);
    assertTrue(Double.isNaN(Quantiles.of(new double[0], 0.5)));
    assertThrows(IllegalArgumentException.class, () -> Quantiles.of(new double[] {1}, 1.5));
  }
}
