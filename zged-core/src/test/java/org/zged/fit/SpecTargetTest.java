package org.zged.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hipparchus.complex.Complex;
import org.junit.jupiter.api.Test;
import org.zged.InputException;
import org.zged.analysis.ResponseClass;

class SpecTargetTest {

  private static String error(Runnable r) {
    return assertThrows(InputException.class, r::run).getMessage();
  }

  @Test
  void acceptsAResponseTarget() {
    SpecTarget t = SpecTarget.builder().optType("Low-Pass").optFc(1e4).optQ(0.707).build();
    assertEquals(ResponseClass.LOWPASS, t.type());
    assertEquals(1e4, t.fcHz());
    assertEquals("lowpass fc=10 kHz Q=0.707", t.describe());
  }

  @Test
  void badResponseFieldsNameTheFlag() {
    assertTrue(error(() -> SpecTarget.builder().optFc(-5.0).build()).startsWith("--fc: "));
    assertTrue(error(() -> SpecTarget.builder().optFc(Double.NaN).build()).startsWith("--fc: "));
    assertTrue(error(() -> SpecTarget.builder().build()).startsWith("--fc: "));
    assertTrue(error(() -> SpecTarget.builder().optFc(1e3).optQ(0.0).build()).startsWith("--q: "));
    assertTrue(
        error(() -> SpecTarget.builder().optFc(1e3).optQ(Double.NaN).build()).startsWith("--q: "));
    assertTrue(error(() -> SpecTarget.builder().optFc(1e3).optQ(1e6).build()).startsWith("--q: "));
    assertTrue(
        error(() -> SpecTarget.builder().optFc(1e3).optGain(2.0).build()).startsWith("--gain: "));
    assertTrue(error(() -> SpecTarget.builder().optType("wobble")).startsWith("--type: "));
  }

  @Test
  void parsesPoleLists() {
    List<Complex> p = ComplexListParser.parse("-1000+2000j, -1000-2000j,-5e2", "--poles");
    assertEquals(
        List.of(new Complex(-1000, 2000), new Complex(-1000, -2000), new Complex(-500, 0)), p);
    assertEquals(
        List.of(new Complex(0, 3), new Complex(0, -3)),
        ComplexListParser.parse("3j,-3j", "--zeros"));
    assertEquals(List.of(new Complex(-1e-3, 1)), ComplexListParser.parse("-1e-3+j", "--zeros"));
  }

  @Test
  void badPoleListsNameTheFlagAndReason() {
    assertTrue(
        error(() -> ComplexListParser.parse("-1000+2000k", "--poles"))
            .startsWith("--poles: cannot read"));
    assertTrue(
        error(() -> ComplexListParser.parse("-1000,,-3", "--poles"))
            .startsWith("--poles: empty item"));
    assertTrue(
        error(() -> ComplexListParser.parse("nan", "--poles")).startsWith("--poles: cannot read"));
    String rhp =
        error(
            () ->
                SpecTarget.builder().optPoles(ComplexListParser.parse("1000", "--poles")).build());
    assertTrue(rhp.startsWith("--poles: pole 1000") && rhp.contains("left half-plane"), rhp);
    String lonely =
        error(
            () ->
                SpecTarget.builder()
                    .optPoles(ComplexListParser.parse("-1000+2000j", "--poles"))
                    .build());
    assertTrue(lonely.contains("no conjugate"), lonely);
    String improper =
        error(
            () ->
                SpecTarget.builder()
                    .optPoles(ComplexListParser.parse("-1000", "--poles"))
                    .optZeros(ComplexListParser.parse("0,-5", "--zeros"))
                    .build());
    assertTrue(improper.startsWith("--zeros: 2 zeros but 1 poles"), improper);
    assertTrue(
        error(() -> SpecTarget.builder().optFc(1e3).optPoles(List.of(new Complex(-1, 0))).build())
            .startsWith("--poles: give either"));
  }

  @Test
  void eSeriesSnapsInLogSpaceAcrossDecades() {
    assertEquals(4.7e-9, ESeries.E12.nearest(4.5e-9));
    assertEquals(1000.0, ESeries.E24.nearest(1040));
    assertEquals(10.0, ESeries.E12.nearest(9.5)); // closer to 10 than to 8.2 in ratio terms
    assertEquals(8.2, ESeries.E12.step(9.5, -1));
    assertEquals(12.0, ESeries.E12.step(9.5, 1));
    assertEquals(1.02e3, ESeries.E96.step(1000, 1));
    assertEquals(9.76e2, ESeries.E96.step(1000, -1));
    assertTrue(
        error(() -> ESeries.parse("E7", "--e-series")).startsWith("--e-series: unknown series"));
    for (ESeries s : ESeries.values()) {
      // Every snapped value is within half a series step (in log terms) of the input.
      double halfStep = Math.log(10) / s.size();
      for (double v = 1.0; v < 10; v *= 1.013) {
        assertTrue(Math.abs(Math.log(s.nearest(v) / v)) <= halfStep, s + " " + v);
      }
    }
  }

  @Test
  void unitsPrintEngineeringNotation() {
    assertEquals("10 kHz", Units.hz(1e4));
    assertEquals("4.7 nF", Units.value(4.7e-9, org.zged.circuit.ElementKind.C));
    assertEquals("1.591 kΩ", Units.value(1591.4, org.zged.circuit.ElementKind.R));
  }
}
