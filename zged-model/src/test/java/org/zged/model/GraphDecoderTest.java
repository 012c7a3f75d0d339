package org.zged.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.zged.circuit.Edge;
import org.zged.circuit.EdgeClass;
import org.zged.circuit.NodeType;

/** Decoding hand-made decoder outputs: what comes out, and what is reported. */
class GraphDecoderTest {
  private static final int N = 5;
  private final GraphDecoder decoder = new GraphDecoder(ModelConfig.standard());

  private static float[] nodes(int... classes) {
    float[] l = new float[N * 5];
    for (int i = 0; i < N; i++) {
      l[i * 5 + classes[i]] = 10f;
    }
    return l;
  }

  private static float[] edges(int[][] pairs) {
    float[] l = new float[N * N * 8];
    for (int i = 0; i < N * N; i++) {
      l[i * 8] = 10f; // NONE everywhere, including the diagonal
    }
    for (int[] p : pairs) {
      for (int[] o : new int[][] {{p[0], p[1]}, {p[1], p[0]}}) {
        int at = (o[0] * N + o[1]) * 8;
        l[at] = 0f;
        l[at + p[2]] = 10f;
      }
    }
    return l;
  }

  @Test
  void decodesAnRcLowpassWithValues() {
    float[] values = new float[N * N * 3];
    // R between slots 1-2 with G = 1e-3 S (scaled 0), C between 2-0 with C = 1e-7.5... use 0 too.
    DecodeResult r =
        decoder.decode(
            nodes(0, 1, 2, 4, 4),
            edges(new int[][] {{1, 2, EdgeClass.R.ordinal()}, {2, 0, EdgeClass.C.ordinal()}}),
            values,
            1.0,
            null,
            false);
    assertTrue(r.problems().isEmpty(), r.problems().toString());
    assertTrue(r.vinConnected() && r.voutConnected());
    assertNotNull(r.circuit());
    assertEquals(2, r.circuit().elements().size());
    assertEquals(1e3, r.circuit().element("R1").value(), 1e-6);
    assertEquals(Math.pow(10, -7.5), r.circuit().element("C1").value(), 1e-15);
  }

  @Test
  void neverDecodesASelfLoop() {
    float[] e = edges(new int[][] {{1, 2, EdgeClass.R.ordinal()}, {2, 0, EdgeClass.C.ordinal()}});
    for (int i = 0; i < N; i++) {
      Arrays.fill(e, (i * N + i) * 8, (i * N + i) * 8 + 8, 0f);
      e[(i * N + i) * 8 + EdgeClass.RCL.ordinal()] = 50f; // the diagonal screams "edge"
    }
    DecodeResult r =
        decoder.decode(nodes(0, 1, 2, 4, 4), e, new float[N * N * 3], 1.0, null, false);
    for (Edge edge : r.graph().edges()) {
      assertTrue(edge.a() != edge.b());
    }
    assertEquals(2, r.graph().edges().size());
  }

  @Test
  void laterSlotsAreInternalNodesOrPaddingNeverASecondTerminal() {
    float[] nodeLogits = nodes(0, 1, 2, 1, 0); // slots 3 and 4 lean to VIN and GND
    nodeLogits[3 * 5 + NodeType.INTERNAL.ordinal()] = 9f;
    float[] e =
        edges(
            new int[][] {
              {1, 3, EdgeClass.R.ordinal()},
              {3, 2, EdgeClass.L.ordinal()},
              {2, 0, EdgeClass.C.ordinal()}
            });
    java.util.SplittableRandom rng = new java.util.SplittableRandom(7);
    for (int k = 0; k < 200; k++) {
      DecodeResult r = decoder.decode(nodeLogits, e, new float[N * N * 3], 1.0, rng, false);
      java.util.List<String> names = r.graph().nodeNames();
      assertEquals(java.util.List.of("0", "vin", "vout"), names.subList(0, 3));
      for (String name : names.subList(3, names.size())) {
        assertTrue(name.startsWith("n"), names.toString());
      }
      assertTrue(r.problems().isEmpty(), r.problems().toString());
    }
  }

  @Test
  void reportsAnUnconnectedVin() {
    DecodeResult r =
        decoder.decode(
            nodes(0, 1, 2, 4, 4),
            edges(new int[][] {{2, 0, EdgeClass.R.ordinal()}}),
            new float[N * N * 3],
            1.0,
            null,
            false);
    assertFalse(r.vinConnected());
    assertTrue(r.voutConnected() == false, "VOUT cannot reach VIN either");
    assertFalse(r.problems().isEmpty());
    assertFalse(r.valid());
    assertNotNull(r.circuit(), "the decode is returned, not hidden");
  }

  @Test
  void reportsAMissingVout() {
    DecodeResult r =
        decoder.decode(
            nodes(0, 1, 4, 4, 4),
            edges(new int[][] {{1, 0, EdgeClass.R.ordinal()}}),
            new float[N * N * 3],
            1.0,
            null,
            false);
    assertFalse(r.voutConnected());
    assertTrue(r.vinConnected());
    assertTrue(r.problems().stream().anyMatch(p -> p.contains("VOUT")), r.problems().toString());
  }

  @Test
  void constrainedDecodeCompletesWhatTheLogitsLeaveUnconnected() {
    // The network says: only an R from VOUT to GND. VIN would be isolated.
    float[] e = edges(new int[][] {{2, 0, EdgeClass.R.ordinal()}});
    DecodeResult r = decoder.decode(nodes(0, 1, 2, 4, 4), e, new float[N * N * 3], 1.0, null, true);
    assertTrue(r.valid(), r.problems().toString());
    assertTrue(ValidDecodes.problem(r).isEmpty(), ValidDecodes.problem(r));
  }

  @Test
  void constrainedDecodeNeverPutsAnElementAcrossTheSource() {
    float[] e =
        edges(
            new int[][] {
              {1, 0, EdgeClass.RCL.ordinal()},
              {1, 2, EdgeClass.R.ordinal()},
              {2, 0, EdgeClass.C.ordinal()}
            });
    DecodeResult raw =
        decoder.decode(nodes(0, 1, 2, 4, 4), e, new float[N * N * 3], 1.0, null, false);
    assertEquals(
        3, raw.graph().edges().size(), "unconstrained, the network's VIN-GND edge is kept");
    DecodeResult r = decoder.decode(nodes(0, 1, 2, 4, 4), e, new float[N * N * 3], 1.0, null, true);
    assertEquals(2, r.graph().edges().size());
    assertTrue(ValidDecodes.problem(r).isEmpty(), ValidDecodes.problem(r));
  }

  /**
   * A capacitive divider (C from VIN to VOUT, C from VOUT to GND) has H = C1/(C1 + C2) at every
   * frequency: the network asks for it, the constrained decoder gives the last pair a second kind
   * instead (the next-best class the logits rank there), and the result has a pole.
   */
  @Test
  void constrainedDecodeNeverEmitsAOneKindDivider() {
    float[] e = edges(new int[][] {{1, 2, EdgeClass.C.ordinal()}, {2, 0, EdgeClass.C.ordinal()}});
    // RC is the second choice on both pairs; (0, 2) is decided first, (1, 2) last.
    for (int[] o : new int[][] {{0, 2}, {2, 0}, {1, 2}, {2, 1}}) {
      e[(o[0] * N + o[1]) * 8 + EdgeClass.RC.ordinal()] = 5f;
    }
    DecodeResult raw =
        decoder.decode(nodes(0, 1, 2, 4, 4), e, new float[N * N * 3], 1.0, null, false);
    assertTrue(
        raw.graph().edges().stream().allMatch(x -> x.edgeClass() == EdgeClass.C), "raw: C-C");
    DecodeResult r = decoder.decode(nodes(0, 1, 2, 4, 4), e, new float[N * N * 3], 1.0, null, true);
    assertTrue(ValidDecodes.problem(r).isEmpty(), ValidDecodes.problem(r));
    assertEquals(2, r.graph().edges().size());
    long rc = r.graph().edges().stream().filter(x -> x.edgeClass() == EdgeClass.RC).count();
    assertEquals(1, rc, r.graph().toString());
    assertTrue(
        org.zged.analysis.CircuitAnalyzer.analyze(r.circuit()).order() >= 1,
        "the decoded divider has a pole");
  }

  /** The network's shelf: R(vin, vout), R(vout, 0) 1 kΩ, C(vout, n1) 31.6 nF, R(n1, 0) = r3. */
  private DecodeResult[] shelf(double r3) {
    float[] e =
        edges(
            new int[][] {
              {1, 2, EdgeClass.R.ordinal()},
              {2, 0, EdgeClass.R.ordinal()},
              {2, 3, EdgeClass.C.ordinal()},
              {3, 0, EdgeClass.R.ordinal()}
            });
    float[] values = new float[N * N * 3];
    // G = 1/r3 between n1 and ground; every other value scaled 0 (1 kΩ, 31.6 nF)
    values[(3 * N) * 3] = ValueScaling.scale(org.zged.circuit.ElementKind.R, 1 / r3);
    values[3 * 3] = ValueScaling.scale(org.zged.circuit.ElementKind.R, 1 / r3);
    float[] nodeLogits = nodes(0, 1, 2, 3, 4);
    DecodeResult raw = decoder.decode(nodeLogits, e, values, 1.0, null, false);
    assertEquals(4, raw.graph().edges().size());
    assertTrue(ValidDecodes.problem(raw).isEmpty(), "structurally valid: " + raw.graph());
    org.zged.eval.GeneratedCircuitCheck.Electrical rawE =
        org.zged.eval.GeneratedCircuitCheck.electrical(raw.circuit());
    assertEquals(org.zged.analysis.ResponseClass.ALLPASS, rawE.responseClass(), rawE.reason());
    DecodeResult r = decoder.decode(nodeLogits, e, values, 1.0, null, true);
    assertTrue(ValidDecodes.problem(r).isEmpty(), ValidDecodes.problem(r));
    org.zged.eval.GeneratedCircuitCheck.Electrical re =
        org.zged.eval.GeneratedCircuitCheck.electrical(r.circuit());
    assertTrue(re.valid(), re.reason() + " in " + r.circuit());
    return new DecodeResult[] {raw, r};
  }

  private static java.util.List<EdgeClass> classes(DecodeResult r) {
    return r.graph().edges().stream().map(x -> x.edgeClass()).toList();
  }

  /**
   * With r3 = 10 kΩ the shelf is H(0) = 0.5, H(∞) = 0.476: an "allpass" by the electrical check.
   * Moving one value a decade makes it a filter: R(vout, 0) either way stays under 3 dB, R(n1, 0) =
   * 1 kΩ gives H(∞) = 1/3 (3.5 dB, a low-pass). The decoder keeps the network's topology and
   * changes that one value.
   */
  @Test
  void constrainedDecodeRepairsAnAllpassShelfByOneValue() {
    DecodeResult[] d = shelf(1e4);
    assertEquals(d[0].graph().nodeNames(), d[1].graph().nodeNames());
    assertEquals(classes(d[0]), classes(d[1]), "same topology");
    assertEquals(1e3, d[1].circuit().element("R2").value(), 1e-6, d[1].circuit().toString());
    assertEquals(1e3, d[1].circuit().element("R1").value(), 1e-6);
    assertEquals(1e3, d[1].circuit().element("R3").value(), 1e-6);
  }

  /**
   * With r3 = 1 MΩ the shelf moves by 0.002 dB, and no single value a decade away changes that
   * (each R moves both limits alike or leaves them within 3 dB, the C moves neither): the decoder
   * leaves the network's topology where VIN–VOUT would be decided as an R and gives a circuit with
   * an exact zero at a limit.
   */
  @Test
  void constrainedDecodeDivertsAShelfNoValueRepairs() {
    DecodeResult[] d = shelf(1e6);
    assertFalse(FilterCompletion.zeroAtALimit(d[0].graph()));
    assertTrue(FilterCompletion.zeroAtALimit(d[1].graph()), d[1].graph().toString());
  }

  /**
   * A notch (Rs, series L–C trap to ground, Rl/Ro divider) has no zero at either limit, but with
   * its decoded values it is a band-stop: the constrained decoder keeps exactly what the network
   * asked for.
   */
  @Test
  void constrainedDecodeKeepsAVerifiedNotch() {
    float[] e =
        edges(
            new int[][] {
              {1, 3, EdgeClass.R.ordinal()},
              {3, 4, EdgeClass.L.ordinal()},
              {4, 0, EdgeClass.C.ordinal()},
              {3, 2, EdgeClass.R.ordinal()},
              {2, 0, EdgeClass.R.ordinal()}
            });
    float[] values = new float[N * N * 3];
    float[] nodeLogits = nodes(0, 1, 2, 3, 3);
    DecodeResult raw = decoder.decode(nodeLogits, e, values, 1.0, null, false);
    assertFalse(FilterCompletion.zeroAtALimit(raw.graph()), "no zero at a limit");
    assertEquals(
        org.zged.analysis.ResponseClass.BANDSTOP,
        org.zged.eval.GeneratedCircuitCheck.electrical(raw.circuit()).responseClass());
    DecodeResult r = decoder.decode(nodeLogits, e, values, 1.0, null, true);
    assertEquals(raw.graph(), r.graph());
  }

  /**
   * Over random decoder outputs on 5 and 16 nodes, argmax and sampled: where the structural rules
   * alone decode a working filter, the filter rule decodes exactly the same graph; where they do
   * not (which happens: the structural rules alone are not enough), it decodes a working filter.
   */
  @Test
  void theFilterRuleChangesOnlyDecodesThatAreNoFilter() {
    java.util.SplittableRandom rng = new java.util.SplittableRandom(4);
    for (int n : new int[] {5, 16}) {
      ModelConfig cfg = new ModelConfig(n, 16, 1, 2, 2, 4, 1, 8, 16, 4, 4, ModelConfig.JOINT);
      GraphDecoder d = new GraphDecoder(cfg);
      int kept = 0;
      int diverted = 0;
      for (int t = 0; t < 2000; t++) {
        float[] nodeLogits = new float[n * 5];
        float[] edgeLogits = new float[n * n * 8];
        float[] values = new float[n * n * 3];
        double spread = 1 + rng.nextInt(10);
        for (int i = 0; i < nodeLogits.length; i++) {
          nodeLogits[i] = (float) (rng.nextGaussian() * spread);
        }
        for (int i = 0; i < edgeLogits.length; i++) {
          edgeLogits[i] = (float) (rng.nextGaussian() * spread + (i % 8 == 0 ? spread : 0));
        }
        for (int i = 0; i < values.length; i++) {
          values[i] = (float) rng.nextGaussian();
        }
        long seed = rng.nextLong();
        boolean sampled = t % 2 == 1;
        DecodeResult structural =
            d.decode(
                nodeLogits,
                edgeLogits,
                values,
                1.0,
                sampled ? new java.util.SplittableRandom(seed) : null,
                GraphDecoder.Rules.STRUCTURAL);
        DecodeResult filter =
            d.decode(
                nodeLogits,
                edgeLogits,
                values,
                1.0,
                sampled ? new java.util.SplittableRandom(seed) : null,
                GraphDecoder.Rules.FILTER);
        assertTrue(ValidDecodes.problem(structural).isEmpty(), ValidDecodes.problem(structural));
        if (org.zged.eval.GeneratedCircuitCheck.electrical(structural.circuit()).valid()) {
          assertEquals(structural.graph(), filter.graph(), n + " nodes, #" + t);
          kept++;
        } else {
          org.zged.eval.GeneratedCircuitCheck.Electrical e =
              org.zged.eval.GeneratedCircuitCheck.electrical(filter.circuit());
          assertTrue(e.valid(), n + " nodes, #" + t + ": " + e.reason());
          diverted++;
        }
      }
      assertTrue(
          kept > 100 && diverted > 100, n + " nodes: kept " + kept + ", diverted " + diverted);
    }
  }

  @Test
  void constrainedDecodesOfRandomLogitsAreAllValid() {
    java.util.SplittableRandom rng = new java.util.SplittableRandom(3);
    for (int n : new int[] {5, 16}) {
      ModelConfig cfg = new ModelConfig(n, 16, 1, 2, 2, 4, 1, 8, 16, 4, 4, ModelConfig.JOINT);
      GraphDecoder d = new GraphDecoder(cfg);
      for (int t = 0; t < 2000; t++) {
        float[] nodeLogits = new float[n * 5];
        float[] edgeLogits = new float[n * n * 8];
        float[] values = new float[n * n * 3];
        double spread = 1 + rng.nextInt(10);
        for (int i = 0; i < nodeLogits.length; i++) {
          nodeLogits[i] = (float) (rng.nextGaussian() * spread);
        }
        for (int i = 0; i < edgeLogits.length; i++) {
          edgeLogits[i] = (float) (rng.nextGaussian() * spread + (i % 8 == 0 ? spread : 0));
        }
        for (int i = 0; i < values.length; i++) {
          values[i] = (float) rng.nextGaussian();
        }
        DecodeResult r =
            d.decode(nodeLogits, edgeLogits, values, 1.0, t % 2 == 0 ? null : rng, true);
        assertTrue(ValidDecodes.problem(r).isEmpty(), n + " nodes: " + ValidDecodes.problem(r));
        org.zged.eval.GeneratedCircuitCheck.Electrical el =
            org.zged.eval.GeneratedCircuitCheck.electrical(r.circuit());
        assertTrue(el.valid(), n + " nodes: " + el.reason() + " in " + r.circuit());
      }
    }
  }
}
