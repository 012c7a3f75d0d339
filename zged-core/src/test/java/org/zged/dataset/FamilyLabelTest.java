package org.zged.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.hipparchus.complex.Complex;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.zged.analysis.Analysis;
import org.zged.analysis.CircuitAnalyzer;
import org.zged.analysis.FilterSpecs;
import org.zged.analysis.ResponseClass;
import org.zged.circuit.Circuit;

/**
 * Every family's labels against its own closed form, derived by hand for its topology (the
 * derivations are in docs/dataset.md), on 300 sampled circuits per family: poles, zeros, gain K,
 * response class and every spec. The response class is the one the family's name promises.
 */
class FamilyLabelTest {
  private static final double TOL = 1e-9;
  private static final double TWO_PI = 2 * Math.PI;
  private static final int SAMPLES = 300;

  @ParameterizedTest
  @EnumSource(FilterFamily.class)
  void labelsMatchTheClosedForm(FilterFamily family) {
    DatasetGenerator g =
        DatasetGenerator.builder().optFamilies(List.of(family)).optPerFamily(SAMPLES).build();
    for (int i = 0; i < SAMPLES; i++) {
      CircuitRecord r = g.record(family, i);
      Expected want = closedForm(family, r.circuit());
      String where = r.id() + " " + r.circuit();
      assertEquals(family.expectedClass(), want.responseClass, "closed form class of " + family);
      assertEquals(family.expectedClass(), r.specs().responseClass(), where);
      assertRoots(want.poles, r.poles(), "poles of " + where);
      assertRoots(want.zeros, r.zeros(), "zeros of " + where);
      assertClose(want.gain, r.gain(), "gain of " + where);
      assertSpecs(want, r.specs(), where);
    }
  }

  /**
   * The corners of every family's value box (each independent value at the bottom or top of its
   * range): the extremes of Q and frequency, e.g. rlc_series with Q near 0.001.
   */
  @ParameterizedTest
  @EnumSource(FilterFamily.class)
  void labelsMatchTheClosedFormAtTheRangeCorners(FilterFamily family) {
    int k = family.ranges().size();
    for (int corner = 0; corner < 1 << k; corner++) {
      double[] values = new double[k];
      for (int i = 0; i < k; i++) {
        ValueRange r = family.ranges().get(i);
        values[i] = (corner >> i & 1) == 0 ? r.min() : r.max();
      }
      Circuit c = family.build(values);
      Analysis a = CircuitAnalyzer.analyze(c);
      Expected want = closedForm(family, c);
      String where = family.id() + " corner " + c;
      assertEquals(family.expectedClass(), a.specs().responseClass(), where);
      assertRoots(want.poles, a.poles(), "poles of " + where);
      assertRoots(want.zeros, a.zeros(), "zeros of " + where);
      assertClose(want.gain, a.gain(), "gain of " + where);
      assertSpecs(want, a.specs(), where);
    }
  }

  /** The closed forms, one per family. */
  private static Expected closedForm(FilterFamily family, Circuit c) {
    return switch (family) {
      case RC_LOWPASS -> {
        double p = 1 / (v(c, "R1") * v(c, "C1"));
        yield firstOrder(ResponseClass.LOWPASS, p, List.of(), p);
      }
      case RC_HIGHPASS -> {
        double p = 1 / (v(c, "R1") * v(c, "C1"));
        yield firstOrder(ResponseClass.HIGHPASS, p, List.of(Complex.ZERO), 1);
      }
      case RL_LOWPASS -> {
        double p = v(c, "R1") / v(c, "L1");
        yield firstOrder(ResponseClass.LOWPASS, p, List.of(), p);
      }
      case RL_HIGHPASS -> {
        double p = v(c, "R1") / v(c, "L1");
        yield firstOrder(ResponseClass.HIGHPASS, p, List.of(Complex.ZERO), 1);
      }
      case RLC_LOWPASS -> {
        // H = (1/LC) / (s² + s·R/L + 1/LC)
        double l = v(c, "L1");
        double cap = v(c, "C1");
        yield secondOrderLowpass(v(c, "R1") / l, 1 / Math.sqrt(l * cap), 1 / (l * cap));
      }
      case LC_LOWPASS -> {
        double l = v(c, "L1");
        double cap = v(c, "C1");
        yield secondOrderLowpass(0, 1 / Math.sqrt(l * cap), 1 / (l * cap));
      }
      case CL_HIGHPASS -> {
        // H = s² / (s² + 1/LC): |H| = 1 at ∞, infinite at ω0, −3 dB at ω0/√(1+√2) below it
        double w0 = 1 / Math.sqrt(v(c, "L1") * v(c, "C1"));
        Expected e = new Expected(ResponseClass.HIGHPASS);
        e.poles = List.of(new Complex(0, w0), new Complex(0, -w0));
        e.zeros = List.of(Complex.ZERO, Complex.ZERO);
        e.gain = 1;
        e.fc = w0 / Math.sqrt(1 + Math.sqrt(2)) / TWO_PI;
        e.passband = 1.0;
        e.poleF0 = w0 / TWO_PI;
        e.lossless = true;
        yield e;
      }
      case RLC_BANDPASS -> {
        // H = s·(R/L) / (s² + s·R/L + 1/LC): peak 1 at ω0
        double b = v(c, "R1") / v(c, "L1");
        yield secondOrderBandpass(b, w0(c), b, 1);
      }
      case TANK_BANDPASS -> {
        // V(n1)/Vin = (s/RsC) / (s² + s·Gt/C + 1/LC), Gt = 1/Rs + 1/Rp + 1/(Rl+Ro); Vout = V(n1)/2
        double rs = v(c, "Rs");
        double cap = v(c, "C1");
        double gt = 1 / rs + 1 / v(c, "Rp") + 1 / (v(c, "Rl") + v(c, "Ro"));
        double k = 0.5 / (rs * cap);
        yield secondOrderBandpass(gt / cap, w0(c), k, k / (gt / cap));
      }
      case RLC_SERIES -> {
        // H = s·(Rl/L) / (s² + s·(R+Rl)/L + 1/LC): peak Rl/(R+Rl) at ω0
        double l = v(c, "L1");
        double rl = v(c, "Rl");
        double b = (v(c, "R1") + rl) / l;
        yield secondOrderBandpass(b, w0(c), rl / l, (rl / l) / b);
      }
      case RLC_PARALLEL -> {
        // H = (s/RsC) / (s² + s/(Reff·C) + 1/LC), Reff = Rs‖Rp: peak Reff/Rs at ω0
        double rs = v(c, "Rs");
        double rp = v(c, "Rp");
        double cap = v(c, "C1");
        double b = (1 / rs + 1 / rp) / cap;
        double k = 1 / (rs * cap);
        yield secondOrderBandpass(b, w0(c), k, k / b);
      }
      case NOTCH_BANDSTOP -> {
        // H = K·(s² + ω0²) / (s² + s·R'/L + ω0²), K = Rl/(Rs + Rl + Ro), R' = Rs‖(Rl+Ro)
        double rs = v(c, "Rs");
        double rlo = v(c, "Rl") + v(c, "Ro");
        double k = v(c, "Rl") / (rs + rlo);
        double b = (rs * rlo / (rs + rlo)) / v(c, "L1");
        double w0 = w0(c);
        Expected e = new Expected(ResponseClass.BANDSTOP);
        e.poles = pair(b, w0);
        e.zeros = List.of(new Complex(0, w0), new Complex(0, -w0));
        e.gain = k;
        bandEdges(e, b, w0);
        e.passband = k;
        e.poleQ = w0 / b;
        e.poleF0 = w0 / TWO_PI;
        yield e;
      }
    };
  }

  private static Expected firstOrder(
      ResponseClass rc, double pole, List<Complex> zeros, double gain) {
    Expected e = new Expected(rc);
    e.poles = List.of(new Complex(-pole, 0));
    e.zeros = zeros;
    e.gain = gain;
    e.fc = pole / TWO_PI;
    e.passband = 1.0;
    return e;
  }

  /**
   * (ω0²)/(s² + b·s + ω0²): passband 1 at DC, |H|² = 1/2 where (1 − x²)² + x²/Q² = 2 with x = ω/ω0,
   * 1/Q = b/ω0, i.e. x² = positive root of y² + (1/Q² − 2)·y − 1.
   */
  private static Expected secondOrderLowpass(double b, double w0, double gain) {
    Expected e = new Expected(ResponseClass.LOWPASS);
    e.poles = pair(b, w0);
    e.zeros = List.of();
    e.gain = gain;
    double a = 2 - (b / w0) * (b / w0);
    double y = a >= 0 ? (a + Math.sqrt(a * a + 4)) / 2 : 2 / (Math.sqrt(a * a + 4) - a);
    e.fc = w0 * Math.sqrt(y) / TWO_PI;
    e.passband = 1.0;
    e.poleQ = b == 0 ? null : w0 / b;
    e.poleF0 = w0 / TWO_PI;
    e.lossless = b == 0;
    return e;
  }

  /** k·s/(s² + b·s + ω0²): peak k/b at ω0, −3 dB edges where |ω0² − ω²| = b·ω, Q = ω0/b. */
  private static Expected secondOrderBandpass(double b, double w0, double k, double peak) {
    Expected e = new Expected(ResponseClass.BANDPASS);
    e.poles = pair(b, w0);
    e.zeros = List.of(Complex.ZERO);
    e.gain = k;
    bandEdges(e, b, w0);
    e.passband = peak;
    e.poleQ = w0 / b;
    e.poleF0 = w0 / TWO_PI;
    return e;
  }

  private static void bandEdges(Expected e, double b, double w0) {
    double high = (b + Math.sqrt(b * b + 4 * w0 * w0)) / 2;
    double low = w0 * w0 / high; // the edges' geometric mean is ω0; no cancellation this way
    e.f0 = w0 / TWO_PI;
    e.fLow = low / TWO_PI;
    e.fHigh = high / TWO_PI;
    e.bandwidth = b / TWO_PI;
    e.q = w0 / b;
  }

  /** The roots of s² + b·s + ω0², computed without cancellation. */
  private static List<Complex> pair(double b, double w0) {
    double disc = b * b / 4 - w0 * w0;
    if (disc < 0) {
      double im = Math.sqrt(-disc);
      return List.of(new Complex(-b / 2, im), new Complex(-b / 2, -im));
    }
    double big = -(b / 2 + Math.sqrt(disc));
    return List.of(new Complex(big, 0), new Complex(w0 * w0 / big, 0));
  }

  private static double w0(Circuit c) {
    return 1 / Math.sqrt(v(c, "L1") * v(c, "C1"));
  }

  private static double v(Circuit c, String name) {
    return c.element(name).value();
  }

  private static void assertSpecs(Expected e, FilterSpecs s, String where) {
    assertNullable(e.fc, s.fcHz(), "fc_hz of " + where);
    assertNullable(e.f0, s.f0Hz(), "f0_hz of " + where);
    assertNullable(e.q, s.q(), "q of " + where);
    assertNullable(e.bandwidth, s.bandwidthHz(), "bandwidth_hz of " + where);
    assertNullable(e.fLow, s.fLowHz(), "f_low_hz of " + where);
    assertNullable(e.fHigh, s.fHighHz(), "f_high_hz of " + where);
    assertNullable(e.passband, s.passbandGain(), "passband_gain of " + where);
    assertNullable(e.poleQ, s.poleQ(), "pole_q of " + where);
    assertNullable(e.poleF0, s.poleF0Hz(), "pole_f0_hz of " + where);
    assertEquals(e.lossless, s.lossless(), "lossless of " + where);
  }

  private static void assertNullable(Double want, Double got, String what) {
    if (want == null) {
      assertNull(got, what);
    } else {
      assertNotNull(got, what);
      assertClose(want, got, what);
    }
  }

  private static void assertClose(double want, double got, String what) {
    assertTrue(
        Math.abs(want - got) <= TOL * Math.abs(want), what + ": want " + want + ", got " + got);
  }

  private static void assertRoots(List<Complex> want, List<Complex> got, String what) {
    assertEquals(want.size(), got.size(), what + " count: " + got);
    double scale = want.stream().mapToDouble(Complex::norm).max().orElse(0);
    Comparator<Complex> order =
        Comparator.comparingDouble(Complex::getReal).thenComparingDouble(Complex::getImaginary);
    List<Complex> a = new ArrayList<>(want);
    List<Complex> b = new ArrayList<>(got);
    a.sort(order);
    b.sort(order);
    for (int i = 0; i < a.size(); i++) {
      // relative to the root itself, and to the set's scale for roots at the origin
      double tol = TOL * Math.max(a.get(i).norm(), 1e-6 * scale);
      assertTrue(a.get(i).subtract(b.get(i)).norm() <= tol, what + ": want " + a + ", got " + b);
    }
  }

  /** A family's closed-form labels; null where a spec does not apply. */
  private static final class Expected {
    final ResponseClass responseClass;
    List<Complex> poles;
    List<Complex> zeros;
    double gain;
    Double fc;
    Double f0;
    Double q;
    Double bandwidth;
    Double fLow;
    Double fHigh;
    Double passband;
    Double poleQ;
    Double poleF0;
    boolean lossless;

    Expected(ResponseClass responseClass) {
      this.responseClass = responseClass;
    }
  }
}
