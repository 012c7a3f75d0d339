package org.zged.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.zged.circuit.Circuit;
import org.zged.circuit.CircuitGraph;
import org.zged.circuit.EdgeClass;
import org.zged.circuit.ElementKind;

class ReconstructionTallyTest {
  private static final CircuitGraph LOWPASS =
      CircuitGraph.of(
          Circuit.builder().r("R1", "vin", "vout", 1e3).c("C1", "vout", "0", 1e-9).build());

  @Test
  void perfectReconstructionScoresOneEverywhere() {
    ReconstructionTally t = new ReconstructionTally(5);
    t.add(LOWPASS, LOWPASS);
    assertEquals(1.0, t.nodeTypeAccuracy());
    assertEquals(1.0, t.edgeClassAccuracy());
    assertEquals(1.0, t.componentTypeAccuracy());
    assertEquals(1.0, t.edgeCountMatch());
    assertEquals(1.0, t.topologyMatch());
    assertEquals(1.0, t.vinConnectivity());
    assertEquals(1.0, t.voutConnectivity());
    assertEquals(0.0, t.valueErrors(ElementKind.R).get(0));
  }

  /**
   * Lowpass decoded as highpass on a 5-slot grid: 10 slot pairs, the two edges swap class (R↔C),
   * the other 8 pairs are correctly empty.
   */
  @Test
  void swappedKindsByHand() {
    CircuitGraph highpass =
        CircuitGraph.of(
            Circuit.builder().c("C1", "vin", "vout", 1e-9).r("R1", "vout", "0", 1e3).build());
    ReconstructionTally t = new ReconstructionTally(5);
    t.add(LOWPASS, highpass);
    assertEquals(1.0, t.nodeTypeAccuracy());
    assertEquals(0.8, t.edgeClassAccuracy(), 1e-12);
    assertEquals(0.0, t.componentTypeAccuracy());
    assertEquals(1.0, t.edgeCountMatch());
    assertEquals(0.0, t.topologyMatch());
    long[][] m = t.confusion();
    assertEquals(1, m[EdgeClass.R.ordinal()][EdgeClass.C.ordinal()]);
    assertEquals(1, m[EdgeClass.C.ordinal()][EdgeClass.R.ordinal()]);
    assertEquals(8, m[0][0]);
    assertEquals(0.0, t.perClassAccuracy().get(EdgeClass.R));
    assertTrue(Double.isNaN(t.perClassAccuracy().get(EdgeClass.RCL)));
  }

  @Test
  void valueErrorIsDecadesOff() {
    CircuitGraph off =
        CircuitGraph.of(
            Circuit.builder().r("R1", "vin", "vout", 1e4).c("C1", "vout", "0", 1e-11).build());
    ReconstructionTally t = new ReconstructionTally(5);
    t.add(LOWPASS, off);
    assertEquals(1.0, t.valueErrors(ElementKind.R).get(0), 1e-12);
    assertEquals(2.0, t.valueErrors(ElementKind.C).get(0), 1e-12);
    assertTrue(t.valueErrors(ElementKind.L).isEmpty());
  }

  @Test
  void missingOutputIsCounted() {
    CircuitGraph noOut = CircuitGraph.of(Circuit.builder().r("R1", "vin", "0", 1e3).build());
    ReconstructionTally t = new ReconstructionTally(5);
    t.add(LOWPASS, noOut);
    assertEquals(1.0, t.vinConnectivity());
    assertEquals(0.0, t.voutConnectivity());
    assertEquals(0.0, t.edgeCountMatch());
    // VOUT's slot is empty in the decoded graph: 4 of 5 slots right
    assertEquals(0.8, t.nodeTypeAccuracy(), 1e-12);
  }

  /** An edge at VOUT is not enough: VOUT must be joined to VIN through elements. */
  @Test
  void outputOnAnIslandIsNotConnected() {
    CircuitGraph island =
        CircuitGraph.of(
            Circuit.builder()
                .r("R1", "vin", "0", 1e3)
                .c("C1", "vout", "x", 1e-9)
                .c("C2", "x", "vout", 1e-9)
                .build());
    ReconstructionTally t = new ReconstructionTally(5);
    t.add(LOWPASS, island);
    assertEquals(1.0, t.vinConnectivity());
    assertEquals(0.0, t.voutConnectivity());
  }

  /** Renumbered internal nodes: the same topology, but the slot-wise edge score sees a change. */
  @Test
  void topologyMatchIsIsomorphismAware() {
    CircuitGraph a =
        CircuitGraph.of(
            Circuit.builder()
                .r("R1", "vin", "a", 1)
                .l("L1", "a", "b", 1)
                .c("C1", "b", "vout", 1)
                .r("R2", "vout", "0", 1)
                .build());
    CircuitGraph b =
        CircuitGraph.of(
            Circuit.builder()
                .c("C1", "b", "vout", 1)
                .r("R1", "vin", "a", 1)
                .l("L1", "a", "b", 1)
                .r("R2", "vout", "0", 1)
                .build());
    ReconstructionTally t = new ReconstructionTally(5);
    t.add(a, b);
    assertEquals(1.0, t.topologyMatch());
    assertTrue(t.edgeClassAccuracy() < 1.0);
  }

  /**
   * Canonical match: two resistors in series through a node that touches nothing else are one
   * resistor after reduction, and an element hanging from VOUT on a dead-end node carries no
   * signal; both decodes have the lowpass's canonical topology although their graphs differ. The RL
   * decode does not.
   */
  @Test
  void topologyMatchComparesReducedCanonicalForms() {
    CircuitGraph series =
        CircuitGraph.of(
            Circuit.builder()
                .r("R1", "vin", "a", 400)
                .r("R2", "a", "vout", 600)
                .c("C1", "vout", "0", 1e-9)
                .build());
    CircuitGraph dangling =
        CircuitGraph.of(
            Circuit.builder()
                .r("R1", "vin", "vout", 1e3)
                .c("C1", "vout", "0", 1e-9)
                .l("L1", "vout", "x", 1e-3)
                .build());
    CircuitGraph rl =
        CircuitGraph.of(
            Circuit.builder().r("R1", "vin", "vout", 1e3).l("L1", "vout", "0", 1e-3).build());
    ReconstructionTally t = new ReconstructionTally(5);
    t.add(LOWPASS, series);
    t.add(LOWPASS, dangling);
    assertEquals(1.0, t.topologyMatch());
    assertTrue(t.edgeCountMatch() < 1.0, "the graphs themselves differ");
    t.add(LOWPASS, rl);
    assertEquals(2.0 / 3, t.topologyMatch(), 1e-12);
    // the same three by the true circuit's size (LOWPASS: GND, VIN, VOUT), and a 4-node truth
    t.add(series, rl);
    assertEquals(java.util.Set.of(3, 4), t.topologyMatchByNodes().keySet());
    assertEquals(3, t.topologyMatchByNodes().get(3).circuits());
    assertEquals(2.0 / 3, t.topologyMatchByNodes().get(3).topologyMatch(), 1e-12);
    assertEquals(0.0, t.topologyMatchByNodes().get(4).topologyMatch());
  }
}
