package org.zged.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.zged.circuit.Circuit;
import org.zged.graph.TopologySignature;

class TopologyGroupsTest {
  private static final TopologySignature LOWPASS =
      TopologySignature.of(
          Circuit.builder().r("R1", "vin", "vout", 1e3).c("C1", "vout", "0", 1e-9).build());
  private static final TopologySignature HIGHPASS =
      TopologySignature.of(
          Circuit.builder().c("C1", "vin", "vout", 1e-9).r("R1", "vout", "0", 1e3).build());

  /** Two R in series are one R after reduction: the same group as the plain low-pass. */
  private static final TopologySignature SERIES_LOWPASS =
      TopologySignature.of(
          Circuit.builder()
              .r("R1", "vin", "a", 1e3)
              .r("R2", "a", "vout", 1e3)
              .c("C1", "vout", "0", 1e-9)
              .build());

  private static final TopologySignature RL =
      TopologySignature.of(
          Circuit.builder().r("R1", "vin", "vout", 1e3).l("L1", "vout", "0", 1e-3).build());

  @Test
  void singletonsAreLeftOutAndEquivalentCircuitsShareALabel() {
    TopologyGroups g = TopologyGroups.of(List.of(HIGHPASS, LOWPASS, RL, SERIES_LOWPASS, HIGHPASS));
    assertEquals(3, g.allTopologies());
    assertEquals(2, g.topologies());
    assertArrayEquals(new int[] {0, 1, 3, 4}, g.rows());
    int[] l = g.labels();
    assertEquals(l[0], l[3], "both high-pass circuits");
    assertEquals(l[1], l[2], "the low-pass and its series-resistor twin");
    assertEquals(1, Math.abs(l[0] - l[1]));
    double[][] x = {{0}, {1}, {2}, {3}, {4}};
    assertArrayEquals(new double[] {3}, g.select(x)[2]);
  }
}
