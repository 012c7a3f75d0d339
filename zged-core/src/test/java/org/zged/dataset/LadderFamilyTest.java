package org.zged.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.hipparchus.complex.Complex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.zged.analysis.ResponseClass;
import org.zged.filter.Prototype;
import org.zged.filter.Response;

/**
 * The 16 ladder families of the open preset: every stored circuit is the first kept draw of its own
 * stream, classifies as the family's name says, and its labels (poles, zeros, gain as read from the
 * record) give |H(jω)| = c·|P(jΩ)| at frequencies across pass- and stopband, where P is the
 * prototype in closed form — Butterworth 1/√(1 + Ω^2n), Chebyshev 1/√(1 + ε²T_n(Ω)²) written out
 * here, Bessel and elliptic the prototype's own factored form — and Ω the textbook frequency map of
 * the drawn edges. c is the terminations' divider RL/(Rs + RL) where the passband maximum is at DC,
 * ∞ or the band centre (all but even-order Chebyshev/elliptic). Butterworth and Bessel labels put
 * −3 dB exactly at the drawn edges; Chebyshev and elliptic the ripple.
 */
class LadderFamilyTest {
  private static final int SAMPLES = 12;
  private static final double REL = 1e-6;

  static Stream<LadderFamily> families() {
    return LadderFamily.all().stream();
  }

  @Test
  void sixteenFamiliesWithTheirNames() {
    assertEquals(16, LadderFamily.all().size());
    assertEquals("ladder_butter_lp", LadderFamily.all().get(0).id());
    assertEquals("ladder_ellip_bs", LadderFamily.all().get(15).id());
    for (LadderFamily f : LadderFamily.all()) {
      assertSame(f, CircuitFamilies.parse(f.id(), null));
      assertEquals(250, Preset.OPEN.counts().get(f));
    }
  }

  @ParameterizedTest
  @MethodSource("families")
  void labelsAgreeWithThePrototypeClosedForm(LadderFamily family) {
    DatasetGenerator g =
        DatasetGenerator.builder().optFamilies(List.of(family)).optPerFamily(SAMPLES).build();
    for (int i = 0; i < SAMPLES; i++) {
      CircuitRecord r = g.record(family, i);
      String where = r.id() + " " + r.circuit();
      assertEquals(family.expectedClass(), r.specs().responseClass(), where);
      LadderFamily.Attempt a = firstKept(family, i, r);
      LadderFamily.Draw d = a.draw();
      Prototype p = a.prototype();
      assertEquals(d.order(), p.order(), where);
      int poles = family.band() ? 2 * d.order() : d.order();
      // an elliptic band-stop ladder has a pole-zero pair at ω0 that cancels (docs/filters.md)
      assertTrue(r.order() <= poles && r.order() >= poles - 2, where + ": order " + r.order());
      assertTrue(r.order() <= LadderFamily.MAX_POLES, where);
      checkShape(family, d, p, r, where);
    }
  }

  /** The draw the generator stored for index i: the first attempt whose circuit it kept. */
  private static LadderFamily.Attempt firstKept(LadderFamily f, long i, CircuitRecord r) {
    SplittableRandom rng = CircuitSeeds.forCircuit(DatasetGenerator.DEFAULT_SEED, f, i);
    for (int k = 0; k < DatasetGenerator.MAX_DRAWS; k++) {
      LadderFamily.Attempt a = f.attempt(rng);
      if (a.circuit() != null && a.circuit().equals(r.circuit())) {
        assertNotNull(a.prototype());
        return a;
      }
    }
    throw new AssertionError(r.id() + " is no draw of its own stream");
  }

  private static void checkShape(
      LadderFamily f, LadderFamily.Draw d, Prototype p, CircuitRecord r, String where) {
    ResponseClass type = f.expectedClass();
    double w1 = 2 * Math.PI * d.f1();
    double w2 = f.band() ? 2 * Math.PI * d.f2() : Double.NaN;
    // a reference point in the passband: Ω = 0.5
    double wRef = omegaAt(type, w1, w2, 0.5);
    double c = label(r, wRef) / closedForm(f, d, p, 0.5);
    boolean monotoneOrOdd = !f.response().rippleEdge() || d.order() % 2 == 1;
    if (monotoneOrOdd) {
      double divider = Double.isInfinite(d.rl()) ? 1 : d.rl() / (d.rs() + d.rl());
      assertClose(divider, c, where + ": passband level");
      assertClose(divider, r.specs().passbandGain(), where + ": passband_gain");
    }
    for (double big : new double[] {0.05, 0.3, 0.9, 1, 1.1, 1.5, 2, 3, 5, 10}) {
      double w = omegaAt(type, w1, w2, big);
      double want = c * closedForm(f, d, p, big);
      double got = label(r, w);
      assertTrue(
          Math.abs(got - want) <= REL * want + 1e-12 * c,
          where + ": |H| at Ω = " + big + " is " + got + ", closed form " + want);
    }
    // the edge: -3 dB (Butterworth, Bessel) or the ripple (Chebyshev, elliptic) below c
    double edgeDb = f.response().rippleEdge() ? d.rippleDb() : 10 * Math.log10(2);
    double at1 = -20 * Math.log10(label(r, w1) / c);
    assertEquals(edgeDb, at1, 1e-5, where + ": attenuation at f1");
    if (f.band()) {
      assertEquals(edgeDb, -20 * Math.log10(label(r, w2) / c), 1e-5, where + ": at f2");
    }
    if (!f.response().rippleEdge()) {
      // the spec labels themselves: the -3 dB point is the drawn edge
      if (f.band()) {
        assertClose(d.f1(), r.specs().fLowHz(), where + ": f_low_hz");
        assertClose(d.f2(), r.specs().fHighHz(), where + ": f_high_hz");
      } else {
        assertClose(d.f1(), r.specs().fcHz(), where + ": fc_hz");
      }
    }
    if (f.response() == Response.ELLIPTIC) {
      double ws = p.stopbandEdge();
      for (double k : new double[] {1, 1.01, 1.2, 2, 5}) {
        double stop = -20 * Math.log10(label(r, omegaAt(type, w1, w2, ws * k)) / c);
        assertTrue(stop >= p.attenuationDb() - 1e-5, where + ": stopband " + stop + " dB");
      }
    }
  }

  /** A frequency (rad/s) where the prototype frequency is Ω (the upper one for band forms). */
  private static double omegaAt(ResponseClass type, double w1, double w2, double big) {
    return switch (type) {
      case LOWPASS -> w1 * big;
      case HIGHPASS -> w1 / big;
      case BANDPASS -> {
        // Ω = (ω² − ω0²)/(B·ω)
        double b = (w2 - w1) * big;
        yield b / 2 + Math.sqrt(b * b / 4 + w1 * w2);
      }
      case BANDSTOP -> {
        // Ω = B·ω/(ω² − ω0²)
        double b = (w2 - w1) / big;
        yield b / 2 + Math.sqrt(b * b / 4 + w1 * w2);
      }
      default -> throw new IllegalArgumentException(type.label());
    };
  }

  /** |P(jΩ)| of the prototype, normalised to a passband maximum of 1. */
  private static double closedForm(LadderFamily f, LadderFamily.Draw d, Prototype p, double w) {
    int n = d.order();
    return switch (f.response()) {
      case BUTTERWORTH -> 1 / Math.sqrt(1 + Math.pow(w, 2 * n));
      case CHEBYSHEV -> {
        assertEquals(Prototype.Variant.A, p.variant());
        double eps2 = Math.pow(10, d.rippleDb() / 10) - 1;
        double t = w <= 1 ? Math.cos(n * Math.acos(w)) : Math.cosh(n * acosh(w));
        yield 1 / Math.sqrt(1 + eps2 * t * t);
      }
      case BESSEL, ELLIPTIC -> p.magnitude(w);
    };
  }

  private static double acosh(double x) {
    return Math.log(x + Math.sqrt(x * x - 1));
  }

  /** |H(jω)| from the record's poles, zeros and gain. */
  private static double label(CircuitRecord r, double w) {
    Complex s = new Complex(0, w);
    double log = Math.log(Math.abs(r.gain()));
    for (Complex z : r.zeros()) {
      log += Math.log(s.subtract(z).norm());
    }
    for (Complex p : r.poles()) {
      log -= Math.log(s.subtract(p).norm());
    }
    return Math.exp(log);
  }

  private static void assertClose(double want, Double got, String what) {
    assertNotNull(got, what);
    assertTrue(Math.abs(got - want) <= REL * Math.abs(want), what + ": " + got + " vs " + want);
  }
}
