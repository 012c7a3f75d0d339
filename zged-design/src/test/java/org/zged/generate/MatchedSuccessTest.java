package org.zged.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The success-vs-analyses curve and the matched-success ratio against hand-worked examples. */
class MatchedSuccessTest {
  static final int N = MatchedSuccess.NEVER;

  // Five targets. The VAE meets four: after 20, 50, 100 and 30 analyses; random three: 200, 400,
  // 100.
  static final int[] VAE = {20, 50, N, 100, 30};
  static final int[] RANDOM = {200, N, 400, 100, N};

  @Test
  void theCurveCountsEveryTargetAndNeverAMiss() {
    assertEquals(
        List.of(
            new MatchedSuccess.Point(20, 0.2),
            new MatchedSuccess.Point(30, 0.4),
            new MatchedSuccess.Point(50, 0.6),
            new MatchedSuccess.Point(100, 0.8)),
        MatchedSuccess.curve(VAE));
    // two targets met at the same count are one step
    assertEquals(
        List.of(new MatchedSuccess.Point(10, 2 / 3.0)),
        MatchedSuccess.curve(new int[] {10, 10, N}));
    assertEquals(List.of(), MatchedSuccess.curve(new int[] {N, N}));
    assertEquals(0.6, MatchedSuccess.metWithin(VAE, 50), 1e-12);
    assertEquals(0.4, MatchedSuccess.metWithin(VAE, 49), 1e-12);
    assertEquals(0.8, MatchedSuccess.metWithin(VAE, Integer.MAX_VALUE), 1e-12);
    List<MatchedSuccess.Point> c = MatchedSuccess.curve(VAE);
    assertEquals(0.0, MatchedSuccess.metWithin(c, 19), 1e-12);
    assertEquals(0.6, MatchedSuccess.metWithin(c, 99), 1e-12);
    assertEquals(0.8, MatchedSuccess.metWithin(c, 2000), 1e-12);
  }

  @Test
  void analysesToReachAShareIsTheFirstCountThatMeetsIt() {
    assertEquals(20, MatchedSuccess.analysesToReach(VAE, 0.2));
    assertEquals(30, MatchedSuccess.analysesToReach(VAE, 0.3)); // 2 of 5 needed
    assertEquals(50, MatchedSuccess.analysesToReach(VAE, 0.6));
    assertEquals(100, MatchedSuccess.analysesToReach(VAE, 0.8));
    assertNull(MatchedSuccess.analysesToReach(VAE, 1.0), "the VAE meets 4 of 5 at most");
    assertEquals(0, MatchedSuccess.analysesToReach(VAE, 0));
  }

  @Test
  void bothReadingsOfTheVaeAgainstRandomSearch() {
    MatchedSuccess.Comparison c = MatchedSuccess.compare(VAE, RANDOM);
    // medians over the targets each met: random (100, 200, 400) -> 200; VAE (20, 30, 50, 100) -> 40
    assertEquals(5.0, c.medianRatio(), 1e-12);
    // random's final share is 3 of 5; it gets there at 400 analyses, the VAE at its third, 50
    assertEquals(0.6, c.matchedSuccess(), 1e-12);
    assertEquals(400, c.randomAnalyses());
    assertEquals(50, c.vaeAnalyses());
    assertEquals(8.0, c.matchedRatio(), 1e-12);
  }

  @Test
  void aVaeThatNeverReachesRandomsShareHasNoMatchedRatio() {
    MatchedSuccess.Comparison c = MatchedSuccess.compare(new int[] {N, N, 10}, new int[] {5, 6, N});
    assertEquals(2 / 3.0, c.matchedSuccess(), 1e-12);
    assertEquals(6, c.randomAnalyses());
    assertNull(c.vaeAnalyses());
    assertNull(c.matchedRatio());
    assertEquals(5.5 / 10, c.medianRatio(), 1e-12);
    // random meets nothing: no share to match
    MatchedSuccess.Comparison none = MatchedSuccess.compare(new int[] {3, N}, new int[] {N, N});
    assertEquals(0.0, none.matchedSuccess());
    assertNull(none.matchedRatio());
    assertNull(none.medianRatio());
    assertThrows(
        IllegalArgumentException.class,
        () -> MatchedSuccess.compare(new int[] {1}, new int[] {1, 2}));
  }
}
