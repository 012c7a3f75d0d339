package org.zged.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.complex.Complex;
import org.junit.jupiter.api.Test;
import org.zged.circuit.Circuit;
import org.zged.circuit.Element;
import org.zged.dataset.Datasets;
import org.zged.fit.SpecTarget;
import org.zged.model.ZgedModel;

/**
 * Generation decodes with the plain Java forward pass (no native engine); a second copy of the
 * shipped model, moved onto the engine, must give the same candidates: same topologies, sources and
 * ranks, values equal to the fitter's precision (the two forward passes round float32 sums
 * differently, which moves the fit's starting point by about 1e-7).
 */
class JavaDecodingTest {
  private static double worst;

  @Test
  void candidatesMatchTheEngineDecoder() {
    try (ZgedModel java = ZgedModel.loadDefault();
        ZgedModel engine = ZgedModel.loadDefault()) {
      engine.network(); // hands out the network: this copy now decodes on the engine only
      var reference = Datasets.full();
      SpecGenerator a = SpecGenerator.builder().setModel(java).optReference(reference).build();
      SpecGenerator b = SpecGenerator.builder().setModel(engine).optReference(reference).build();
      List<SpecTarget> targets = new ArrayList<>();
      for (String type : List.of("lowpass", "highpass", "bandpass", "bandstop")) {
        for (double fc : new double[] {50, 1e3, 3.3e4, 1e6}) {
          for (double q : new double[] {0.5, 0.707, 3, 12}) {
            targets.add(SpecTarget.builder().optType(type).optFc(fc).optQ(q).build());
          }
        }
      }
      targets.add(
          SpecTarget.builder()
              .optPoles(List.of(new Complex(-1e3, 2e3), new Complex(-1e3, -2e3)))
              .optZeros(List.of())
              .build());
      targets.add(
          SpecTarget.builder()
              .optPoles(List.of(new Complex(-5e4, 0)))
              .optZeros(List.of(Complex.ZERO))
              .build());
      for (SpecTarget t : targets) {
        List<Generation.Ranked> ga = noiseFree(a.generate(t, 3, 42));
        List<Generation.Ranked> gb = noiseFree(b.generate(t, 3, 42));
        assertEquals(gb.size(), ga.size(), t.toString());
        for (int i = 0; i < ga.size(); i++) {
          Generation.Ranked ra = ga.get(i);
          Generation.Ranked rb = gb.get(i);
          assertEquals(rb.topology(), ra.topology(), t + " #" + i);
          assertEquals(rb.source(), ra.source(), t + " #" + i);
          assertEquals(SpecGenerator.meets(rb.fit()), SpecGenerator.meets(ra.fit()), t + " #" + i);
          assertSameValues(rb.fit().circuit(), ra.fit().circuit(), t + " #" + i);
        }
      }
      System.out.printf("largest relative value difference Java vs engine: %.2g%n", worst);
    }
  }

  /**
   * The ranking without its last tie-break: two exact fits (errors below {@link SpecGenerator#TIE})
   * with as many elements are ordered by errors of 1e-16, rounding noise in either path (the 1-pole
   * highpass below has an RC and an RL answer, and the two paths list them in either order). Such
   * ties are put in topology order here; every other rank must be the same.
   */
  private static List<Generation.Ranked> noiseFree(Generation g) {
    List<Generation.Ranked> out = new ArrayList<>(g.ranked());
    out.sort(
        java.util.Comparator.<Generation.Ranked>comparingDouble(r -> r.fit().inRange() ? 0 : 1)
            .thenComparingDouble(r -> Math.max(r.fit().score(), SpecGenerator.TIE))
            .thenComparingInt(r -> r.fit().circuit().elements().size())
            .thenComparing(Generation.Ranked::topology));
    return out;
  }

  private static void assertSameValues(Circuit expected, Circuit actual, String what) {
    assertEquals(expected.elements().size(), actual.elements().size(), what);
    for (int i = 0; i < expected.elements().size(); i++) {
      Element e = expected.elements().get(i);
      Element a = actual.elements().get(i);
      assertEquals(e.withValue(1), a.withValue(1), what); // name, kind, nodes
      worst = Math.max(worst, Math.abs(e.value() - a.value()) / Math.abs(e.value()));
      assertTrue(
          Math.abs(e.value() - a.value()) <= 1e-4 * Math.abs(e.value()),
          what + " " + e.name() + ": engine " + e.value() + ", Java " + a.value());
    }
  }
}
