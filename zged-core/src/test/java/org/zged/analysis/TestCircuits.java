package org.zged.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.zged.circuit.Circuit;
import org.zged.circuit.EdgeClass;
import org.zged.circuit.Element;
import org.zged.circuit.ElementKind;

/**
 * Circuits for the analysis tests: textbook filters with known designs, and random circuits of
 * several topologies whose element values span the supported ranges (1 Ω–10 MΩ, 1 pF–1 mF, 1 nH–10
 * H).
 */
final class TestCircuits {
  static final double R_MIN = 1;
  static final double R_MAX = 1e7;
  static final double C_MIN = 1e-12;
  static final double C_MAX = 1e-3;
  static final double L_MIN = 1e-9;
  static final double L_MAX = 10;

  private TestCircuits() {}

  /** Named textbook circuits; every one is a valid filter. */
  static Map<String, Circuit> textbook() {
    Map<String, Circuit> out = new LinkedHashMap<>();
    out.put(
        "rc lowpass",
        Circuit.builder().r("R1", "vin", "vout", 1e3).c("C1", "vout", "0", 1e-7).build());
    out.put(
        "rc highpass",
        Circuit.builder().c("C1", "vin", "vout", 1e-7).r("R1", "vout", "0", 1e3).build());
    out.put(
        "rl lowpass",
        Circuit.builder().l("L1", "vin", "vout", 1e-3).r("R1", "vout", "0", 100).build());
    out.put(
        "rl highpass",
        Circuit.builder().r("R1", "vin", "vout", 100).l("L1", "vout", "0", 1e-3).build());
    out.put(
        "series rlc bandpass",
        Circuit.builder()
            .r("R1", "vin", "n1", 50)
            .l("L1", "n1", "n2", 1e-3)
            .c("C1", "n2", "vout", 1e-8)
            .r("R2", "vout", "0", 50)
            .build());
    out.put(
        "parallel rlc bandpass",
        Circuit.builder()
            .r("R1", "vin", "vout", 1e3)
            .l("L1", "vout", "0", 1e-3)
            .c("C1", "vout", "0", 1e-8)
            .r("R2", "vout", "0", 1e4)
            .build());
    out.put(
        "series-resonant trap",
        Circuit.builder()
            .r("R1", "vin", "vout", 600)
            .l("L1", "vout", "n1", 10e-3)
            .c("C1", "n1", "n2", 100e-9)
            .r("R2", "n2", "0", 2)
            .build());
    out.put(
        "parallel-resonant notch",
        Circuit.builder()
            .l("L1", "vin", "vout", 1e-3)
            .c("C1", "vin", "vout", 1e-6)
            .r("R1", "vout", "0", 100)
            .build());
    out.put("lc ladder 3rd order", butterworthLadder(3, 1e3, 50));
    out.put("lc ladder 5th order", butterworthLadder(5, 10e3, 50));
    out.put("lc ladder 5th order 1MHz", butterworthLadder(5, 1e6, 75));
    out.put("twin-t notch", twinT(10e3, 1e-9));
    out.put("bridged-t", bridgedT(1e3, 1e-7, 1e4));
    out.put(
        "lossless lc lowpass",
        Circuit.builder().l("L1", "vin", "vout", 1e-3).c("C1", "vout", "0", 1e-6).build());
    out.put(
        "lossless lc highpass",
        Circuit.builder().c("C1", "vin", "vout", 1e-6).l("L1", "vout", "0", 1e-3).build());
    out.put(
        "rc ladder 3 sections",
        Circuit.builder()
            .r("R1", "vin", "n1", 1e3)
            .c("C1", "n1", "0", 1e-8)
            .r("R2", "n1", "n2", 1e3)
            .c("C2", "n2", "0", 1e-8)
            .r("R3", "n2", "vout", 1e3)
            .c("C3", "vout", "0", 1e-8)
            .build());
    out.put(
        "branch off the source",
        Circuit.builder()
            .r("R1", "vin", "vout", 1e3)
            .c("C1", "vout", "0", 1e-7)
            .r("R9", "vin", "x", 50)
            .c("C9", "x", "0", 1e-6)
            .build());
    return out;
  }

  /**
   * A doubly terminated Butterworth LC ladder (source and load resistance r, cutoff fc): shunt C
   * first, g_k = 2 sin((2k − 1)π / 2n).
   */
  static Circuit butterworthLadder(int order, double fc, double r) {
    Circuit.Builder b = Circuit.builder().r("RS", "vin", "n0", r);
    double w = 2 * Math.PI * fc;
    String prev = "n0";
    for (int k = 1; k <= order; k++) {
      double g = 2 * Math.sin((2 * k - 1) * Math.PI / (2 * order));
      if (k % 2 == 1) {
        b.c("C" + k, prev, "0", g / (r * w));
      } else {
        String next = k == order - 1 ? "vout" : "n" + k;
        b.l("L" + k, prev, next, g * r / w);
        prev = next;
      }
    }
    // odd orders end with a shunt C at the last node: rename it to VOUT by construction
    Circuit c = b.r("RL", prev, "0", r).build();
    return prev.equals("vout") ? c : relabel(c, prev, "vout");
  }

  /** Twin-T RC notch at 1/(2πRC): series R-R with shunt 2C, series C-C with shunt R/2. */
  static Circuit twinT(double r, double c) {
    return Circuit.builder()
        .r("R1", "vin", "a", r)
        .r("R2", "a", "vout", r)
        .c("C3", "a", "0", 2 * c)
        .c("C1", "vin", "b", c)
        .c("C2", "b", "vout", c)
        .r("R3", "b", "0", r / 2)
        .r("RL", "vout", "0", 1e7)
        .build();
  }

  /** Bridged-T: two series C with a bridging R, and R to ground from the centre. */
  static Circuit bridgedT(double r, double c, double rBridge) {
    return Circuit.builder()
        .c("C1", "vin", "m", c)
        .c("C2", "m", "vout", c)
        .r("R1", "m", "0", r)
        .r("R2", "vin", "vout", rBridge)
        .r("RL", "vout", "0", 1e6)
        .build();
  }

  static Circuit relabel(Circuit c, String from, String to) {
    List<Element> out = new ArrayList<>();
    for (Element e : c.elements()) {
      out.add(
          new Element(
              e.name(),
              e.kind(),
              e.nodeA().equals(from) ? to : e.nodeA(),
              e.nodeB().equals(from) ? to : e.nodeB(),
              e.value()));
    }
    return new Circuit(c.title(), out);
  }

  static double logUniform(SplittableRandom rnd, double lo, double hi) {
    return Math.exp(Math.log(lo) + rnd.nextDouble() * (Math.log(hi) - Math.log(lo)));
  }

  static double randomValue(SplittableRandom rnd, ElementKind kind) {
    return switch (kind) {
      case R -> logUniform(rnd, R_MIN, R_MAX);
      case C -> logUniform(rnd, C_MIN, C_MAX);
      case L -> logUniform(rnd, L_MIN, L_MAX);
    };
  }

  /**
   * Values "tuned" to the 10 Hz–100 MHz window: a resistance level R0 and a frequency w in the
   * window, then C ≈ 1/(w·R0) and L ≈ R0/w with a spread of a decade, clamped to the ranges.
   */
  static double tunedValue(SplittableRandom rnd, ElementKind kind, double r0, double w) {
    double spread = logUniform(rnd, 0.3, 3);
    return switch (kind) {
      case R -> clamp(r0 * spread, R_MIN, R_MAX);
      case C -> clamp(spread / (w * r0), C_MIN, C_MAX);
      case L -> clamp(spread * r0 / w, L_MIN, L_MAX);
    };
  }

  private static double clamp(double v, double lo, double hi) {
    return Math.max(lo, Math.min(hi, v));
  }

  /** Topologies of the random circuits. */
  enum Topology {
    LADDER,
    RANDOM_GRAPH,
    BRIDGE
  }

  /** A valid random circuit of the given topology; tuned or full-range values. */
  static Circuit random(SplittableRandom rnd, Topology topology, boolean tuned) {
    for (int attempt = 0; ; attempt++) {
      Circuit c = randomOnce(rnd, topology, tuned);
      if (c.isValid() && reachesWithoutGround(c) && allConnected(c)) {
        return c;
      }
      if (attempt > 1000) {
        throw new IllegalStateException("no valid circuit for " + topology);
      }
    }
  }

  /** No island: every node connected to VIN (ngspice rejects a floating island as singular). */
  static boolean allConnected(Circuit c) {
    for (String n : c.nodes()) {
      if (!c.connected(Circuit.VIN, n)) {
        return false;
      }
    }
    return true;
  }

  /** VOUT reachable from VIN through elements without passing through ground (else H ≡ 0). */
  static boolean reachesWithoutGround(Circuit c) {
    List<Element> kept = new ArrayList<>();
    for (Element e : c.elements()) {
      if (!e.touches(Circuit.GND)) {
        kept.add(e);
      }
    }
    return new Circuit(kept).connected(Circuit.VIN, Circuit.VOUT);
  }

  private static Circuit randomOnce(SplittableRandom rnd, Topology topology, boolean tuned) {
    double r0 = logUniform(rnd, 10, 1e5);
    double w = 2 * Math.PI * logUniform(rnd, 100, 1e7);
    Values values = kind -> tuned ? tunedValue(rnd, kind, r0, w) : randomValue(rnd, kind);
    List<String[]> pairs = new ArrayList<>();
    switch (topology) {
      case LADDER -> {
        int sections = 1 + rnd.nextInt(4);
        String prev = "vin";
        for (int k = 1; k <= sections; k++) {
          String next = k == sections ? "vout" : "n" + k;
          pairs.add(new String[] {prev, next});
          pairs.add(new String[] {next, "0"});
          prev = next;
        }
      }
      case BRIDGE -> {
        for (String[] p :
            new String[][] {
              {"vin", "a"}, {"vin", "b"}, {"a", "vout"}, {"b", "vout"}, {"a", "b"}, {"vout", "0"}
            }) {
          pairs.add(p);
        }
        if (rnd.nextBoolean()) {
          pairs.add(new String[] {"a", "0"});
        }
        if (rnd.nextBoolean()) {
          pairs.add(new String[] {"b", "0"});
        }
      }
      case RANDOM_GRAPH -> {
        int internal = rnd.nextInt(4);
        List<String> nodes = new ArrayList<>(List.of("0", "vin", "vout"));
        for (int i = 1; i <= internal; i++) {
          nodes.add("n" + i);
        }
        int edges = nodes.size() - 1 + rnd.nextInt(nodes.size());
        for (int e = 0; e < edges; e++) {
          int a = rnd.nextInt(nodes.size());
          int b = rnd.nextInt(nodes.size());
          if (a != b
              && !(nodes.get(a).equals("vin") && nodes.get(b).equals("0"))
              && !(nodes.get(a).equals("0") && nodes.get(b).equals("vin"))) {
            pairs.add(new String[] {nodes.get(a), nodes.get(b)});
          }
        }
        pairs.add(new String[] {"vout", "0"});
      }
    }
    List<Element> elements = new ArrayList<>();
    int[] counts = new int[3];
    for (String[] p : pairs) {
      EdgeClass ec = EdgeClass.ofIndex(1 + rnd.nextInt(EdgeClass.COUNT - 1));
      for (ElementKind kind : ElementKind.values()) {
        if (ec.has(kind)) {
          int idx = ++counts[kind.ordinal()];
          elements.add(new Element("" + kind.letter() + idx, kind, p[0], p[1], values.of(kind)));
        }
      }
    }
    return new Circuit(
        topology.name().toLowerCase() + (tuned ? " tuned" : " full-range"), elements);
  }

  private interface Values {
    double of(ElementKind kind);
  }
}
