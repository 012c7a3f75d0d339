package org.zged.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.zged.circuit.Circuit;
import org.zged.circuit.CircuitGraph;
import org.zged.circuit.EdgeClass;

class GraphEditDistanceTest {
  private static final double EPS = 1e-9;

  private static Circuit lowpass(double r, double c) {
    return Circuit.builder().r("R1", "vin", "vout", r).c("C1", "vout", "0", c).build();
  }

  private static Circuit highpass(double r, double c) {
    return Circuit.builder().c("C1", "vin", "vout", c).r("R1", "vout", "0", r).build();
  }

  private static GraphEditDistance.Result measure(Circuit a, Circuit b) {
    return GraphEditDistance.standard().measure(CircuitGraph.of(a), CircuitGraph.of(b));
  }

  @Test
  void identicalCircuitsAreAtZero() {
    assertEquals(0.0, GraphEditDistance.between(lowpass(1e3, 1e-9), lowpass(1e3, 1e-9)), EPS);
  }

  @Test
  void isomorphicCircuitsAreAtZero() {
    Circuit a =
        Circuit.builder()
            .r("R1", "vin", "p", 100)
            .l("L1", "p", "q", 1e-3)
            .c("C1", "q", "vout", 1e-9)
            .r("R2", "vout", "0", 50)
            .build();
    Circuit b =
        Circuit.builder()
            .c("Cx", "vout", "m2", 1e-9)
            .r("Ra", "0", "vout", 50)
            .l("Lx", "m1", "m2", 1e-3)
            .r("Rb", "m1", "vin", 100)
            .build();
    assertEquals(0.0, GraphEditDistance.between(a, b), EPS);
  }

  /** Both edges change class (R↔C): two deletions and two insertions of single elements. */
  @Test
  void lowpassToHighpassIsTwo() {
    GraphEditDistance.Result r = measure(lowpass(1e3, 1e-9), highpass(1e3, 1e-9));
    assertEquals(2.0, r.structural(), EPS);
    assertEquals(0.0, r.value(), EPS);
  }

  /** C to-ground becomes an RCL group: delete a single (0.5) and insert a group (1.0). */
  @Test
  void singleToParallelGroupIsOneAndAHalf() {
    Circuit tank =
        Circuit.builder()
            .r("R1", "vin", "vout", 1e3)
            .r("R2", "vout", "0", 1e3)
            .c("C1", "vout", "0", 1e-9)
            .l("L1", "vout", "0", 1e-3)
            .build();
    GraphEditDistance.Result r = measure(lowpass(1e3, 1e-9), tank);
    assertEquals(1.5, r.structural(), EPS);
    // the R vin-vout edge is kept with equal value
    assertEquals(0.0, r.value(), EPS);
  }

  /**
   * A ladder with one internal node: insert the node (1), its two edges (0.5 + 0.5) and delete the
   * direct R (0.5); the C to ground is kept.
   */
  @Test
  void insertingAnInternalNodeWithItsEdges() {
    Circuit ladder =
        Circuit.builder()
            .r("R1", "vin", "n1", 1e3)
            .l("L1", "n1", "vout", 1e-3)
            .c("C1", "vout", "0", 1e-9)
            .build();
    GraphEditDistance.Result r = measure(lowpass(1e3, 1e-9), ladder);
    assertEquals(2.5, r.structural(), EPS);
    assertEquals(1, r.nodeEdits());
    assertEquals(2.5, measure(ladder, lowpass(1e3, 1e-9)).structural(), EPS);
  }

  @Test
  void oneDecadeOfValueCostsTheWeight() {
    GraphEditDistance.Result r = measure(lowpass(1e3, 1e-9), lowpass(1e4, 1e-9));
    assertEquals(0.0, r.structural(), EPS);
    assertEquals(GraphEditDistance.DEFAULT_VALUE_WEIGHT, r.value(), EPS);
    // R and C both one decade off: two decades
    assertEquals(
        2 * GraphEditDistance.DEFAULT_VALUE_WEIGHT,
        GraphEditDistance.between(lowpass(1e3, 1e-9), lowpass(1e2, 1e-8)),
        EPS);
  }

  /**
   * The reference saturated at the delete+insert cost (1.0 here); this value term keeps growing.
   */
  @Test
  void valueTermDoesNotSaturate() {
    double d6 = GraphEditDistance.between(lowpass(1e3, 1e-9), lowpass(1e9, 1e-9));
    double d9 = GraphEditDistance.between(lowpass(1e3, 1e-9), lowpass(1e12, 1e-9));
    assertEquals(6 * GraphEditDistance.DEFAULT_VALUE_WEIGHT, d6, EPS);
    assertEquals(9 * GraphEditDistance.DEFAULT_VALUE_WEIGHT, d9, EPS);
    assertTrue(d9 > 2 * GraphEditDistance.SINGLE_EDGE_COST);
  }

  /** Among structurally optimal maps, the one matching values best is used. */
  @Test
  void picksTheValueBestMappingAmongEquallyGoodStructures() {
    Circuit a =
        Circuit.builder()
            .r("R1", "vin", "p", 1)
            .r("R2", "p", "vout", 1)
            .r("R3", "vin", "q", 1000)
            .r("R4", "q", "vout", 1000)
            .build();
    Circuit b =
        Circuit.builder()
            .r("R1", "vin", "u", 1000)
            .r("R2", "u", "vout", 1000)
            .r("R3", "vin", "w", 1)
            .r("R4", "w", "vout", 1)
            .build();
    assertEquals(0.0, GraphEditDistance.between(a, b), EPS);
  }

  @Test
  void zeroWeightIgnoresValues() {
    GraphEditDistance d = GraphEditDistance.withValueWeight(0);
    assertEquals(
        0.0,
        d.measure(CircuitGraph.of(lowpass(1, 1)), CircuitGraph.of(lowpass(1e6, 1e-6))).total(),
        EPS);
  }

  @Test
  void matrixIsSymmetricWithZeroDiagonal() {
    List<CircuitGraph> gs =
        List.of(
            CircuitGraph.of(lowpass(1e3, 1e-9)),
            CircuitGraph.of(highpass(1e3, 1e-9)),
            CircuitGraph.of(lowpass(1e4, 1e-9)));
    double[][] m = GraphEditDistance.standard().matrix(gs);
    assertEquals(0.0, m[1][1], EPS);
    assertEquals(2.0, m[0][1], EPS);
    assertEquals(m[0][1], m[1][0], EPS);
    assertEquals(0.25, m[2][0], EPS);
  }

  @Property(tries = 300)
  void symmetric(@ForAll long seed) {
    Random rnd = new Random(seed);
    Circuit a = RandomCircuits.circuit(rnd, 3, 0.5);
    Circuit b = RandomCircuits.circuit(rnd, 3, 0.5);
    GraphEditDistance.Result ab = measure(a, b);
    GraphEditDistance.Result ba = measure(b, a);
    assertEquals(ab.structural(), ba.structural(), EPS);
    assertEquals(ab.value(), ba.value(), 1e-9);
  }

  @Property(tries = 300)
  void renamedInternalsAreAtZero(@ForAll long seed) {
    Random rnd = new Random(seed);
    Circuit a = RandomCircuits.circuit(rnd, 4, 0.45);
    assertEquals(0.0, GraphEditDistance.between(a, RandomCircuits.relabel(a, rnd)), 1e-9);
  }

  @Property(tries = 200)
  void structuralPartObeysTheTriangleInequality(@ForAll long seed) {
    Random rnd = new Random(seed);
    Circuit a = RandomCircuits.circuit(rnd, 3, 0.5);
    Circuit b = RandomCircuits.circuit(rnd, 3, 0.5);
    Circuit c = RandomCircuits.circuit(rnd, 3, 0.5);
    double ab = measure(a, b).structural();
    double bc = measure(b, c).structural();
    double ac = measure(a, c).structural();
    assertTrue(ac <= ab + bc + EPS, () -> ac + " > " + ab + " + " + bc);
  }

  /** The branch and bound agrees with plain enumeration of every internal-node map. */
  @Property(tries = 300)
  void agreesWithBruteForce(@ForAll long seed) {
    Random rnd = new Random(seed);
    Circuit a = RandomCircuits.circuit(rnd, 3, 0.5);
    Circuit b = RandomCircuits.circuit(rnd, 3, 0.5);
    double[] expected =
        bruteForce(AnchoredGraph.of(CircuitGraph.of(a)), AnchoredGraph.of(CircuitGraph.of(b)));
    GraphEditDistance.Result r = measure(a, b);
    assertEquals(expected[0], r.structural(), EPS);
    assertEquals(expected[1], r.value(), 1e-9);
  }

  /**
   * Independent reference: every map from a's slots to b's slots or deletion (terminals fixed),
   * costed pair by pair over the whole node set, lexicographic minimum of (structural, value).
   */
  private static double[] bruteForce(AnchoredGraph a, AnchoredGraph b) {
    List<int[]> maps = new ArrayList<>();
    int[] m = new int[a.size()];
    for (int t = 0; t < 3; t++) {
      m[t] = t;
    }
    enumerate(a, b, 3, m, new boolean[b.size()], maps);
    double bestS = Double.POSITIVE_INFINITY;
    double bestV = Double.POSITIVE_INFINITY;
    for (int[] map : maps) {
      double s = 0;
      double v = 0;
      boolean[] hit = new boolean[b.size()];
      for (int i = 0; i < a.size(); i++) {
        if (map[i] < 0) {
          s += 1;
        } else {
          hit[map[i]] = true;
        }
      }
      for (int j = 0; j < b.size(); j++) {
        if (!hit[j]) {
          s += 1;
        }
      }
      // every b pair not covered by a mapped a pair is an insertion
      boolean[][] covered = new boolean[b.size()][b.size()];
      for (int i = 0; i < a.size(); i++) {
        for (int j = i + 1; j < a.size(); j++) {
          EdgeClass x = a.edgeClass(i, j);
          if (map[i] < 0 || map[j] < 0) {
            s += GraphEditDistance.edgeCost(x);
            continue;
          }
          covered[map[i]][map[j]] = true;
          covered[map[j]][map[i]] = true;
          EdgeClass y = b.edgeClass(map[i], map[j]);
          if (x != y) {
            s += GraphEditDistance.edgeCost(x) + GraphEditDistance.edgeCost(y);
          } else if (x != EdgeClass.NONE) {
            double[] ya = a.admittance(i, j);
            double[] yb = b.admittance(map[i], map[j]);
            for (int k = 0; k < 3; k++) {
              if (ya[k] > 0) {
                v += GraphEditDistance.DEFAULT_VALUE_WEIGHT * Math.abs(Math.log10(ya[k] / yb[k]));
              }
            }
          }
        }
      }
      for (int i = 0; i < b.size(); i++) {
        for (int j = i + 1; j < b.size(); j++) {
          if (!covered[i][j]) {
            s += GraphEditDistance.edgeCost(b.edgeClass(i, j));
          }
        }
      }
      if (s < bestS || (s == bestS && v < bestV)) {
        bestS = s;
        bestV = v;
      }
    }
    return new double[] {bestS, bestV};
  }

  private static void enumerate(
      AnchoredGraph a, AnchoredGraph b, int i, int[] m, boolean[] used, List<int[]> out) {
    if (i == a.size()) {
      out.add(m.clone());
      return;
    }
    m[i] = -1;
    enumerate(a, b, i + 1, m, used, out);
    for (int t = 3; t < b.size(); t++) {
      if (!used[t]) {
        used[t] = true;
        m[i] = t;
        enumerate(a, b, i + 1, m, used, out);
        used[t] = false;
      }
    }
  }
}
