package org.zged.netlist;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.zged.InputException;
import org.zged.circuit.Circuit;
import org.zged.circuit.Element;
import org.zged.circuit.ElementKind;

/**
 * Reads the passive subset of SPICE: R, C, L elements, one AC voltage source, {@code .title},
 * {@code .ac}, {@code .end}, comments and continuation lines (see docs/cli-simulate.md).
 *
 * <p>Everything else is an error naming the line, never silently skipped: a skipped line would be a
 * different circuit analysed without a word. Errors are {@link InputException}s with the location
 * {@code FILE:LINE}.
 *
 * <p>Which node is which: VIN is the non-ground node of the AC source (or a node named {@code vin}
 * when there is no source), VOUT the node named {@code vout}; {@code inNode} / {@code outNode} (the
 * {@code --in} / {@code --out} options) override both. Ground is {@code 0} or {@code gnd}. The
 * user's node names become the canonical {@link Circuit} names.
 */
public final class NetlistReader {
  private NetlistReader() {}

  /** Reads a netlist file; {@code inNode}/{@code outNode} may be null. */
  public static Circuit read(Path file, String inNode, String outNode) {
    return readNetlist(file, inNode, outNode).circuit();
  }

  /** Parses netlist text; {@code sourceName} names it in error messages. */
  public static Circuit parse(String text, String sourceName, String inNode, String outNode) {
    return parseNetlist(text, sourceName, inNode, outNode).circuit();
  }

  public static Netlist readNetlist(Path file, String inNode, String outNode) {
    return parseNetlist(readText(file), file.toString(), inNode, outNode);
  }

  public static Netlist parseNetlist(
      String text, String sourceName, String inNode, String outNode) {
    NetlistLexer.Lexed lexed = NetlistLexer.lex(text, sourceName);
    Parsed parsed = new Parsed(sourceName, lexed);
    for (Statement st : lexed.statements()) {
      parsed.accept(st);
    }
    return new NetlistAssembler(parsed, inNode, outNode).assemble();
  }

  /**
   * Reads a file as UTF-8 (UTF-16 when it starts with a byte-order mark, as LTspice may write),
   * falling back to ISO-8859-1 so that a stray 'µ' in Latin-1 does not make the file unreadable.
   */
  static String readText(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new InputException(file.toString(), "cannot read: no such file");
    } catch (IOException e) {
      String why = Files.isDirectory(file) ? "is a directory" : String.valueOf(e.getMessage());
      throw new InputException(file.toString(), "cannot read: " + why);
    }
    if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xfe) {
      return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
    }
    if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xfe && (bytes[1] & 0xff) == 0xff) {
      return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
    }
    try {
      String s =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      return s.startsWith("\uFEFF") ? s.substring(1) : s;
    } catch (CharacterCodingException e) {
      return new String(bytes, StandardCharsets.ISO_8859_1);
    }
  }

  /** An R, C or L line with the user's node names (lower case, ground as "0"). */
  record RawElement(String name, ElementKind kind, String a, String b, double value, int line) {}

  /** A V line: its nodes and whether it has an AC part. */
  record Source(String name, String a, String b, boolean ac, int line) {}

  /** The statements of one file turned into raw elements, sources, title and sweep. */
  static final class Parsed {
    final String source;
    final int lastLine;
    final List<RawElement> elements = new ArrayList<>();
    final List<Source> sources = new ArrayList<>();
    private final Map<String, Integer> nameLines = new HashMap<>();
    String title;
    AcSweep sweep;
    private int sweepLine;

    Parsed(String source, NetlistLexer.Lexed lexed) {
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
      String a = node(st.token(1));
      String b = node(st.token(2));
      if (a.equals(b)) {
        throw error(st.line(), "element " + st.name() + " connects node " + a + " to itself");
      }
      double value = positive(st, 3, st.name());
      elements.add(new RawElement(st.name(), kind, a, b, value, st.line()));
    }

    /** {@code V1 in 0 [DC v] [AC [mag [phase]]]} (a bare number is the DC value). */
    private void voltageSource(Statement st) {
      if (st.size() < 3) {
        throw error(
            st.lineOf(st.size()), "malformed line: expected '" + st.name() + " NODE NODE AC 1'");
      }
      claimName(st);
      String a = node(st.token(1));
      String b = node(st.token(2));
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
        throw error(
            st.lineOf(i), "bad value '" + st.token(i) + "' for " + what + ": " + e.reason());
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

  /** A user's node name as a key: lower case, with both ground spellings as "0". */
  static String node(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.equals("gnd") ? Circuit.GND : n;
  }

  /** Builds the circuit from raw elements: which node is VIN/VOUT, canonical names, checks. */
  static final class NetlistAssembler {
    private final Parsed p;
    private final String inOption;
    private final String outOption;

    NetlistAssembler(Parsed parsed, String inNode, String outNode) {
      this.p = parsed;
      this.inOption = inNode == null ? null : node(inNode.strip());
      this.outOption = outNode == null ? null : node(outNode.strip());
    }

    Netlist assemble() {
      if (p.elements.isEmpty()) {
        throw p.error(p.lastLine, "the netlist has no R, C or L elements");
      }
      List<String> nodes = userNodes();
      Source acSource = acSource();
      String in = inputNode(nodes, acSource);
      String out = outputNode(nodes);
      if (in.equals(out)) {
        throw p.error(
            p.lastLine, "input and output are the same node '" + in + "'; choose another --out");
      }
      Map<String, String> canonical = canonicalNames(nodes, in, out);
      List<Element> elements = new ArrayList<>();
      Map<String, Integer> lines = new LinkedHashMap<>();
      for (RawElement r : p.elements) {
        elements.add(
            new Element(r.name(), r.kind(), canonical.get(r.a()), canonical.get(r.b()), r.value()));
        lines.put(r.name(), r.line());
      }
      Circuit circuit = new Circuit(p.title, elements);
      new ConnectivityCheck(p, in, out).run();
      // Safety net: anything the located checks above missed still stops here.
      List<String> problems = circuit.problems();
      if (!problems.isEmpty()) {
        throw p.error(p.lastLine, problems.get(0));
      }
      return new Netlist(p.source, circuit, p.sweep, in, out, lines);
    }

    /** Nodes of the R, C, L elements in order of appearance. */
    private List<String> userNodes() {
      List<String> nodes = new ArrayList<>();
      for (RawElement r : p.elements) {
        for (String n : List.of(r.a(), r.b())) {
          if (!nodes.contains(n)) {
            nodes.add(n);
          }
        }
      }
      return nodes;
    }

    private Source acSource() {
      Source found = null;
      for (Source s : p.sources) {
        if (!s.ac()) {
          throw p.error(
              s.line(),
              "voltage source "
                  + s.name()
                  + " has no AC part; zged analyses exactly one AC source (e.g. 'V1 in 0 AC 1')");
        }
        if (found != null) {
          throw p.error(
              s.line(),
              "second AC source "
                  + s.name()
                  + " (the first is "
                  + found.name()
                  + " on line "
                  + found.line()
                  + "); zged analyses exactly one");
        }
        if (!s.a().equals(Circuit.GND) && !s.b().equals(Circuit.GND)) {
          throw p.error(
              s.line(), "source " + s.name() + " must have one terminal at ground (0 or gnd)");
        }
        found = s;
      }
      return found;
    }

    private String inputNode(List<String> nodes, Source acSource) {
      if (inOption != null) {
        return existing(inOption, nodes, "--in");
      }
      if (acSource != null) {
        String n = acSource.a().equals(Circuit.GND) ? acSource.b() : acSource.a();
        if (!nodes.contains(n)) {
          throw p.error(
              acSource.line(),
              "the source's node '" + n + "' touches no R, C or L element" + nodeList(nodes));
        }
        return n;
      }
      if (nodes.contains(Circuit.VIN)) {
        return Circuit.VIN;
      }
      throw p.error(
          p.lastLine,
          "no AC voltage source (e.g. 'V1 in 0 AC 1') and no node named 'vin': "
              + "tell zged the input node with --in NODE"
              + nodeList(nodes));
    }

    private String outputNode(List<String> nodes) {
      if (outOption != null) {
        return existing(outOption, nodes, "--out");
      }
      if (nodes.contains(Circuit.VOUT)) {
        return Circuit.VOUT;
      }
      throw p.error(
          p.lastLine,
          "no node named 'vout': tell zged which node is the output with --out NODE"
              + nodeList(nodes));
    }

    private String existing(String n, List<String> nodes, String option) {
      if (n.equals(Circuit.GND)) {
        throw new InputException(option, "ground (0) cannot be the " + option.substring(2) + "put");
      }
      if (!nodes.contains(n)) {
        throw new InputException(
            option, "no node named '" + n + "' in " + p.source + nodeList(nodes));
      }
      return n;
    }

    private static String nodeList(List<String> nodes) {
      List<String> shown = nodes.stream().filter(n -> !n.equals(Circuit.GND)).toList();
      return shown.isEmpty() ? "" : " (nodes: " + String.join(", ", shown) + ")";
    }

    /**
     * User name to canonical name. A user's node that happens to be called "vin" or "vout" but is
     * not the input/output is renamed so it cannot merge with the real VIN/VOUT.
     */
    private static Map<String, String> canonicalNames(List<String> nodes, String in, String out) {
      Map<String, String> map = new HashMap<>();
      for (String n : nodes) {
        if (n.equals(in)) {
          map.put(n, Circuit.VIN);
        } else if (n.equals(out)) {
          map.put(n, Circuit.VOUT);
        } else if (n.equals(Circuit.VIN) || n.equals(Circuit.VOUT)) {
          String renamed = "x_" + n;
          while (nodes.contains(renamed)) {
            renamed = "x_" + renamed;
          }
          map.put(n, renamed);
        } else {
          map.put(n, n);
        }
      }
      return map;
    }
  }
}
