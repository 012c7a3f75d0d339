package org.zged.netlist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.hipparchus.complex.Complex;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.zged.analysis.CircuitAnalyzer;
import org.zged.analysis.TransferFunction;
import org.zged.spice.Ngspice;

/**
 * The reader understands a netlist exactly as ngspice does: ngspice runs the user's original text
 * (not zged's rewrite of it) and its V(out)/V(in) must match the exact analysis of the circuit the
 * reader built, at every point of the file's .ac sweep. This pins suffixes (m = milli, 1MH = 1 mH),
 * comments, continuation lines, case, the gnd alias and the source syntax against the real thing.
 */
class NetlistReaderVsNgspiceTest {
  @TempDir Path dir;

  static Stream<Arguments> netlists() throws IOException {
    List<Arguments> out = new ArrayList<>();
    Path examples = examples();
    try (Stream<Path> files = Files.list(examples)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".cir")).sorted().toList()) {
        out.add(Arguments.of(p.getFileName().toString(), Files.readString(p), null));
      }
    }
    out.add(
        Arguments.of(
            "comments, continuations, case, gnd",
            String.join(
                "\n",
                "* dialect check",
                "vsrc IN gnd dc 0 ac 1 ; LTspice-style comment",
                "R1 IN",
                "+ N1",
                "* a comment between continuation lines",
                "+ 1.5K",
                "l1 n1 VOUT 10mH $ ngspice-style comment",
                "C1 Vout GND 1uF",
                "Rl vout 0 1Meg",
                ".ac dec 20 10 100meg",
                ".end"),
            null));
    out.add(
        Arguments.of(
            "suffixes and units, AC magnitude 2",
            String.join(
                "\n",
                "suffix check",
                "V1 in 0 AC 2",
                "R1 in a 2.2kohm",
                "C1 a 0 4.7nF",
                "L1 a n001 1MH",
                "R2 n001 0 .1MEG",
                "C2 n001 0 100pf",
                "R3 in n001 1e3",
                "R4 n001 0 1.5e+4Ohm",
                ".ac dec 20 10 100meg",
                ".end"),
            "N001"));
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("netlists")
  void readerAgreesWithNgspiceOnTheOriginalText(String name, String text, String outNode)
      throws Exception {
    assumeTrue(Ngspice.available(), "ngspice is not installed");
    Netlist netlist = NetlistReader.parseNetlist(text, name, null, outNode);
    AcSweep sweep = netlist.sweepOr(new AcSweep(20, 10, 1e8));
    TransferFunction tf = CircuitAnalyzer.transferFunction(netlist.circuit());
    List<double[]> rows = runNgspice(text, netlist.inNode(), netlist.outNode(), sweep);
    assertTrue(rows.size() > 100, name + ": ngspice gave " + rows.size() + " rows");
    double max = 0;
    for (double[] r : rows) {
      max = Math.max(max, hOf(r).norm());
    }
    for (double[] r : rows) {
      Complex spice = hOf(r);
      Complex exact = tf.evaluate(2 * Math.PI * r[0]);
      double err = exact.subtract(spice).norm();
      double allowed = Math.max(1e-6 * exact.norm(), 1e-9 * max);
      assertTrue(
          err <= allowed,
          () -> name + " at " + r[0] + " Hz: exact " + exact + ", ngspice " + spice);
    }
  }

  /** H = V(out)/V(in) from one wrdata row: f, re/im V(out), re/im V(in). */
  private static Complex hOf(double[] r) {
    return new Complex(r[1], r[2]).divide(new Complex(r[3], r[4]));
  }

  /** Runs {@code ngspice -b} on the text as written, with a control block before .end. */
  private List<double[]> runNgspice(String text, String in, String out, AcSweep sweep)
      throws Exception {
    StringBuilder body = new StringBuilder();
    for (String line : text.split("\\R")) {
      if (!line.strip().equalsIgnoreCase(".end")) {
        body.append(line).append('\n');
      }
    }
    if (!text.toLowerCase().contains(".ac ")) {
      body.append(".ac dec 20 10 100meg\n");
    }
    body.append(".control\nset noaskquit\nset wr_singlescale\noption numdgt=15\nrun\n")
        .append(String.format("wrdata ac.txt vr(%s) vi(%s) vr(%s) vi(%s)%n", out, out, in, in))
        .append("quit 0\n.endc\n.end\n");
    Path cir = dir.resolve("c.cir");
    Files.writeString(cir, body, StandardCharsets.UTF_8);
    Process p =
        new ProcessBuilder("ngspice", "-b", "c.cir")
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "ngspice finished");
    assertEquals(0, p.exitValue(), log);
    List<double[]> rows = new ArrayList<>();
    for (String line : Files.readAllLines(dir.resolve("ac.txt"))) {
      String t = line.strip();
      if (t.isEmpty() || !(Character.isDigit(t.charAt(0)) || t.charAt(0) == '-')) {
        continue;
      }
      String[] c = t.split("\\s+");
      rows.add(
          new double[] {
            Double.parseDouble(c[0]),
            Double.parseDouble(c[1]),
            Double.parseDouble(c[2]),
            Double.parseDouble(c[3]),
            Double.parseDouble(c[4])
          });
    }
    return rows;
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
