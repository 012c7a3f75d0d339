package org.zged.netlist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zged.InputException;
import org.zged.circuit.Circuit;
import org.zged.circuit.Element;
import org.zged.circuit.ElementKind;

class NetlistReaderTest {

  private static Netlist read(String text) {
    return NetlistReader.parseNetlist(text, "f.cir", null, null);
  }

  private static Netlist read(String text, String in, String out) {
    return NetlistReader.parseNetlist(text, "f.cir", in, out);
  }

  private static String error(String text) {
    return error(text, null, null);
  }

  private static String error(String text, String in, String out) {
    return assertThrows(InputException.class, () -> read(text, in, out)).getMessage();
  }

  private static void assertError(String expected, String actual) {
    assertTrue(
        actual.startsWith(expected),
        () -> "expected '" + expected + "...' but got '" + actual + "'");
  }

  // ---- dialect features -------------------------------------------------------------------

  @Test
  void readsAPlainRcLowPass() {
    Netlist n = read("RC low-pass\nV1 in 0 AC 1\nR1 in vout 1k\nC1 vout 0 100n\n.end\n");
    Circuit c = n.circuit();
    assertEquals("RC low-pass", c.title());
    assertEquals(
        List.of(
            new Element("R1", ElementKind.R, "vin", "vout", 1000),
            new Element("C1", ElementKind.C, "vout", "0", 1e-7)),
        c.elements());
    assertEquals("in", n.inNode());
    assertEquals("vout", n.outNode());
    assertNull(n.sweep());
    assertEquals(3, n.elementLines().get("R1"));
    assertEquals(4, n.elementLines().get("C1"));
  }

  @Test
  void commentsContinuationsAndCaseAreHandled() {
    String text =
        String.join(
            "\n",
            "* a title written as a comment",
            "* a comment line",
            "   * an indented comment line",
            "",
            "vsrc IN gnd dc 0 ac 1 0 ; LTspice-style comment",
            "R1 IN",
            "+ N1",
            "* a comment between continuation lines is skipped",
            "+ 1.5K",
            "l1 n1 VOUT 10mH $ ngspice-style comment",
            "C1 Vout GND 1uF",
            ".END",
            "this line comes after .end and is not read");
    Netlist n = read(text);
    Circuit c = n.circuit();
    assertEquals("a title written as a comment", c.title());
    assertEquals(new Element("R1", ElementKind.R, "vin", "n1", 1500), c.elements().get(0));
    assertEquals(new Element("l1", ElementKind.L, "n1", "vout", 0.01), c.elements().get(1));
    assertEquals(new Element("C1", ElementKind.C, "vout", "0", 1e-6), c.elements().get(2));
    assertEquals(6, n.elementLines().get("R1"));
  }

  @Test
  void dotTitleAndAcAreRead() {
    Netlist n =
        read(
            "first line\n.title  The  real title \nV1 vin 0 AC 1\nR1 vin vout 1k\nC1 vout 0 1u\n"
                + ".ac dec 20 1 1meg\n");
    assertEquals("The  real title", n.circuit().title());
    assertEquals(new AcSweep(20, 1, 1e6), n.sweep());
  }

  @Test
  void dotCommandOnTheFirstLineIsReadNotDropped() {
    Netlist n = read(".title my filter\nV1 vin 0 AC 1\nR1 vin vout 1k\nC1 vout 0 1u\n");
    assertEquals("my filter", n.circuit().title());
  }

  @Test
  void withoutASourceANodeNamedVinIsTheInput() {
    Circuit c = read("t\nR1 VIN vout 1k\nC1 vout 0 1u\n").circuit();
    assertEquals("vin", c.elements().get(0).nodeA());
  }

  @Test
  void inAndOutOptionsOverrideTheDefaults() {
    String text = "t\nV1 a 0 AC 1\nR1 a b 1k\nC1 b 0 1u\nR2 b vout 1k\nC2 vout 0 1u\n";
    Netlist n = read(text, null, "B");
    Circuit c = n.circuit();
    assertEquals("b", n.outNode());
    // "b" became VOUT; the user's node "vout" is now an internal node and must not merge with it.
    assertEquals(new Element("R1", ElementKind.R, "vin", "vout", 1000), c.elements().get(0));
    assertEquals(new Element("R2", ElementKind.R, "vout", "x_vout", 1000), c.elements().get(2));
    assertEquals("b", n.userNode("vout"));
    assertEquals("a", n.userNode("vin"));
    assertEquals("vout", n.userNode("x_vout"));
    assertEquals("0", n.userNode("0"));
    Netlist m = read("t\nR1 p q 1k\nC1 q 0 1u\n", "p", "q");
    assertEquals(
        new Element("R1", ElementKind.R, "vin", "vout", 1000), m.circuit().elements().get(0));
  }

  @Test
  void sourceWrittenGroundFirstAndBareDcValueAreAccepted() {
    Circuit c = read("t\nV1 0 in 5 AC\nR1 in vout 1k\nC1 vout 0 1u\n").circuit();
    assertEquals("vin", c.elements().get(0).nodeA());
  }

  @Test
  void writerOutputReadsBackExactly() {
    Circuit c =
        Circuit.builder()
            .title("ladder")
            .r("R1", "vin", "n1", 123.456789)
            .l("L1", "n1", "vout", 1.0 / 3)
            .c("C1", "vout", "0", 2.2e-9)
            .c("C2", "n1", "0", Math.PI * 1e-12)
            .build();
    Netlist n = read(NetlistWriter.write(c, new AcSweep(7, 2.5, 3e7)));
    assertEquals(c, n.circuit());
    assertEquals("ladder", n.circuit().title());
    assertEquals(new AcSweep(7, 2.5, 3e7), n.sweep());
  }

  @Test
  void writerGivesMisnamedElementsTheirSpiceLetter() {
    Circuit c =
        Circuit.builder()
            .r("load", "vin", "vout", 50)
            .l("C5", "vout", "0", 1e-3)
            .c("c 2", "vout", "0", 1e-9)
            .build();
    String text = NetlistWriter.write(c);
    assertTrue(text.contains("\nRload vin vout 50.0\n"), text);
    assertTrue(text.contains("\nLC5 vout 0 0.001\n"), text);
    assertTrue(text.contains("\nc_2 vout 0 1.0e-9\n"), text);
    List<Element> back = read(text).circuit().elements();
    assertEquals(new Element("LC5", ElementKind.L, "vout", "0", 1e-3), back.get(1));
  }

  @Test
  void readsFilesInUtf8Latin1AndUtf16(@TempDir Path dir) throws Exception {
    String text = "t\nV1 in 0 AC 1\nR1 in vout 1kΩ\nC1 vout 0 10µF\n";
    Circuit expected = read(text).circuit();
    Path utf8 = dir.resolve("a.cir");
    Files.writeString(utf8, text, StandardCharsets.UTF_8);
    Path latin1 = dir.resolve("b.cir");
    Files.write(
        latin1,
        "t\nV1 in 0 AC 1\nR1 in vout 1k\nC1 vout 0 10µF\n".getBytes(StandardCharsets.ISO_8859_1));
    Path utf16 = dir.resolve("c.cir");
    byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
    byte[] bom = new byte[body.length + 2];
    bom[0] = (byte) 0xff;
    bom[1] = (byte) 0xfe;
    System.arraycopy(body, 0, bom, 2, body.length);
    Files.write(utf16, bom);
    for (Path p : List.of(utf8, latin1, utf16)) {
      assertEquals(expected, NetlistReader.read(p, null, null), p.toString());
    }
  }

  // ---- errors, each with the exact FILE:LINE ------------------------------------------------

  @Test
  void badValuesNameTheLineAndTheValue() {
    String head = "t\nV1 in 0 AC 1\nR1 in vout 1k\n";
    assertError(
        "f.cir:4: bad value '10x' for C1: unknown suffix 'x'", error(head + "C1 vout 0 10x\n"));
    assertError("f.cir:4: bad value '-5' for C1: must be > 0", error(head + "C1 vout 0 -5\n"));
    assertError("f.cir:4: bad value 'nan' for C1: not a number", error(head + "C1 vout 0 nan\n"));
    assertError("f.cir:4: bad value '0' for C1: must be > 0", error(head + "C1 vout 0 0\n"));
  }

  @Test
  void badValueOnAContinuationLineIsReportedOnThatLine() {
    assertError(
        "f.cir:5: bad value '1q' for C1: unknown suffix 'q'",
        error("t\nV1 in 0 AC 1\nR1 in vout 1k\nC1 vout 0\n+ 1q\n"));
  }

  @Test
  void unknownElementsAreNamed() {
    assertError(
        "f.cir:4: unsupported element 'Q1'",
        error("t\nV1 in 0 AC 1\nR1 in vout 1k\nQ1 vout b 0 npn\n"));
    assertError("f.cir:3: unsupported element 'X1'", error("t\nV1 in 0 AC 1\nX1 in vout sub\n"));
  }

  @Test
  void unknownDotCommandsAreNamed() {
    assertError(
        "f.cir:5: unsupported dot-command '.tran'",
        error("t\nV1 in 0 AC 1\nR1 in vout 1k\nC1 vout 0 1u\n.tran 1u 1m\n"));
    assertError("f.cir:2: unsupported dot-command '.include'", error("t\n.include models.lib\n"));
  }

  @Test
  void malformedLinesAreReported() {
    assertError(
        "f.cir:3: malformed line: expected 'R1 NODE NODE VALUE', got only 3 fields",
        error("t\nV1 in 0 AC 1\nR1 in vout\nC1 vout 0 1u\n"));
    assertError(
        "f.cir:4: unsupported parameter 'ic=0' after the value of C1",
        error("t\nV1 in 0 AC 1\nR1 in vout 1k\nC1 vout 0 1u ic=0\n"));
    assertError(
        "f.cir:5: malformed .ac line",
        error("t\nV1 in 0 AC 1\nR1 in vout 1k\nC1 vout 0 1u\n.ac dec 10\n"));
    assertError(
        "f.cir:5: unsupported sweep 'lin' in .ac",
        error("t\nV1 in 0 AC 1\nR1 in vout 1k\nC1 vout 0 1u\n.ac lin 10 1 10\n"));
    assertError(
        "f.cir:5: stop frequency 1 must be above start frequency 10",
        error("t\nV1 in 0 AC 1\nR1 in vout 1k\nC1 vout 0 1u\n.ac dec 10 10 1\n"));
    assertError(
        "f.cir:3: unsupported source parameter 'SIN(0'",
        error("t\nR1 in vout 1k\nV1 in 0 SIN(0 1 1k)\nC1 vout 0 1u\n"));
  }

  @Test
  void anElementOnTheFirstLineIsReportedNotDropped() {
    assertError(
        "f.cir:1: the first line of a SPICE netlist is its title, but it looks like an element",
        error("R1 vin vout 1k\nC1 vout 0 1u\n"));
    assertError(
        "f.cir:1: the first line of a SPICE netlist is its title",
        error("V1 in 0 AC 1\nR1 in vout 1k\n"));
    // A title that merely starts with an element letter is a title.
    assertEquals(
        "RC filter",
        read("RC filter\nV1 in 0 AC 1\nR1 in vout 1k\nC1 vout 0 1u\n").circuit().title());
  }

  @Test
  void duplicateNamesAreReportedAtTheSecondDefinition() {
    assertError(
        "f.cir:5: duplicate element name r1 (first defined on line 3)",
        error("t\nV1 in 0 AC 1\nR1 in vout 1k\nC1 vout 0 1u\nr1 in vout 2k\n"));
  }

  @Test
  void missingInputAsksForIn() {
    assertError(
        "f.cir:4: no AC voltage source (e.g. 'V1 in 0 AC 1') and no node named 'vin': tell zged the"
            + " input node with --in NODE (nodes: a, vout)",
        error("t\nR1 a vout 1k\nC1 vout 0 1u\n.end\n"));
  }

  @Test
  void missingOutputAsksForOut() {
    assertError(
        "f.cir:4: no node named 'vout': tell zged which node is the output with --out NODE (nodes:"
            + " in, out)",
        error("t\nV1 in 0 AC 1\nR1 in out 1k\nC1 out 0 1u\n"));
  }

  @Test
  void unknownInOrOutNodeNamesTheOption() {
    String text = "t\nV1 in 0 AC 1\nR1 in out 1k\nC1 out 0 1u\n";
    assertError("--out: no node named 'x' in f.cir (nodes: in, out)", error(text, null, "x"));
    assertError("--in: no node named 'y' in f.cir", error(text, "y", "out"));
    assertError("--out: ground (0) cannot be the output", error(text, null, "gnd"));
  }

  @Test
  void sourceProblemsPointAtTheSource() {
    assertError(
        "f.cir:2: voltage source V1 has no AC part",
        error("t\nV1 in 0 DC 5\nR1 in vout 1k\nC1 vout 0 1u\n"));
    assertError(
        "f.cir:3: second AC source V2 (the first is V1 on line 2)",
        error("t\nV1 in 0 AC 1\nV2 vout 0 AC 1\nR1 in vout 1k\nC1 vout 0 1u\n"));
    assertError(
        "f.cir:2: source V1 must have one terminal at ground",
        error("t\nV1 in a AC 1\nR1 in vout 1k\nC1 vout a 1u\nR2 a 0 1k\n"));
    assertError(
        "f.cir:2: the source's node 'x' touches no R, C or L element",
        error("t\nV1 x 0 AC 1\nR1 vin vout 1k\nC1 vout 0 1u\n"));
  }

  @Test
  void floatingNodeIsReportedAtItsOnlyElement() {
    assertError(
        "f.cir:5: node 'n1' is floating: only R2 connects to it",
        error("t\nV1 in 0 AC 1\nR1 in vout 1k\nC1 vout 0 1u\nR2 vout n1 1k\n"));
  }

  @Test
  void selfLoopIsReportedAtItsLine() {
    assertError(
        "f.cir:4: element R2 connects node vout to itself",
        error("t\nV1 in 0 AC 1\nR1 in vout 1k\nR2 vout VOUT 1k\nC1 vout 0 1u\n"));
  }

  @Test
  void detachedPartIsReported() {
    assertError(
        "f.cir:5: R2 (nodes a, b) is connected to neither the input nor ground",
        error("t\nV1 in 0 AC 1\nR1 in vout 1k\nC1 vout 0 1u\nR2 a b 1k\nR3 a b 2k\n"));
  }

  @Test
  void unreachableOutputIsReported() {
    assertError(
        "f.cir:5: the output 'vout' cannot be reached from the input 'in'",
        error("t\nV1 in 0 AC 1\nR1 in a 1k\nR2 a in 2k\nC1 vout 0 1u\n"));
  }

  @Test
  void inputEqualToOutputIsReported() {
    assertError(
        "f.cir:3: input and output are the same node 'in'",
        error("t\nV1 in 0 AC 1\nR1 in 0 1k\n", null, "in"));
  }

  @Test
  void emptyAndElementlessNetlistsAreReported() {
    assertError("f.cir:1: the netlist is empty", error(""));
    assertError("f.cir:1: the netlist is empty", error("\n  \n"));
    assertError("f.cir:3: the netlist has no R, C or L elements", error("t\nV1 in 0 AC 1\n.end\n"));
  }

  @Test
  void aContinuationRightAfterTheTitleContinuesTheTitleAsInNgspice() {
    Netlist n =
        read("my title\n* note\n+ continued words\nV1 in 0 AC 1\nR1 in vout 1k\nC1 vout 0 1u\n");
    assertEquals("my title continued words", n.circuit().title());
    assertEquals(2, n.circuit().elements().size());
  }

  @Test
  void greekMuIsRefusedWithAHintAndTheMicroSignIsMicro() {
    // ngspice-39 reads "1µF" (U+00B5) as 1 µF but takes "1μF" (U+03BC) for a model name.
    assertError(
        "f.cir:4: bad value '1\u03bcF' for C1: '\u03bc' is the Greek letter mu (U+03BC), which ngspice"
            + " does not read as micro: write u",
        error("t\nV1 in 0 AC 1\nR1 in vout 1k\nC1 vout 0 1\u03bcF\n"));
    assertEquals(
        1e-6,
        read("t\nV1 in 0 AC 1\nR1 in vout 1k\nC1 vout 0 1\u00b5F\n")
            .circuit()
            .elements()
            .get(1)
            .value(),
        1e-21);
  }

  @Test
  void unicodeLineSeparatorsDoNotSplitStatementsAndAreRefused() {
    for (char sep : new char[] {'\u2028', '\u2029', '\u0085'}) {
      assertError(
          "f.cir:3: Unicode line separator U+"
              + String.format("%04X", (int) sep)
              + " inside a statement",
          error("t\nV1 in 0 AC 1\nR1 in vout 1k" + sep + "C1 vout 0 1u\n"));
    }
    // In a comment it is harmless, as for ngspice.
    assertEquals(
        2,
        read("t\n* a\u2028b\nV1 in 0 AC 1\nR1 in vout 1k\nC1 vout 0 1u\n")
            .circuit()
            .elements()
            .size());
  }

  @Test
  void aLoneCarriageReturnIsRefusedAndCrLfIsRead() {
    assertError(
        "f.cir:1: a carriage return without a newline",
        error("t\rV1 in 0 AC 1\rR1 in vout 1k\rC1 vout 0 1u\r"));
    assertEquals(
        2,
        read("t\r\nV1 in 0 AC 1\r\nR1 in vout 1k\r\nC1 vout 0 1u\r\n").circuit().elements().size());
  }

  @Test
  void manyContinuationLinesKeepEveryTokenOnItsOwnLine() {
    // 50,000 '+' lines took 16 s when every line copied the statement; each line now appends
    // (0.2 s, see docs/limits.md). Checked here: every token kept, in order, with its line.
    StringBuilder sb = new StringBuilder("t\nR1 a\n");
    int n = 50_000;
    for (int i = 0; i < n; i++) {
      sb.append("+ x").append(i).append('\n');
    }
    Statement st = NetlistLexer.lex(sb.toString(), "f.cir").statements().get(0);
    assertEquals(n + 2, st.size());
    assertEquals("x0", st.token(2));
    assertEquals("x" + (n - 1), st.token(n + 1));
    assertEquals(2, st.lineOf(1));
    assertEquals(n + 2, st.lineOf(n + 1));
    // And a statement that ends valid after many empty continuation lines reads as usual.
    StringBuilder ok = new StringBuilder("t\nV1 in 0 AC 1\nC1 vout 0 1u\nR1 in\n");
    for (int i = 0; i < n; i++) {
      ok.append("+\n");
    }
    ok.append("+ vout 1k\n");
    assertEquals(1000, read(ok.toString()).circuit().elements().get(1).value());
  }

  @Test
  void binaryDataIsReportedAsSuch() {
    assertError(
        "f.cir:2: binary data, not netlist text",
        error("\u0089PNG\nIHDR\u0000\u0000\u0001\nR1 a b 1k\n"));
  }

  @Test
  void unreadableFilesAreReported(@TempDir Path dir) {
    Path missing = dir.resolve("nope.cir");
    InputException e =
        assertThrows(InputException.class, () -> NetlistReader.read(missing, null, null));
    assertEquals(missing + ": cannot read: no such file", e.getMessage());
    InputException d =
        assertThrows(InputException.class, () -> NetlistReader.read(dir, null, null));
    assertEquals(dir + ": cannot read: is a directory", d.getMessage());
  }
}
