package org.zged.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SplitAssignerTest {

  @ParameterizedTest
  @CsvSource({
    "20, 16, 2, 2",
    "200, 160, 20, 20",
    "1001, 801, 100, 100",
    "7, 6, 1, 0",
    "1, 1, 0, 0"
  })
  void countsAreEightyTenTen(int n, int train, int val, int test) {
    SplitAssigner s = new SplitAssigner(42, FilterFamily.RC_LOWPASS, n);
    Map<Split, Integer> counts = new EnumMap<>(Split.class);
    for (int i = 0; i < n; i++) {
      counts.merge(s.splitOf(i), 1, Integer::sum);
    }
    assertEquals(train, counts.getOrDefault(Split.TRAIN, 0));
    assertEquals(val, counts.getOrDefault(Split.VAL, 0));
    assertEquals(test, counts.getOrDefault(Split.TEST, 0));
  }

  @ParameterizedTest
  @CsvSource({"1", "2", "3", "20", "257", "5000", "65537"})
  void ranksArePermutations(int n) {
    SplitAssigner s = new SplitAssigner(3, FilterFamily.NOTCH_BANDSTOP, n);
    Set<Long> seen = new HashSet<>();
    for (int i = 0; i < n; i++) {
      long r = s.rank(i);
      assertTrue(r >= 0 && r < n);
      assertTrue(seen.add(r), "rank " + r + " twice");
    }
  }

  @Test
  void dependsOnSeedAndFamilyNotOnOrder() {
    List<Split> a = splits(new SplitAssigner(42, FilterFamily.RC_LOWPASS, 200));
    assertEquals(a, splits(new SplitAssigner(42, FilterFamily.RC_LOWPASS, 200)));
    assertNotEquals(a, splits(new SplitAssigner(43, FilterFamily.RC_LOWPASS, 200)));
    assertNotEquals(a, splits(new SplitAssigner(42, FilterFamily.RC_HIGHPASS, 200)));
  }

  /** The val/test circuits are spread over the indices, not the last 20 %. */
  @Test
  void heldOutCircuitsAreShuffled() {
    List<Split> s = splits(new SplitAssigner(42, FilterFamily.RLC_SERIES, 200));
    long heldOutInLastFifth = s.subList(160, 200).stream().filter(x -> x != Split.TRAIN).count();
    assertTrue(heldOutInLastFifth < 40, "held-out circuits are exactly the last 40 indices");
    assertTrue(s.subList(0, 100).contains(Split.VAL) && s.subList(0, 100).contains(Split.TEST));
  }

  private static List<Split> splits(SplitAssigner s) {
    List<Split> out = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      out.add(s.splitOf(i));
    }
    return out;
  }
}
