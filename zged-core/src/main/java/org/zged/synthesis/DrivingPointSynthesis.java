package org.zged.synthesis;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.hipparchus.complex.Complex;
import org.zged.filter.Prototype;
import org.zged.filter.ReflectionZeros;

/**
 * Ladder synthesis of a low-pass prototype from its driving-point function (Darlington):
 *
 * <ul>
 *   <li>doubly terminated (source 1 Ω, load r Ω): the transducer gain at the passband maximum is K
 *       = 4r/(1 + r)²/|H(0)|² (at DC the ladder is a through connection); the reflection zeros F
 *       are the roots of 1 − K·|H|² ({@link ReflectionZeros}); Z_in = (E − F)/(E + F) starts with a
 *       shunt capacitor, (E + F)/(E − F) with a series inductor; of F and its mirror F(−s) the one
 *       with Z_in(0) = r is taken;
 *   <li>ideal source, load 1 Ω: y₂₂ = E_even/E_odd developed from the load end;
 *   <li>source 1 Ω, open load: z₁₁ = E_even/E_odd developed from the source end.
 * </ul>
 *
 * The development ({@link ZeroShifting}) places the finite transmission zeros; orders of extraction
 * are tried until every element is positive.
 */
public final class DrivingPointSynthesis {
  /** Permutations of the zero order tried before giving up. */
  private static final int MAX_ORDERS = 5040;

  private DrivingPointSynthesis() {}

  /**
   * The normalised prototype ladder; {@code rl} is the load/source ratio, or with {@code rs = 0}
   * the ladder is driven by an ideal source into 1 Ω, or with {@code rl = ∞} from 1 Ω into an open.
   *
   * @throws SynthesisException when the terminations cannot be met (with the reason)
   */
  public static Ladder synthesize(Prototype p, double rs, double rl, LadderForm form) {
    boolean bessel = p.response() == org.zged.filter.Response.BESSEL;
    // Butterworth and classical Chebyshev: exact polynomials (their poles carry double rounding)
    boolean exact = isExact(p);
    BigDecimal[] e =
        bessel
            ? BesselPolynomials.e(p)
            : exact ? exactPolynomials(p, 1)[0] : BigPoly.fromRoots(p.poles());
    double[] zerosW = zeroFrequencies(p.zeros());
    if (rs == 0) {
      Ladder fromLoad = develop(BigPoly.even(e), BigPoly.odd(e), true, zerosW, 0, 1, form);
      List<Arm> arms = new ArrayList<>(fromLoad.arms());
      Collections.reverse(arms);
      return new Ladder(0, 1, arms, formOf(arms));
    }
    if (Double.isInfinite(rl)) {
      Ladder l = develop(BigPoly.even(e), BigPoly.odd(e), false, zerosW, 1, rl, form);
      return new Ladder(1, rl, l.arms(), formOf(l.arms()));
    }
    double k = transducerGain(p, rl);
    if (k > 1 + 1e-9) {
      throw new SynthesisException(unequalTerminationReason(p));
    }
    BigDecimal[] fMin;
    BigDecimal[] fMir;
    if (bessel) {
      BigDecimal[][] f = BesselPolynomials.f(e, Math.min(k, 1));
      fMin = f[0];
      fMir = f[1];
    } else if (exact) {
      BigDecimal[][] f = exactPolynomials(p, Math.min(k, 1));
      fMin = f[1];
      fMir = f[2];
    } else {
      List<Complex> fz = ReflectionZeros.of(p, Math.min(k, 1));
      fMin = BigPoly.fromRoots(fz);
      fMir = BigPoly.fromRoots(negated(fz));
    }
    int n = BigPoly.degree(e);
    SynthesisException last = null;
    for (LadderForm f : new LadderForm[] {form, form.dual()}) {
      BigDecimal sigma = f.shuntFirst() ? BigDecimal.ONE : BigDecimal.ONE.negate();
      BigDecimal[] best = null;
      double bestErr = Double.POSITIVE_INFINITY;
      for (BigDecimal[] cand : new BigDecimal[][] {fMin, fMir}) {
        BigDecimal sf = sigma.multiply(cand[0]);
        double z0 = BigPoly.divide(e[0].subtract(sf), e[0].add(sf)).doubleValue();
        double err = Math.abs(Math.log(z0 / rl));
        if (err < bestErr) {
          bestErr = err;
          best = cand;
        }
      }
      if (!(bestErr < 1e-6)) {
        last =
            new SynthesisException(
                "the " + f.label() + " form of this response cannot have load/source ratio " + rl);
        continue;
      }
      BigDecimal[] num = BigPoly.add(e, best, sigma.negate());
      BigDecimal[] den = BigPoly.add(e, best, sigma);
      if (f.shuntFirst()) {
        num = BigPoly.dropTop(num, n - 1);
      } else {
        den = BigPoly.dropTop(den, n - 1);
      }
      Ladder l = develop(num, den, false, zerosW, 1, rl, f);
      double got = l.rl();
      if (Math.abs(got / rl - 1) > 1e-6) {
        throw new SynthesisException(
            "numerical failure: the ladder ends in " + got + " instead of " + rl);
      }
      return new Ladder(1, rl, l.arms(), f);
    }
    throw last;
  }

  /** Butterworth and type-A Chebyshev prototypes, unscaled (edge at 1 rad/s as built). */
  private static boolean isExact(Prototype p) {
    return (p.response() == org.zged.filter.Response.BUTTERWORTH
            || p.response() == org.zged.filter.Response.CHEBYSHEV)
        && p.variant() == Prototype.Variant.A
        && Math.abs(p.poles().get(0).norm() - canonicalRadius(p)) < 1e-12;
  }

  /** |p₀| of the canonical prototype, to make sure it was not frequency-scaled. */
  private static double canonicalRadius(Prototype p) {
    return p.response() == org.zged.filter.Response.BUTTERWORTH
        ? 1
        : org.zged.filter.Chebyshev.poles(p.order(), p.reflectionEpsilon()).get(0).norm();
  }

  private static BigDecimal[][] exactPolynomials(Prototype p, double k) {
    return p.response() == org.zged.filter.Response.BUTTERWORTH
        ? BesselPolynomials.butterworth(p.order(), k)
        : BesselPolynomials.chebyshev(p.order(), p.reflectionEpsilon(), k);
  }

  private static List<Complex> negated(List<Complex> roots) {
    List<Complex> m = new ArrayList<>();
    roots.forEach(r -> m.add(r.negate()));
    return m;
  }

  /** A singly terminated ladder has one form: named by its first arm from the source. */
  private static LadderForm formOf(List<Arm> arms) {
    return arms.get(0).series() ? LadderForm.MIN_CAPACITOR : LadderForm.MIN_INDUCTOR;
  }

  /** K = 4r/(1 + r)² / |H(0)|², |H| normalised to a maximum of 1. */
  public static double transducerGain(Prototype p, double r) {
    double h0 = dcMagnitude(p);
    return 4 * r / ((1 + r) * (1 + r)) / (h0 * h0);
  }

  /**
   * The load/source ratios (r ≤ 1 and 1/r) at which a response with |H(0)| < 1 is matched at its
   * passband maximum, for the message when Rs = RL is asked of it.
   */
  public static double naturalRatio(Prototype p) {
    double h0 = dcMagnitude(p);
    double rho = Math.sqrt(Math.max(0, 1 - h0 * h0));
    return (1 - rho) / (1 + rho);
  }

  static double dcMagnitude(Prototype p) {
    return p.dcMagnitudeExact();
  }

  static String unequalTerminationReason(Prototype p) {
    double r = naturalRatio(p);
    return String.format(
        java.util.Locale.ROOT,
        "an even-order %s ladder has its ripple's loss at DC, so it cannot be matched at both"
            + " ends: it needs RL/Rs <= %.6g or >= %.6g (or an odd order, a singly terminated"
            + " design, or a mask design, which uses the matched type-C variant)",
        p.response().label(),
        r,
        1 / r);
  }

  private static Ladder develop(
      BigDecimal[] num,
      BigDecimal[] den,
      boolean admittance,
      double[] zeros,
      double rs,
      double rl,
      LadderForm form) {
    List<double[]> orders = orders(zeros);
    for (double[] order : orders) {
      ZeroShifting.Result r = ZeroShifting.develop(num, den, admittance, order);
      if (r != null) {
        double end = rs == 0 || Double.isInfinite(rl) ? rl : r.remainder();
        if (rs != 0 && Double.isInfinite(rl) && !Double.isInfinite(r.remainder())) {
          continue;
        }
        if (rs == 0 && r.remainder() != 0) {
          continue;
        }
        return new Ladder(rs, end, r.arms(), form);
      }
    }
    throw new SynthesisException(
        "no order of the transmission zeros gives positive element values");
  }

  /** The zero frequencies in a few useful orders first, then every permutation up to a limit. */
  private static List<double[]> orders(double[] zeros) {
    List<double[]> out = new ArrayList<>();
    int n = zeros.length;
    double[] asc = zeros.clone();
    java.util.Arrays.sort(asc);
    double[] desc = new double[n];
    for (int i = 0; i < n; i++) {
      desc[i] = asc[n - 1 - i];
    }
    out.add(desc);
    out.add(asc);
    permute(asc, 0, out);
    return out;
  }

  private static void permute(double[] a, int k, List<double[]> out) {
    if (out.size() >= MAX_ORDERS) {
      return;
    }
    if (k == a.length) {
      out.add(a.clone());
      return;
    }
    for (int i = k; i < a.length; i++) {
      double t = a[k];
      a[k] = a[i];
      a[i] = t;
      permute(a, k + 1, out);
      a[i] = a[k];
      a[k] = t;
    }
  }

  private static double[] zeroFrequencies(List<Complex> zeros) {
    List<Double> w = new ArrayList<>();
    for (Complex z : zeros) {
      if (z.getImaginary() > 0) {
        w.add(z.getImaginary());
      }
    }
    double[] out = new double[w.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = w.get(i);
    }
    return out;
  }
}
