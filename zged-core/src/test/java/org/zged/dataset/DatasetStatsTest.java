package org.zged.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.zged.analysis.FilterSpecs;
import org.zged.analysis.ResponseClass;

class DatasetStatsTest {

  private static FilterSpecs specs(
      ResponseClass rc, Double fc, Double f0, Double q, Double poleQ, boolean lossless) {
    return new FilterSpecs(rc, fc, f0, q, null, null, null, 1.0, poleQ, null, lossless);
  }

  @Test
  void scatterPointIsFrequencyAndQ() {
    // a band filter: its f0 and its band Q (not the pole Q)
    assertArrayEquals(
        new double[] {1000, 5},
        DatasetStats.point(specs(ResponseClass.BANDPASS, null, 1000.0, 5.0, 4.0, false)));
    // a second-order low-pass: its fc and its pole Q
    assertArrayEquals(
        new double[] {200, 0.7},
        DatasetStats.point(specs(ResponseClass.LOWPASS, 200.0, null, null, 0.7, false)));
    // first order: no Q, no point (never a made-up 0.707)
    assertNull(DatasetStats.point(specs(ResponseClass.LOWPASS, 200.0, null, null, null, false)));
    // lossless: infinite Q is reported as null, no point
    assertNull(DatasetStats.point(specs(ResponseClass.HIGHPASS, 300.0, null, null, null, true)));
  }

  @Test
  void countsRangesAndClasses() {
    Dataset d =
        DatasetGenerator.builder()
            .optFamilies(List.of(FilterFamily.RLC_SERIES, FilterFamily.RC_HIGHPASS))
            .optPerFamily(50)
            .build()
            .generate();
    DatasetStats s = DatasetStats.of(d.records());
    assertEquals(100, s.total());
    assertEquals(80, s.splitCount(Split.TRAIN));
    DatasetStats.Family series = s.families().get(FilterFamily.RLC_SERIES);
    assertEquals(50, series.count());
    assertEquals(50L, series.classCounts().get(ResponseClass.BANDPASS));
    assertEquals(List.of("R1", "L1", "C1", "Rl"), List.copyOf(series.values().keySet()));
    double minR =
        d.family(FilterFamily.RLC_SERIES).stream()
            .mapToDouble(r -> r.circuit().element("R1").value())
            .min()
            .orElseThrow();
    assertEquals(minR, series.values().get("R1").min());
    assertEquals(50, series.q().count());
    assertEquals(50, series.points().size());
    assertTrue(series.fc().isEmpty(), "band filters have no fc");
    DatasetStats.Family hp = s.families().get(FilterFamily.RC_HIGHPASS);
    assertEquals(50, hp.fc().count());
    assertTrue(hp.points().isEmpty(), "first order: nothing to plot");
    assertEquals(List.of(), s.misnamedFamilies());
  }

  @Test
  void aCircuitNotAsNamedIsReported() {
    CircuitRecord good = DatasetGenerator.builder().build().record(FilterFamily.NOTCH_BANDSTOP, 0);
    CircuitRecord relabelled =
        new CircuitRecord(
            good.id(),
            good.family(),
            good.split(),
            good.circuit(),
            good.poles(),
            good.zeros(),
            good.gain(),
            specs(ResponseClass.BANDPASS, null, 1.0, 1.0, 1.0, false));
    DatasetStats s = DatasetStats.of(List.of(good, relabelled));
    assertEquals(List.of(FilterFamily.NOTCH_BANDSTOP), s.misnamedFamilies());
  }
}
