package org.zged.netlist;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.zged.circuit.Circuit;
import org.zged.circuit.Element;
import org.zged.circuit.ElementKind;

/** Writing a circuit as a netlist and reading it back gives the same circuit, bit for bit. */
class NetlistRoundTripProperties {

  @Property(tries = 500)
  void writeThenReadIsExact(@ForAll("circuits") Circuit circuit, @ForAll("sweeps") AcSweep sweep) {
    Netlist back =
        NetlistReader.parseNetlist(NetlistWriter.write(circuit, sweep), "rt.cir", null, null);
    assertEquals(circuit, back.circuit());
    assertEquals(circuit.title(), back.circuit().title());
    assertEquals(sweep, back.sweep());
  }

  @Property(tries = 2000)
  void everyPositiveDoubleSurvivesFormatting(@ForAll("values") double v) {
    assertEquals(v, SpiceNumber.parse(NetlistWriter.formatValue(v)));
  }

  /** Positive doubles with all 52 mantissa bits random, from about 1e-18 to 1e12. */
  @Provide
  Arbitrary<Double> values() {
    return Combinators.combine(
            Arbitraries.integers().between(-60, 40), Arbitraries.longs().between(0, (1L << 52) - 1))
        .as((exp, mantissa) -> Double.longBitsToDouble(((long) (exp + 1023) << 52) | mantissa));
  }

  @Provide
  Arbitrary<AcSweep> sweeps() {
    return Combinators.combine(
            Arbitraries.integers().between(1, 1000),
            values(),
            Arbitraries.doubles().between(0.001, 6).ofScale(6).map(d -> Math.pow(10, d)))
        .as((n, f, ratio) -> new AcSweep(n, f, f * ratio));
  }

  /**
   * Valid circuits: a chain VIN → internal nodes → VOUT, a shunt to ground at every internal node
   * and at VOUT (so nothing floats), then extra elements between random node pairs.
   */
  @Provide
  Arbitrary<Circuit> circuits() {
    Arbitrary<String> title =
        Arbitraries.strings()
            .withChars("abcdefghij XYZ-")
            .ofMinLength(1)
            .ofMaxLength(30)
            .map(String::strip)
            .filter(s -> !s.isEmpty() && !s.startsWith("-"));
    Arbitrary<List<String>> internal =
        Arbitraries.strings()
            .withChars("abcnxyz_0123456789")
            .ofMinLength(1)
            .ofMaxLength(6)
            .map(s -> "n" + s)
            .list()
            .uniqueElements()
            .ofMaxSize(4);
    Arbitrary<ElementKind> kind = Arbitraries.of(ElementKind.class);
    Arbitrary<List<Tuple.Tuple4<ElementKind, Integer, Integer, Double>>> extras =
        Combinators.combine(
                kind,
                Arbitraries.integers().between(0, 99),
                Arbitraries.integers().between(0, 99),
                values())
            .as(Tuple::of)
            .list()
            .ofMaxSize(5);
    Arbitrary<List<ElementKind>> kinds = kind.list().ofSize(12);
    Arbitrary<List<Double>> vals = values().list().ofSize(12);
    return Combinators.combine(title, internal, kinds, vals, extras)
        .as(NetlistRoundTripProperties::build);
  }

  private static Circuit build(
      String title,
      List<String> internal,
      List<ElementKind> kinds,
      List<Double> values,
      List<Tuple.Tuple4<ElementKind, Integer, Integer, Double>> extras) {
    List<String> chain = new ArrayList<>();
    chain.add(Circuit.VIN);
    chain.addAll(internal);
    chain.add(Circuit.VOUT);
    List<Element> elements = new ArrayList<>();
    int k = 0;
    for (int i = 0; i + 1 < chain.size(); i++, k++) {
      elements.add(element(kinds.get(k), k, chain.get(i), chain.get(i + 1), values.get(k)));
    }
    for (int i = 1; i < chain.size(); i++, k++) {
      elements.add(element(kinds.get(k), k, chain.get(i), Circuit.GND, values.get(k)));
    }
    List<String> all = new ArrayList<>(chain);
    all.add(Circuit.GND);
    for (var x : extras) {
      String a = all.get(x.get2() % all.size());
      String b = all.get(x.get3() % all.size());
      if (!a.equals(b)) {
        elements.add(element(x.get1(), k++, a, b, x.get4()));
      }
    }
    return new Circuit(title, elements);
  }

  private static Element element(ElementKind kind, int index, String a, String b, double v) {
    // Mixed-case names check that the reader keeps names as written.
    String name = (index % 2 == 0 ? kind.name() : kind.name().toLowerCase()) + index;
    return new Element(name, kind, a, b, v);
  }
}
