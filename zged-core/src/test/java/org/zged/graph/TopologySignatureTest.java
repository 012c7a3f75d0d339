package org.zged.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.zged.circuit.Circuit;

class TopologySignatureTest {

  private static Circuit rcLowpass(double r, double c) {
    return Circuit.builder().r("R1", "vin", "vout", r).c("C1", "vout", "0", c).build();
  }

  @Test
  void readableKeyOfAnRcLowpass() {
    assertEquals("C(0,vout) R(vin,vout)", TopologySignature.of(rcLowpass(1e3, 1e-9)).key());
  }

  @Test
  void valuesDoNotMatter() {
    assertEquals(
        TopologySignature.of(rcLowpass(1e3, 1e-9)), TopologySignature.of(rcLowpass(47, 3e-6)));
  }

  @Test
  void parallelElementsFormOneJointClass() {
    Circuit tank =
        Circuit.builder()
            .r("R1", "vin", "vout", 1e3)
            .r("R2", "vout", "0", 1e3)
            .c("C1", "0", "vout", 1e-9)
            .l("L1", "vout", "gnd", 1e-3)
            .build();
    assertEquals("RCL(0,vout) R(vin,vout)", TopologySignature.of(tank).key());
  }

  @Test
  void swappingInputAndOutputIsADifferentTopology() {
    Circuit swapped =
        Circuit.builder().r("R1", "vout", "vin", 1e3).c("C1", "vin", "0", 1e-9).build();
    assertNotEquals(TopologySignature.of(rcLowpass(1e3, 1e-9)), TopologySignature.of(swapped));
  }

  @Test
  void internalNamesAreCanonical() {
    Circuit a =
        Circuit.builder()
            .l("L1", "vin", "mid", 1e-3)
            .c("C1", "mid", "vout", 1e-9)
            .r("R1", "vout", "0", 50)
            .build();
    Circuit b =
        Circuit.builder()
            .r("R9", "0", "vout", 10)
            .c("C3", "zz", "vout", 1e-6)
            .l("L2", "zz", "vin", 1)
            .build();
    assertEquals("R(0,vout) L(vin,n1) C(vout,n1)", TopologySignature.of(a).key());
    assertEquals(TopologySignature.of(a), TopologySignature.of(b));
  }

  /**
   * A 6-cycle and two triangles of internal nodes (each hung off the terminals the same way) cannot
   * be told apart by colour refinement, only by trying orderings; an exact form must separate them.
   * (The reduced form drops both: neither touches the source.)
   */
  @Test
  void separatesGraphsThatColourRefinementCannot() {
    Circuit cycle6 = ring(new String[] {"a", "b", "c", "d", "e", "f"});
    Circuit triangles = twoTriangles();
    assertNotEquals(TopologySignature.exact(cycle6), TopologySignature.exact(triangles));
    Circuit cycle6Relabelled = ring(new String[] {"d", "f", "b", "a", "e", "c"});
    assertEquals(TopologySignature.exact(cycle6), TopologySignature.exact(cycle6Relabelled));
  }

  private static Circuit ring(String[] n) {
    Circuit.Builder b = Circuit.builder().r("Rio", "vin", "vout", 1).r("Rg", "vout", "0", 1);
    for (int i = 0; i < n.length; i++) {
      b.r("R" + i, n[i], n[(i + 1) % n.length], 1);
    }
    return b.build();
  }

  private static Circuit twoTriangles() {
    Circuit.Builder b = Circuit.builder().r("Rio", "vin", "vout", 1).r("Rg", "vout", "0", 1);
    b.r("R0", "a", "b", 1).r("R1", "b", "c", 1).r("R2", "c", "a", 1);
    b.r("R3", "d", "e", 1).r("R4", "e", "f", 1).r("R5", "f", "d", 1);
    return b.build();
  }

  @Property(tries = 300)
  void invariantUnderRenamingInternalNodes(@ForAll long seed) {
    Random rnd = new Random(seed);
    Circuit c = RandomCircuits.circuit(rnd, 4, 0.45);
    assertEquals(TopologySignature.of(c), TopologySignature.of(RandomCircuits.relabel(c, rnd)));
  }

  /** Equal signatures must mean an exact zero structural edit distance, and vice versa. */
  @Property(tries = 300)
  void equalSignatureExactlyWhenStructurallyIdentical(@ForAll long seed) {
    Random rnd = new Random(seed);
    Circuit a = RandomCircuits.circuit(rnd, 3, 0.5);
    Circuit b =
        rnd.nextBoolean() ? RandomCircuits.relabel(a, rnd) : RandomCircuits.circuit(rnd, 3, 0.5);
    boolean same = TopologySignature.exact(a).equals(TopologySignature.exact(b));
    double structural =
        GraphEditDistance.standard()
            .measure(org.zged.circuit.CircuitGraph.of(a), org.zged.circuit.CircuitGraph.of(b))
            .structural();
    assertEquals(same, structural == 0.0, () -> a + " vs " + b);
  }
}
