package org.zged.netlist;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.zged.InputException;

/**
 * Whatever text arrives, the reader either returns a valid circuit or throws an {@link
 * InputException} with one line {@code f.cir:LINE: reason}: never another exception, never a
 * multi-line message. Inputs are valid netlists with a few random edits (a token replaced by
 * netlist vocabulary, a line dropped, duplicated or moved), so they get deep into the reader.
 */
class NetlistFuzzProperties {
  private static final List<String> BASES =
      List.of(
          "rc\nV1 in 0 AC 1\nR1 in vout 1.6k\nC1 vout 0 100n\n.ac dec 10 10 1meg\n.end",
          "tank\nV1 vin 0 DC 0 AC 1\nRs vin n1 1k\nL1 n1 0 1m\nC1 n1 0 100n\nRp n1 0 2k\n"
              + "Rl n1 vout 10k\nRo vout 0 10k",
          "* ladder\nV1 in 0 AC 1\nRs in n1 1k\nC1 n1 0 15.9n\nL2 n1\n+ vout 31.8m\n"
              + "C3 vout 0 15.9n ; shunt\nRL vout gnd 1k\n.end");

  private static final List<String> VOCABULARY =
      List.of(
          "R9", "C9", "L9", "V9", "Q1", "X1", "+", "*", ";", ".tran", ".ac", ".end", ".title", "0",
          "gnd", "in", "vin", "vout", "n1", "n7", "10k", "1uF", "-5", "nan", "10x", "0", "1e400",
          "AC", "DC", "SIN(0", "ic=0", "", "R1", "dec", "lin", "\t", "1MEG", "Ω");

  /** One random edit: kind, which line, which token, which word. */
  record Edit(int kind, int line, int token, String word) {}

  @Property(tries = 2000)
  void anyTextGivesACircuitOrOneLocatedLine(@ForAll("edited") String text) {
    try {
      Netlist n = NetlistReader.parseNetlist(text, "f.cir", null, null);
      assertTrue(n.circuit().problems().isEmpty(), () -> n.circuit().problems().toString());
      Statistics.collect("read a circuit");
    } catch (InputException e) {
      String m = e.getMessage();
      assertFalse(m.contains("\n") || m.contains("\r"), () -> "one line: " + m);
      assertTrue(m.matches("f\\.cir:\\d+: .+"), () -> "located: " + m);
      Statistics.collect("input error");
    }
  }

  @Provide
  Arbitrary<String> edited() {
    Arbitrary<Edit> edit =
        Combinators.combine(
                Arbitraries.integers().between(0, 4),
                Arbitraries.integers().between(0, 20),
                Arbitraries.integers().between(0, 5),
                Arbitraries.of(VOCABULARY))
            .as(Edit::new);
    return Combinators.combine(Arbitraries.of(BASES), edit.list().ofMaxSize(3))
        .as(NetlistFuzzProperties::apply);
  }

  private static String apply(String base, List<Edit> edits) {
    List<String> lines = new ArrayList<>(Arrays.asList(base.split("\n", -1)));
    for (Edit e : edits) {
      int i = e.line() % lines.size();
      switch (e.kind()) {
        case 0, 1 -> {
          List<String> tokens = new ArrayList<>(Arrays.asList(lines.get(i).split(" ", -1)));
          tokens.set(e.token() % tokens.size(), e.word());
          lines.set(i, String.join(" ", tokens));
        }
        case 2 -> {
          if (lines.size() > 1) {
            lines.remove(i);
          }
        }
        case 3 -> lines.add(i, lines.get(i));
        default -> lines.add(e.token() % lines.size(), lines.remove(i));
      }
    }
    return String.join("\n", lines);
  }
}
