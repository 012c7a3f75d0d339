package org.zged.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.hipparchus.complex.Complex;
import org.junit.jupiter.api.Test;
import org.zged.analysis.CircuitAnalyzer;
import org.zged.analysis.TransferFunction;
import org.zged.circuit.Circuit;
import org.zged.circuit.CircuitException;
import org.zged.circuit.CircuitGraph;
import org.zged.circuit.Element;
import org.zged.circuit.ElementKind;
import org.zged.dataset.RandomGraphs;

/**
 * The canonical form on random circuits of the open space (up to 13 internal nodes, 20 elements):
 * invariant under renaming, idempotent, H(s) kept, and equal exactly when VF2 says isomorphic.
 */
class CanonicalFormTest {
  private static final RandomGraphs OPEN = RandomGraphs.openSpace();

  @Property(tries = 200)
  void invariantUnderRelabellingTheInternalNodes(@ForAll long seed) {
    Circuit c = OPEN.draw(new SplittableRandom(seed));
    CanonicalForm form = CanonicalForm.of(c);
    Random rnd = new Random(seed);
    for (int i = 0; i < 10; i++) {
      Circuit renamed = RandomCircuits.relabel(c, rnd);
      CanonicalForm other = CanonicalForm.of(renamed);
      assertEquals(form.signature(), other.signature(), () -> c + " vs " + renamed);
      // automorphic nodes may trade values, so compare the values as a multiset
      assertEquals(sortedValues(form.reduced()), sortedValues(other.reduced()));
    }
  }

  @Property(tries = 200)
  void reductionIsIdempotent(@ForAll long seed) {
    Circuit reduced = CanonicalForm.of(OPEN.draw(new SplittableRandom(seed))).reduced();
    CanonicalForm again = CanonicalForm.of(reduced);
    assertEquals(CanonicalForm.exact(reduced).signature(), again.signature());
    assertSameCircuit(reduced, again.reduced());
  }

  /** The reduced circuit's H(s) is the original's at random complex s, by a direct nodal solve. */
  @Property(tries = 200)
  void reductionKeepsTheTransferFunction(@ForAll long seed) {
    Circuit c = OPEN.draw(new SplittableRandom(seed));
    Circuit reduced = CanonicalForm.of(c).reduced();
    Random rnd = new Random(seed);
    for (int i = 0; i < 3; i++) {
      Complex s = randomS(rnd);
      Complex want = NodalAtS.h(c, s);
      Complex got = NodalAtS.h(reduced, s);
      assertTrue(
          got.subtract(want).norm() <= 1e-9 * want.norm() + 1e-300,
          () -> "H(" + s + ") " + want + " became " + got + " for " + c);
    }
  }

  /** The same check against the exact analysis' polynomials, on circuits it labels today. */
  @Property(tries = 200)
  void reducedTransferFunctionMatchesTheAnalysis(@ForAll long seed) {
    Circuit c = new RandomGraphs(5, 2, 10).draw(new SplittableRandom(seed));
    Circuit reduced = CanonicalForm.of(c).reduced();
    TransferFunction tf;
    try {
      tf = CircuitAnalyzer.transferFunction(reduced);
    } catch (CircuitException e) {
      return; // H identically 0 (VOUT tied to GND): nothing to compare
    }
    Random rnd = new Random(seed);
    for (int i = 0; i < 3; i++) {
      Complex s = randomS(rnd);
      Complex want = NodalAtS.h(c, s);
      Complex got = evaluate(tf.numerator(), s).divide(evaluate(tf.denominator(), s));
      assertTrue(
          got.subtract(want).norm() <= 1e-6 * want.norm() + 1e-12,
          () -> "H(" + s + ") " + want + ", analysis of the reduced circuit " + got + " for " + c);
    }
  }

  @Property(tries = 300)
  void equalSignaturesExactlyWhenVf2FindsAnIsomorphism(@ForAll long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    Circuit a = OPEN.draw(rng);
    Circuit b = rng.nextBoolean() ? RandomCircuits.relabel(a, new Random(seed)) : moved(a, rng);
    Circuit ra = CanonicalForm.of(a).reduced();
    Circuit rb = CanonicalForm.of(b).reduced();
    boolean iso = Vf2.isomorphic(CircuitGraph.of(ra), CircuitGraph.of(rb));
    boolean same = TopologySignature.of(a).equals(TopologySignature.of(b));
    assertEquals(iso, same, () -> ra + " vs " + rb);
  }

  /** 1,000 pairs that VF2 proves different (one element moved or changed) never collide. */
  @Test
  void thousandKnownDifferentPairsDiffer() {
    SplittableRandom rng = new SplittableRandom(7);
    int pairs = 0;
    while (pairs < 1000) {
      Circuit a = OPEN.draw(rng);
      Circuit b = moved(a, rng);
      CircuitGraph ga = CircuitGraph.of(CanonicalForm.of(a).reduced());
      CircuitGraph gb = CircuitGraph.of(CanonicalForm.of(b).reduced());
      if (Vf2.isomorphic(ga, gb)) {
        continue;
      }
      assertNotEquals(TopologySignature.of(a), TopologySignature.of(b), () -> a + " vs " + b);
      pairs++;
    }
  }

  @Test
  void seriesAndParallelAndDeadElementsReduce() {
    Circuit c =
        Circuit.builder()
            .r("R1", "vin", "a", 100)
            .r("R2", "a", "vout", 300) // series with R1 through a: one 400 Ω
            .c("C1", "vout", "0", 1e-9)
            .c("C2", "vout", "0", 2e-9) // parallel with C1: one 3 nF
            .l("L1", "vout", "stub", 1e-3) // dangling
            .r("R3", "vin", "0", 50) // across the source
            .r("R4", "x", "y", 10) // an island
            .build();
    Circuit reduced = CanonicalForm.of(c).reduced();
    assertEquals(2, reduced.elements().size(), reduced::toString);
    assertEquals(400, reduced.element("R1").value(), 1e-12);
    assertEquals(3e-9, reduced.element("C1").value(), 1e-24);
    assertEquals("C(0,vout) R(vin,vout)", TopologySignature.of(c).key());
  }

  /**
   * An open output lead carries no current: VOUT hanging on node a by R2 ∥ C2 reads V(a), so the
   * lead goes and VOUT takes a's place (a low-pass R1, C1 in the end).
   */
  @Test
  void anOutputLeadWithoutCurrentIsShortened() {
    Circuit c =
        Circuit.builder()
            .r("R1", "vin", "a", 1e3)
            .c("C1", "a", "0", 1e-9)
            .r("R2", "a", "vout", 5e3)
            .c("C2", "a", "vout", 3e-9)
            .build();
    Circuit reduced = CanonicalForm.of(c).reduced();
    assertEquals("C(0,vout) R(vin,vout)", TopologySignature.of(c).key());
    assertEquals(1e3, reduced.element("R1").value(), 1e-9);
    assertEquals(1e-9, reduced.element("C1").value(), 1e-24);
    // H(s) = 1/(1 + sRC) by hand, not by the code under test
    Complex s = new Complex(2e5, 7e5);
    Complex want = Complex.ONE.divide(s.multiply(1e3 * 1e-9).add(1));
    assertTrue(NodalAtS.h(c, s).subtract(want).norm() < 1e-12);
    assertTrue(NodalAtS.h(reduced, s).subtract(want).norm() < 1e-12);
  }

  /** A lead to a terminal stays (H is 1 or 0: no filter, which the validity checks reject). */
  @Test
  void anOutputLeadToATerminalStays() {
    Circuit c = Circuit.builder().r("R1", "vin", "vout", 1e3).r("R2", "vin", "a", 1e3).build();
    assertEquals("R(vin,vout)", TopologySignature.of(c).key());
  }

  /** After reduction VOUT never hangs on a single internal node. */
  @Property(tries = 300)
  void noReducedCircuitHasAnOutputLeadWithoutCurrent(@ForAll long seed) {
    Circuit reduced = CanonicalForm.of(OPEN.draw(new SplittableRandom(seed))).reduced();
    Set<String> neighbours = new TreeSet<>();
    for (Element e : reduced.elements()) {
      if (e.nodeA().equals(Circuit.VOUT)) {
        neighbours.add(e.nodeB());
      } else if (e.nodeB().equals(Circuit.VOUT)) {
        neighbours.add(e.nodeA());
      }
    }
    boolean leadToInternal =
        neighbours.size() == 1
            && !neighbours.contains(Circuit.GND)
            && !neighbours.contains(Circuit.VIN);
    assertTrue(!leadToInternal, () -> "VOUT hangs on " + neighbours + " in " + reduced);
  }

  @Test
  void seriesCapacitorsCombineAsReciprocals() {
    Circuit c =
        Circuit.builder()
            .r("R1", "vin", "vout", 1e3)
            .c("C1", "vout", "m", 2e-9)
            .c("C2", "m", "0", 2e-9)
            .build();
    assertEquals(1e-9, CanonicalForm.of(c).reduced().element("C1").value(), 1e-22);
  }

  @Test
  void mixedKindsInSeriesStay() {
    Circuit c =
        Circuit.builder()
            .r("R1", "vin", "m", 1e3)
            .c("C1", "m", "vout", 1e-9)
            .r("R2", "vout", "0", 1e3)
            .build();
    assertEquals(3, CanonicalForm.of(c).elements());
    assertEquals(4, CanonicalForm.of(c).nodes());
  }

  /** k identical parallel branches: the automorphism pruning keeps this fast and exact. */
  @Test
  void symmetricBranchesAreCanonical() {
    Circuit.Builder a = Circuit.builder();
    Circuit.Builder b = Circuit.builder();
    for (int i = 0; i < 6; i++) {
      a.r("Ra" + i, "vin", "p" + i, 1)
          .c("Ca" + i, "p" + i, "q" + i, 1)
          .l("La" + i, "q" + i, "vout", 1);
      int j = 5 - i;
      b.l("Lb" + i, "vout", "y" + j, 1)
          .c("Cb" + i, "x" + j, "y" + j, 1)
          .r("Rb" + i, "x" + j, "vin", 1);
    }
    a.r("Rg", "vout", "0", 1);
    b.r("Rg", "0", "vout", 1);
    assertEquals(TopologySignature.of(a.build()), TopologySignature.of(b.build()));
  }

  private static void assertSameCircuit(Circuit x, Circuit y) {
    assertEquals(x.elements().size(), y.elements().size(), () -> x + " vs " + y);
    for (int i = 0; i < x.elements().size(); i++) {
      Element p = x.elements().get(i);
      Element q = y.elements().get(i);
      assertEquals(p.name(), q.name());
      assertEquals(p.kind(), q.kind());
      assertEquals(p.nodeA(), q.nodeA());
      assertEquals(p.nodeB(), q.nodeB());
      assertEquals(p.value(), q.value(), 1e-12 * p.value(), () -> x + " vs " + y);
    }
  }

  private static List<String> sortedValues(Circuit c) {
    return c.elements().stream()
        .map(e -> e.kind() + String.format(java.util.Locale.ROOT, "%.9e", e.value()))
        .sorted()
        .toList();
  }

  /** One element moved to another node pair, or given another kind. */
  static Circuit moved(Circuit c, SplittableRandom rng) {
    List<Element> out = new ArrayList<>(c.elements());
    int i = rng.nextInt(out.size());
    Element e = out.get(i);
    List<String> nodes = c.nodes();
    if (rng.nextBoolean()) {
      ElementKind kind = ElementKind.values()[(e.kind().ordinal() + 1 + rng.nextInt(2)) % 3];
      out.set(i, new Element(e.name(), kind, e.nodeA(), e.nodeB(), e.value()));
    } else {
      String b;
      do {
        b = nodes.get(rng.nextInt(nodes.size()));
      } while (b.equals(e.nodeA()));
      out.set(i, new Element(e.name(), e.kind(), e.nodeA(), b, e.value()));
    }
    return new Circuit(out);
  }

  private static Complex randomS(Random rnd) {
    double w = Math.pow(10, 2 + 6 * rnd.nextDouble());
    return new Complex(w * (rnd.nextDouble() * 2 - 1), w);
  }

  private static Complex evaluate(double[] p, Complex s) {
    Complex v = Complex.ZERO;
    for (int k = p.length - 1; k >= 0; k--) {
      v = v.multiply(s).add(p[k]);
    }
    return v;
  }
}
