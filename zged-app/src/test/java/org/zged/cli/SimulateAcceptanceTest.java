package org.zged.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code zged simulate --json} on the example netlist of every dataset family (and the exactly
 * solvable textbook ones) gives poles, zeros, K and specs equal to closed forms written here from
 * the element values in the file, to 1e-9 relative.
 */
class SimulateAcceptanceTest {
  private static final double TOL = 1e-9;
  private static final double TWO_PI = 2 * Math.PI;

  /** What the closed form says; null means the key must be JSON null. */
  private static final class Expected {
    String responseClass;
    final List<double[]> poles = new ArrayList<>();
    final List<double[]> zeros = new ArrayList<>();
    double gain;
    final Map<String, Double> specs = new LinkedHashMap<>();
    boolean lossless;

    Expected(String responseClass) {
      this.responseClass = responseClass;
      for (String k :
          List.of(
              "fc_hz",
              "f0_hz",
              "q",
              "bandwidth_hz",
              "f_low_hz",
              "f_high_hz",
              "passband_gain",
              "pole_q",
              "pole_f0_hz")) {
        specs.put(k, null);
      }
    }

    Expected pole(double re, double im) {
      poles.add(new double[] {re, im});
      return this;
    }

    /** The roots of s² + b·s + c (a conjugate pair or two real roots). */
    Expected quadraticPoles(double b, double c) {
      double disc = b * b / 4 - c;
      if (disc < 0) {
        pole(-b / 2, Math.sqrt(-disc)).pole(-b / 2, -Math.sqrt(-disc));
      } else {
        // The numerically stable pair: the larger root first, the smaller from c = p1·p2.
        double big = -b / 2 - Math.sqrt(disc);
        pole(big, 0).pole(c / big, 0);
      }
      return this;
    }

    Expected zero(double re, double im) {
      zeros.add(new double[] {re, im});
      return this;
    }

    Expected gain(double k) {
      gain = k;
      return this;
    }

    Expected spec(String key, double value) {
      specs.put(key, value);
      return this;
    }

    Expected lossless() {
      lossless = true;
      return this;
    }

    /** Band-pass/stop edges where |ω0² − ω²| = ω·B: f0, edges, bandwidth B/2π and Q = ω0/B. */
    Expected band(double w0, double b, double gainAtReference) {
      double root = Math.sqrt(b * b + 4 * w0 * w0);
      return spec("f0_hz", w0 / TWO_PI)
          .spec("f_low_hz", (root - b) / 2 / TWO_PI)
          .spec("f_high_hz", (root + b) / 2 / TWO_PI)
          .spec("bandwidth_hz", b / TWO_PI)
          .spec("q", w0 / b)
          .spec("passband_gain", gainAtReference);
    }

    /** Natural frequency and Q of s² + b·s + ω0². */
    Expected poleSpecs(double w0, double b) {
      return spec("pole_f0_hz", w0 / TWO_PI).spec("pole_q", w0 / b);
    }
  }

  private static JsonNode simulate(String example) throws Exception {
    SimulateRun run =
        SimulateRun.of("simulate", SimulateRun.examples().resolve(example).toString(), "--json");
    assertEquals(0, run.exitCode(), run.err());
    return new ObjectMapper().readTree(run.out());
  }

  private static void check(String example, Expected e) throws Exception {
    JsonNode j = simulate(example);
    assertEquals(e.responseClass, j.get("response_class").asText(), example + " class");
    assertRoots(example + " poles", e.poles, j.get("poles"));
    assertRoots(example + " zeros", e.zeros, j.get("zeros"));
    assertClose(example + " gain", e.gain, j.get("gain").asDouble());
    for (Map.Entry<String, Double> s : e.specs.entrySet()) {
      JsonNode v = j.get(s.getKey());
      assertTrue(v != null, example + " has key " + s.getKey());
      if (s.getValue() == null) {
        assertTrue(v.isNull(), example + " " + s.getKey() + " should be null, was " + v);
      } else {
        assertTrue(v.isNumber(), example + " " + s.getKey() + " should be a number, was " + v);
        assertClose(example + " " + s.getKey(), s.getValue(), v.asDouble());
      }
    }
    assertEquals(e.lossless, j.get("lossless").asBoolean(), example + " lossless");
  }

  private static void assertClose(String what, double expected, double actual) {
    assertTrue(
        Math.abs(actual - expected) <= TOL * Math.abs(expected),
        () -> what + ": expected " + expected + " got " + actual);
  }

  /** Same multiset of roots, each within 1e-9 of the largest root magnitude. */
  private static void assertRoots(String what, List<double[]> expected, JsonNode actual) {
    assertEquals(expected.size(), actual.size(), what + " count: " + actual);
    double scale = 0;
    for (double[] r : expected) {
      scale = Math.max(scale, Math.hypot(r[0], r[1]));
    }
    double tol = TOL * Math.max(scale, 1e-300);
    List<JsonNode> left = new ArrayList<>();
    actual.forEach(left::add);
    for (double[] r : expected) {
      JsonNode match = null;
      for (JsonNode a : left) {
        if (Math.hypot(a.get(0).asDouble() - r[0], a.get(1).asDouble() - r[1]) <= tol) {
          match = a;
          break;
        }
      }
      JsonNode found = match;
      assertTrue(
          found != null, () -> what + ": no match for " + r[0] + " + " + r[1] + "j in " + actual);
      left.remove(found);
    }
  }

  /** ω at which a 2nd-order low-pass 1/(1 − x + jx^½/Q), x = (ω/ω0)², is 3 dB below |H(0)|. */
  private static double lowpassCutoff(double w0, double q) {
    double a = 2 - 1 / (q * q);
    return w0 * Math.sqrt((a + Math.sqrt(a * a + 4)) / 2);
  }

  @Test
  void rcLowpass() throws Exception {
    double r = 1.6e3, c = 100e-9, w = 1 / (r * c);
    check(
        "rc_lowpass.cir",
        new Expected("lowpass")
            .pole(-w, 0)
            .gain(w)
            .spec("fc_hz", w / TWO_PI)
            .spec("passband_gain", 1));
  }

  @Test
  void rcHighpass() throws Exception {
    double r = 15e3, c = 10e-9, w = 1 / (r * c);
    check(
        "rc_highpass.cir",
        new Expected("highpass")
            .pole(-w, 0)
            .zero(0, 0)
            .gain(1)
            .spec("fc_hz", w / TWO_PI)
            .spec("passband_gain", 1));
  }

  @Test
  void rlcLowpass() throws Exception {
    double r = 100, l = 1e-3, c = 100e-9, w0 = 1 / Math.sqrt(l * c), b = r / l;
    check(
        "rlc_lowpass.cir",
        new Expected("lowpass")
            .quadraticPoles(b, w0 * w0)
            .gain(w0 * w0)
            .spec("fc_hz", lowpassCutoff(w0, w0 / b) / TWO_PI)
            .spec("passband_gain", 1)
            .poleSpecs(w0, b));
  }

  @Test
  void rlcBandpass() throws Exception {
    double l = 10e-3, c = 10e-9, r = 100, w0 = 1 / Math.sqrt(l * c), b = r / l;
    check(
        "rlc_bandpass.cir",
        new Expected("bandpass")
            .quadraticPoles(b, w0 * w0)
            .zero(0, 0)
            .gain(b)
            .band(w0, b, 1)
            .poleSpecs(w0, b));
  }

  @Test
  void tankBandpass() throws Exception {
    double rs = 1e3, l = 1e-3, c = 100e-9, rp = 2e3, rl = 10e3, ro = 10e3;
    double w0 = 1 / Math.sqrt(l * c);
    double g = 1 / rs + 1 / rp + 1 / (rl + ro);
    double divider = ro / (rl + ro);
    double b = g / c;
    check(
        "tank_bandpass.cir",
        new Expected("bandpass")
            .quadraticPoles(b, w0 * w0)
            .zero(0, 0)
            .gain(divider / (rs * c))
            .band(w0, b, divider / (rs * g))
            .poleSpecs(w0, b));
  }

  @Test
  void notchBandstop() throws Exception {
    double rs = 1e3, l = 1e-3, c = 100e-9, rl = 10e3, ro = 10e3;
    double w0 = 1 / Math.sqrt(l * c);
    double gt = 1 / rs + 1 / (rl + ro);
    double k = ro / (rl + ro) / rs / gt;
    double b = 1 / (l * gt);
    check(
        "notch_bandstop.cir",
        new Expected("bandstop")
            .quadraticPoles(b, w0 * w0)
            .zero(0, w0)
            .zero(0, -w0)
            .gain(k)
            .band(w0, b, k)
            .poleSpecs(w0, b));
  }

  @Test
  void rlcSeries() throws Exception {
    double r = 47, l = 1e-3, c = 100e-9, rl = 470;
    double w0 = 1 / Math.sqrt(l * c), b = (r + rl) / l;
    check(
        "rlc_series.cir",
        new Expected("bandpass")
            .quadraticPoles(b, w0 * w0)
            .zero(0, 0)
            .gain(rl / l)
            .band(w0, b, rl / (r + rl))
            .poleSpecs(w0, b));
  }

  @Test
  void rlcParallel() throws Exception {
    double rs = 470, l = 1e-3, c = 100e-9, r = 10e3;
    double reff = 1 / (1 / r + 1 / rs);
    double w0 = 1 / Math.sqrt(l * c), b = 1 / (reff * c);
    check(
        "rlc_parallel.cir",
        new Expected("bandpass")
            .quadraticPoles(b, w0 * w0)
            .zero(0, 0)
            .gain(1 / (rs * c))
            .band(w0, b, reff / rs)
            .poleSpecs(w0, b));
  }

  @Test
  void lcLowpass() throws Exception {
    double l = 1e-3, c = 100e-9, w0 = 1 / Math.sqrt(l * c);
    // |H| = 1/|1 − x| = 1/√2 above resonance: x = 1 + √2. Q is infinite: null, flagged lossless.
    check(
        "lc_lowpass.cir",
        new Expected("lowpass")
            .pole(0, w0)
            .pole(0, -w0)
            .gain(w0 * w0)
            .spec("fc_hz", w0 * Math.sqrt(1 + Math.sqrt(2)) / TWO_PI)
            .spec("passband_gain", 1)
            .spec("pole_f0_hz", w0 / TWO_PI)
            .lossless());
  }

  @Test
  void clHighpass() throws Exception {
    double c = 100e-9, l = 1e-3, w0 = 1 / Math.sqrt(l * c);
    check(
        "cl_highpass.cir",
        new Expected("highpass")
            .pole(0, w0)
            .pole(0, -w0)
            .zero(0, 0)
            .zero(0, 0)
            .gain(1)
            .spec("fc_hz", w0 / Math.sqrt(1 + Math.sqrt(2)) / TWO_PI)
            .spec("passband_gain", 1)
            .spec("pole_f0_hz", w0 / TWO_PI)
            .lossless());
  }

  @Test
  void rlLowpass() throws Exception {
    double l = 10e-3, r = 1e3, w = r / l;
    check(
        "rl_lowpass.cir",
        new Expected("lowpass")
            .pole(-w, 0)
            .gain(w)
            .spec("fc_hz", w / TWO_PI)
            .spec("passband_gain", 1));
  }

  @Test
  void rlHighpass() throws Exception {
    double r = 1e3, l = 10e-3, w = r / l;
    check(
        "rl_highpass.cir",
        new Expected("highpass")
            .pole(-w, 0)
            .zero(0, 0)
            .gain(1)
            .spec("fc_hz", w / TWO_PI)
            .spec("passband_gain", 1));
  }

  @Test
  void twinTNotch() throws Exception {
    // Balanced twin-T (R, R, 2C / C, C, R/2), unloaded: H = (s² + ω0²)/(s² + 4ω0·s + ω0²).
    double r = 10e3, c = 10e-9, w0 = 1 / (r * c), b = 4 * w0;
    check(
        "twin_t_notch.cir",
        new Expected("bandstop")
            .quadraticPoles(b, w0 * w0)
            .zero(0, w0)
            .zero(0, -w0)
            .gain(1)
            .band(w0, b, 1)
            .poleSpecs(w0, b));
  }

  /**
   * A doubly terminated Butterworth ladder: H(s) = ½·ωcⁿ/Π(s − pₖ), pₖ = ωc·e^{jπ(2k+n−1)/(2n)}, −3
   * dB (relative to ½) exactly at ωc; the dominant pair is the one nearest the jω axis.
   */
  private static Expected butterworthLadder(int n, double fc) {
    double wc = TWO_PI * fc;
    Expected e = new Expected("lowpass").gain(0.5 * Math.pow(wc, n));
    for (int k = 1; k <= n; k++) {
      double theta = Math.PI * (2 * k + n - 1) / (2 * n);
      e.pole(wc * Math.cos(theta), Math.abs(Math.sin(theta)) < 1e-15 ? 0 : wc * Math.sin(theta));
    }
    double nearest = Math.PI / (2 * n); // angle of the first pole from the jω axis
    return e.spec("fc_hz", fc)
        .spec("passband_gain", 0.5)
        .spec("pole_f0_hz", fc)
        .spec("pole_q", 1 / (2 * Math.sin(nearest)));
  }

  @Test
  void butterworthLadder3() throws Exception {
    check("lc_ladder3_lowpass.cir", butterworthLadder(3, 1e4));
  }

  @Test
  void butterworthLadder5() throws Exception {
    check("lc_ladder5_lowpass.cir", butterworthLadder(5, 1e4));
  }

  @Test
  void textOutputShowsTheSpecs() {
    SimulateRun run =
        SimulateRun.of("simulate", SimulateRun.examples().resolve("rlc_bandpass.cir").toString());
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("H(s) = (10000·s) / (s^2 + 10000·s + 1e10)"), run.out());
    assertTrue(run.out().contains("-5000 ± 99874.9j"), run.out());
    assertTrue(run.out().contains("peak f0              15.9155 kHz"), run.out());
    assertTrue(run.out().contains("Q = f0/bandwidth     10\n"), run.out());
    assertEquals("", run.err());
  }
}
