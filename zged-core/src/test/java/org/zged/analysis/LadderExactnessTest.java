package org.zged.analysis;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.hipparchus.complex.Complex;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.zged.circuit.Circuit;

/**
 * Ladders of 1 to 20 sections — RC, RLC, doubly terminated LC with Butterworth and with 0.5 dB
 * Chebyshev values (textbook g-value formulas) — against the 60-digit nodal solve: the complex H
 * from the poles, zeros and gain, and |H| from the response curve users see, within 1e-9 relative
 * at frequencies from a decade below to a decade above the band edge.
 */
class LadderExactnessTest {
  private static final double R = 1e3;
  private static final double FC = 1e4;
  private static final double WC = 2 * Math.PI * FC;

  static Stream<Arguments> ladders() {
    return IntStream.rangeClosed(1, 20)
        .boxed()
        .flatMap(
            n ->
                Stream.of(
                    Arguments.of("RC", n, rc(n)),
                    Arguments.of("RLC", n, rlc(n)),
                    Arguments.of("Butterworth", n, lc(n, butterworth(n))),
                    Arguments.of("Chebyshev", n, n % 2 == 1 ? lc(n, chebyshev(n, 0.5)) : rc(n))));
  }

  /** The issue's RC ladder: 1 kΩ / 1 nF per section. */
  static Circuit rc(int n) {
    Circuit.Builder b = Circuit.builder().title("rc ladder " + n);
    String prev = "vin";
    for (int k = 1; k <= n; k++) {
      String next = k == n ? "vout" : "n" + k;
      b.r("R" + k, prev, next, 1e3).c("C" + k, next, "0", 1e-9);
      prev = next;
    }
    return b.build();
  }

  /** Series R‖L, shunt C, all values different (no multiple roots), loaded by 1 kΩ. */
  static Circuit rlc(int n) {
    Circuit.Builder b = Circuit.builder().title("rlc ladder " + n);
    String prev = "vin";
    for (int k = 1; k <= n; k++) {
      String next = k == n ? "vout" : "n" + k;
      b.r("R" + k, prev, next, 100 + 37 * k).l("L" + k, prev, next, 1e-3 * (1 + 0.3 * k));
      b.c("C" + k, next, "0", 1e-8 / (1 + 0.2 * k));
      prev = next;
    }
    return b.r("RL", "vout", "0", 1e3).build();
  }

  /** Source resistor, shunt C / series L alternating with the given g-values, load resistor. */
  static Circuit lc(int n, double[] g) {
    int lastNode = 2 * (n / 2);
    java.util.function.IntFunction<String> node = j -> j == lastNode ? "vout" : "n" + j;
    Circuit.Builder b = Circuit.builder().title("lc ladder " + n).r("Rs", "vin", node.apply(0), R);
    int at = 0;
    for (int k = 1; k <= n; k++) {
      if (k % 2 == 1) {
        b.c("C" + k, node.apply(at), "0", g[k - 1] / (R * WC));
      } else {
        b.l("L" + k, node.apply(at), node.apply(k), g[k - 1] * R / WC);
        at = k;
      }
    }
    return b.r("RL", "vout", "0", R).build();
  }

  static double[] butterworth(int n) {
    double[] g = new double[n];
    for (int k = 1; k <= n; k++) {
      g[k - 1] = 2 * Math.sin((2 * k - 1) * Math.PI / (2 * n));
    }
    return g;
  }

  /** Chebyshev low-pass prototype g-values (odd n: equal terminations). */
  static double[] chebyshev(int n, double rippleDb) {
    double beta = Math.log(1 / Math.tanh(rippleDb / 17.37));
    double gamma = Math.sinh(beta / (2 * n));
    double[] a = new double[n + 1];
    double[] bb = new double[n + 1];
    for (int k = 1; k <= n; k++) {
      a[k] = Math.sin((2 * k - 1) * Math.PI / (2 * n));
      bb[k] = gamma * gamma + Math.pow(Math.sin(k * Math.PI / n), 2);
    }
    double[] g = new double[n];
    g[0] = 2 * a[1] / gamma;
    for (int k = 2; k <= n; k++) {
      g[k - 1] = 4 * a[k - 1] * a[k] / (bb[k - 1] * g[k - 2]);
    }
    return g;
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("ladders")
  void withinOneInABillionOfTheSixtyDigitSolve(String kind, int n, Circuit c) {
    Analysis a = CircuitAnalyzer.analyze(c);
    double[] fHz = {FC / 10, FC / 2, FC, 2 * FC, 10 * FC};
    FrequencyResponse r = a.response(fHz);
    for (int i = 0; i < fHz.length; i++) {
      Complex s = new Complex(0, 2 * Math.PI * fHz[i]);
      Complex exact = HighPrecisionNodalSolver.solveAt(c, s);
      Complex h = factored(a, s);
      double err = h.subtract(exact).norm() / exact.norm();
      assertTrue(err <= 1e-9, kind + " " + n + " at " + fHz[i] + " Hz: " + h + " vs " + exact);
      double mag = Math.pow(10, r.magnitudeDb()[i] / 20);
      assertTrue(
          Math.abs(mag - exact.norm()) <= 1e-9 * exact.norm(),
          kind + " " + n + " response at " + fHz[i] + " Hz: " + mag + " vs " + exact.norm());
    }
  }

  static Complex factored(Analysis a, Complex s) {
    Complex h = new Complex(a.gain());
    int k = Math.max(a.zeros().size(), a.poles().size());
    for (int i = 0; i < k; i++) {
      if (i < a.zeros().size()) {
        h = h.multiply(s.subtract(a.zeros().get(i)));
      }
      if (i < a.poles().size()) {
        h = h.divide(s.subtract(a.poles().get(i)));
      }
    }
    return h;
  }
}
