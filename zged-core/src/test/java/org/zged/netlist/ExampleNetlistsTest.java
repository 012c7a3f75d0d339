package org.zged.netlist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.zged.analysis.CircuitAnalyzer;
import org.zged.circuit.Circuit;
import org.zged.circuit.Element;
import org.zged.dataset.FilterFamily;
import org.zged.dataset.ValueRange;

/**
 * examples/FAMILY.cir is a member of that dataset family: the family's own template built from the
 * example's values is the same circuit, every drawn value lies in the family's range, and the exact
 * analysis classifies it as the family's name promises.
 */
class ExampleNetlistsTest {

  @ParameterizedTest
  @EnumSource(FilterFamily.class)
  void exampleIsAMemberOfItsFamily(FilterFamily family) {
    Path file = examples().resolve(family.id() + ".cir");
    assertTrue(Files.exists(file), "missing " + file);
    Circuit example = NetlistReader.read(file, null, null);
    double[] values = new double[family.ranges().size()];
    for (int i = 0; i < values.length; i++) {
      ValueRange range = family.ranges().get(i);
      Element e = example.element(range.name());
      assertTrue(e != null, family.id() + ": no element " + range.name());
      assertEquals(range.kind(), e.kind(), range.name());
      double log = Math.log10(e.value());
      assertTrue(
          log >= range.log10Min() && log <= range.log10Max(),
          () ->
              family.id()
                  + ": "
                  + e
                  + " outside 10^["
                  + range.log10Min()
                  + ", "
                  + range.log10Max()
                  + "]");
      values[i] = e.value();
    }
    assertEquals(asSet(family.build(values)), asSet(example), family.id());
    assertEquals(
        family.expectedClass(),
        CircuitAnalyzer.specs(example).responseClass(),
        family.id() + " classifies as its name says");
  }

  /** Elements as (name, kind, unordered nodes, value): the order of lines does not matter. */
  private static Set<String> asSet(Circuit c) {
    Set<String> out = new HashSet<>();
    for (Element e : c.elements()) {
      String a = e.nodeA().compareTo(e.nodeB()) < 0 ? e.nodeA() : e.nodeB();
      String b = a.equals(e.nodeA()) ? e.nodeB() : e.nodeA();
      out.add(e.name() + " " + e.kind() + " " + a + "-" + b + " " + e.value());
    }
    return out;
  }

  private static Path examples() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("examples")) && Files.exists(p.resolve("pom.xml"))) {
        return p.resolve("examples");
      }
    }
    throw new IllegalStateException("no examples folder");
  }
}
