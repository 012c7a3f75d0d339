package org.zged.netlist;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.zged.InputException;
import org.zged.circuit.ElementKind;

/**
 * Pass one of reading: each statement checked on its own and turned into a raw element, a source,
 * the title or the sweep. Whole-netlist questions (which node is VIN, is anything floating) are
 * {@link NetlistAssembler}'s.
 */
final class ParsedNetlist {
  /** An R, C or L line with the user's node names (lower case, ground as "0"). */
  record RawElement(String name, ElementKind kind, String a, String b, double value, int line) {}

  /** A V line: its nodes and whether it has an AC part. */
  record Source(String name, String a, String b, boolean ac, int line) {}

  final String source;
  final int lastLine;
  final List<RawElement> elements = new ArrayList<>();
  final List<Source> sources = new ArrayList<>();
  private final Map<String, Integer> nameLines = new HashMap<>();
  String title;
  AcSweep sweep;
  private int sweepLine;

  ParsedNetlist(String source, NetlistLexer.Lexed lexed) {
    this.source = source;
    this.lastLine = lexed.lastLine();
    this.title = lexed.title();
  }

  InputException error(int line, String reason) {
    return new InputException(source + ":" + line, reason);
  }

  void accept(Statement st) {
    String first = st.name();
    if (first.startsWith(".")) {
      dotCommand(st);
      return;
    }
    char letter = Character.toUpperCase(first.charAt(0));
    ElementKind kind = ElementKind.ofLetter(letter);
    if (kind != null) {
      element(st, kind);
    } else if (letter == 'V') {
      voltageSource(st);
    } else {
      throw error(
          st.line(),
          "unsupported element '"
              + first
              + "': zged reads R, C and L elements and one AC voltage source V");
    }
  }

  private void dotCommand(Statement st) {
    String cmd = st.name().toLowerCase(Locale.ROOT);
    switch (cmd) {
      case ".title" -> title = st.restOfFirstLine();
      case ".ac" -> acSweep(st);
      default ->
          throw error(
              st.line(),
              "unsupported dot-command '"
                  + st.name()
                  + "' (zged reads .title, .ac and .end; remove the line)");
    }
  }

  private void acSweep(Statement st) {
    if (sweep != null) {
      throw error(st.line(), "second .ac line (the first is on line " + sweepLine + ")");
    }
    if (st.size() != 5) {
      throw error(st.line(), "malformed .ac line: expected '.ac dec POINTS FSTART FSTOP'");
    }
    if (!st.token(1).equalsIgnoreCase("dec")) {
      throw error(
          st.lineOf(1),
          "unsupported sweep '" + st.token(1) + "' in .ac: zged reads '.ac dec' sweeps");
    }
    double points = number(st, 2, "the points per decade");
    if (points != Math.rint(points) || points < 1 || points > 1e6) {
      throw error(
          st.lineOf(2),
          "bad points per decade '" + st.token(2) + "' in .ac: need a whole number >= 1");
    }
    double fStart = positive(st, 3, "the start frequency");
    double fStop = positive(st, 4, "the stop frequency");
    if (!(fStop > fStart)) {
      throw error(
          st.lineOf(4),
          "stop frequency " + st.token(4) + " must be above start frequency " + st.token(3));
    }
    sweep = new AcSweep((int) points, fStart, fStop);
    sweepLine = st.line();
  }

  private void element(Statement st, ElementKind kind) {
    if (st.size() < 4) {
      throw error(
          st.lineOf(st.size()),
          "malformed line: expected '"
              + st.name()
              + " NODE NODE VALUE', got only "
              + st.size()
              + " field"
              + (st.size() == 1 ? "" : "s"));
    }
    if (st.size() > 4) {
      throw error(
          st.lineOf(4),
          "unsupported parameter '"
              + st.token(4)
              + "' after the value of "
              + st.name()
              + " (zged reads NAME NODE NODE VALUE)");
    }
    claimName(st);
    String a = NetlistReader.node(st.token(1));
    String b = NetlistReader.node(st.token(2));
    if (a.equals(b)) {
      throw error(st.line(), "element " + st.name() + " connects node " + a + " to itself");
    }
    double value = positive(st, 3, st.name());
    String range = org.zged.analysis.AnalysableRange.problem(value);
    if (range != null) {
      throw error(st.lineOf(3), "value " + st.token(3) + " of " + st.name() + " " + range);
    }
    elements.add(new RawElement(st.name(), kind, a, b, value, st.line()));
  }

  /** {@code V1 in 0 [DC v] [AC [mag [phase]]]} (a bare number is the DC value). */
  private void voltageSource(Statement st) {
    if (st.size() < 3) {
      throw error(
          st.lineOf(st.size()), "malformed line: expected '" + st.name() + " NODE NODE AC 1'");
    }
    claimName(st);
    String a = NetlistReader.node(st.token(1));
    String b = NetlistReader.node(st.token(2));
    if (a.equals(b)) {
      throw error(st.line(), "source " + st.name() + " connects node " + a + " to itself");
    }
    boolean ac = false;
    int i = 3;
    while (i < st.size()) {
      String t = st.token(i).toLowerCase(Locale.ROOT);
      if (t.equals("dc")) {
        number(st, i + 1, "the DC value of " + st.name());
        i += 2;
      } else if (t.equals("ac")) {
        ac = true;
        i++;
        // Magnitude and phase are optional; H = V(VOUT)/V(VIN) does not depend on them.
        for (int k = 0; k < 2 && i < st.size() && isNumber(st.token(i)); k++) {
          i++;
        }
      } else if (i == 3 && isNumber(t)) {
        i++;
      } else {
        throw error(
            st.lineOf(i),
            "unsupported source parameter '"
                + st.token(i)
                + "' in "
                + st.name()
                + " (zged reads 'NAME NODE NODE [DC v] AC [mag [phase]]')");
      }
    }
    sources.add(new Source(st.name(), a, b, ac, st.line()));
  }

  private void claimName(Statement st) {
    Integer before = nameLines.putIfAbsent(st.name().toLowerCase(Locale.ROOT), st.line());
    if (before != null) {
      throw error(
          st.line(),
          "duplicate element name " + st.name() + " (first defined on line " + before + ")");
    }
  }

  private double number(Statement st, int i, String what) {
    if (i >= st.size()) {
      throw error(st.lineOf(i), "missing " + what);
    }
    try {
      return SpiceNumber.parse(st.token(i));
    } catch (SpiceNumber.BadNumberException e) {
      throw error(st.lineOf(i), "bad value '" + st.token(i) + "' for " + what + ": " + e.reason());
    }
  }

  private double positive(Statement st, int i, String what) {
    double v = number(st, i, what);
    if (!(v > 0)) {
      throw error(st.lineOf(i), "bad value '" + st.token(i) + "' for " + what + ": must be > 0");
    }
    return v;
  }

  private static boolean isNumber(String s) {
    try {
      SpiceNumber.parse(s);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
