package org.zged.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.zged.circuit.Circuit;
import org.zged.circuit.Element;

/** The topology templates and sampling; the labels are in {@link FamilyLabelTest}. */
class FilterFamilyTest {

  @Test
  void twelveFamiliesSixFromTheSeed() {
    assertEquals(12, FilterFamily.values().length);
    assertEquals(
        List.of(
            FilterFamily.RC_LOWPASS,
            FilterFamily.RC_HIGHPASS,
            FilterFamily.RLC_LOWPASS,
            FilterFamily.TANK_BANDPASS,
            FilterFamily.RLC_SERIES,
            FilterFamily.RLC_PARALLEL),
        FilterFamily.seedFamilies());
    assertEquals("band_pass", FilterFamily.RLC_LOWPASS.seedName());
    assertEquals("band_stop", FilterFamily.TANK_BANDPASS.seedName());
    assertEquals("low_pass", FilterFamily.RC_LOWPASS.seedName());
    assertNull(FilterFamily.NOTCH_BANDSTOP.seedName());
  }

  @Test
  void parseById() {
    assertEquals(FilterFamily.TANK_BANDPASS, FilterFamily.parse("tank_bandpass"));
    assertEquals(FilterFamily.RL_HIGHPASS, FilterFamily.parse(" RL-HighPass "));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> FilterFamily.parse("band_pass"));
    assertTrue(e.getMessage().contains("unknown family 'band_pass'"), e.getMessage());
  }

  /** The element list of each family, written out by hand from the issue's table. */
  @Test
  void topologiesAreTheIssueTable() {
    assertTopology(FilterFamily.RC_LOWPASS, "R1 vin vout", "C1 vout 0");
    assertTopology(FilterFamily.RC_HIGHPASS, "C1 vin vout", "R1 vout 0");
    assertTopology(FilterFamily.RLC_LOWPASS, "R1 vin n1", "L1 n1 vout", "C1 vout 0");
    assertTopology(FilterFamily.RLC_BANDPASS, "L1 vin n1", "C1 n1 vout", "R1 vout 0");
    assertTopology(
        FilterFamily.TANK_BANDPASS,
        "Rs vin n1",
        "L1 n1 0",
        "C1 n1 0",
        "Rp n1 0",
        "Rl n1 vout",
        "Ro vout 0");
    assertTopology(
        FilterFamily.NOTCH_BANDSTOP, "Rs vin n1", "L1 n1 n2", "C1 n2 0", "Rl n1 vout", "Ro vout 0");
    assertTopology(FilterFamily.RLC_SERIES, "R1 vin n1", "L1 n1 n2", "C1 n2 vout", "Rl vout 0");
    assertTopology(FilterFamily.RLC_PARALLEL, "Rs vin vout", "L1 vout 0", "C1 vout 0", "Rp vout 0");
    assertTopology(FilterFamily.LC_LOWPASS, "L1 vin vout", "C1 vout 0");
    assertTopology(FilterFamily.CL_HIGHPASS, "C1 vin vout", "L1 vout 0");
    assertTopology(FilterFamily.RL_LOWPASS, "L1 vin vout", "R1 vout 0");
    assertTopology(FilterFamily.RL_HIGHPASS, "R1 vin vout", "L1 vout 0");
  }

  private static void assertTopology(FilterFamily f, String... expected) {
    Circuit c = f.sample(new SplittableRandom(1));
    List<String> actual =
        c.elements().stream().map(e -> e.name() + " " + e.nodeA() + " " + e.nodeB()).toList();
    assertEquals(List.of(expected), actual, f.id());
    for (Element e : c.elements()) {
      assertEquals(e.name().charAt(0), e.kind().letter(), "SPICE letter of " + e.name());
    }
  }

  @ParameterizedTest
  @EnumSource(FilterFamily.class)
  void samplesAreValidAndInRange(FilterFamily f) {
    SplittableRandom rng = new SplittableRandom(5);
    for (int i = 0; i < 2000; i++) {
      Circuit c = f.sample(rng);
      assertTrue(c.isValid(), c.problems().toString());
      for (ValueRange r : f.ranges()) {
        double v = c.element(r.name()).value();
        assertTrue(r.contains(v), r.name() + " = " + v + " outside " + r);
        assertEquals(v, DecimalText.round(v, 6), "6 significant digits");
      }
    }
  }

  /** Log-uniform: each decade of a range gets its share of the draws. */
  @Test
  void valuesAreLogUniform() {
    ValueRange r = new ValueRange("R1", org.zged.circuit.ElementKind.R, 2, 5);
    SplittableRandom rng = new SplittableRandom(9);
    int[] perDecade = new int[3];
    int n = 30_000;
    for (int i = 0; i < n; i++) {
      perDecade[(int) Math.min(2, Math.floor(Math.log10(r.sample(rng)) - 2))]++;
    }
    for (int count : perDecade) {
      assertEquals(n / 3.0, count, 5 * Math.sqrt(n / 3.0), "decade count " + count);
    }
  }

  @Test
  void tiesAreExact() {
    SplittableRandom rng = new SplittableRandom(3);
    for (int i = 0; i < 1000; i++) {
      Circuit tank = FilterFamily.TANK_BANDPASS.sample(rng);
      assertEquals(2 * tank.element("Rs").value(), tank.element("Rp").value());
      assertEquals(tank.element("Rl").value(), tank.element("Ro").value());
      Circuit notch = FilterFamily.NOTCH_BANDSTOP.sample(rng);
      assertEquals(notch.element("Rl").value(), notch.element("Ro").value());
      Circuit series = FilterFamily.RLC_SERIES.sample(rng);
      // 10·R is rounded to the nearest 12-digit decimal so the file can hold it: one ulp at most.
      double rl = series.element("Rl").value();
      assertEquals(10 * series.element("R1").value(), rl, Math.ulp(rl));
    }
  }

  @Test
  void samplingIsAFunctionOfTheStream() {
    for (FilterFamily f : FilterFamily.values()) {
      assertEquals(f.sample(new SplittableRandom(77)), f.sample(new SplittableRandom(77)));
      assertNotEquals(f.sample(new SplittableRandom(77)), f.sample(new SplittableRandom(78)));
    }
  }

  @Test
  void circuitSeedsSeparateFamiliesIndicesAndSeeds() {
    long a = CircuitSeeds.forCircuit(42, FilterFamily.RC_LOWPASS, 0).nextLong();
    assertEquals(a, CircuitSeeds.forCircuit(42, FilterFamily.RC_LOWPASS, 0).nextLong());
    assertNotEquals(a, CircuitSeeds.forCircuit(42, FilterFamily.RC_LOWPASS, 1).nextLong());
    assertNotEquals(a, CircuitSeeds.forCircuit(42, FilterFamily.RC_HIGHPASS, 0).nextLong());
    assertNotEquals(a, CircuitSeeds.forCircuit(43, FilterFamily.RC_LOWPASS, 0).nextLong());
  }
}
