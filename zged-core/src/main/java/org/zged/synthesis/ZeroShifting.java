package org.zged.synthesis;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Cauer ladder development of a driving-point function F = num/den (an impedance or an admittance):
 * for each finite transmission zero ωz, the pole at infinity is removed partially, a·s with a =
 * X(ωz)/ωz, so that the rest has a zero at ±jωz (zero shifting); the inverse then has a pole there,
 * removed fully as a parallel-LC series arm or a series-LC shunt arm. The transmission zeros at
 * infinity follow as a continued fraction at s = ∞. What is left is the terminating resistance (or
 * 0 / ∞ for a lossless development). In {@link BigPoly} precision.
 *
 * <p>Each full removal at infinity cancels two leading coefficients exactly in theory (the rest is
 * again a ladder function with a pole or zero at infinity); both are dropped so that rounding
 * residue cannot masquerade as a resistive part.
 */
final class ZeroShifting {
  private ZeroShifting() {}

  /** The arms in extraction order and the remainder: a resistance, 0 (short) or ∞ (open). */
  record Result(List<Arm> arms, double remainder) {}

  /** Null when an element would come out non-positive (another zero order may work). */
  static Result develop(BigDecimal[] num, BigDecimal[] den, boolean admittance, double[] zeros) {
    List<Arm> arms = new ArrayList<>();
    num = BigPoly.trim(num);
    den = BigPoly.trim(den);
    for (double wzd : zeros) {
      BigDecimal wz = new BigDecimal(wzd);
      BigDecimal wz2 = wz.multiply(wz, BigPoly.MC);
      if (BigPoly.degree(num) <= BigPoly.degree(den)) {
        BigDecimal[] t = num;
        num = den;
        den = t;
        admittance = !admittance;
      }
      if (BigPoly.degree(num) != BigPoly.degree(den) + 1) {
        return null;
      }
      BigDecimal[] n = BigPoly.atJOmega(num, wz);
      BigDecimal[] d = BigPoly.atJOmega(den, wz);
      // F(jωz) = jX: X = Im(n/d)
      BigDecimal x =
          BigPoly.divide(
              n[1].multiply(d[0]).subtract(n[0].multiply(d[1])),
              d[0].multiply(d[0]).add(d[1].multiply(d[1])));
      BigDecimal a = BigPoly.divide(x, wz);
      BigDecimal full = BigPoly.divide(num[BigPoly.degree(num)], den[BigPoly.degree(den)]);
      if (a.signum() <= 0 || a.compareTo(full) >= 0) {
        return null;
      }
      arms.add(
          admittance
              ? Arm.shunt(Branch.c(a.doubleValue()))
              : Arm.series(Branch.l(a.doubleValue())));
      BigDecimal[] num1 = BigPoly.add(num, BigPoly.shift(den), a.negate());
      BigDecimal[] q = BigPoly.divideByQuadratic(num1, wz2);
      // G = 1/F' = den / ((s² + ωz²)·q): 2k = den(jωz) / (jωz·q(jωz)), real for a reactance
      BigDecimal[] dq = BigPoly.atJOmega(den, wz);
      BigDecimal[] qq = BigPoly.atJOmega(q, wz);
      BigDecimal jr = qq[1].multiply(wz).negate();
      BigDecimal ji = qq[0].multiply(wz);
      BigDecimal twoK =
          BigPoly.divide(
              dq[0].multiply(jr).add(dq[1].multiply(ji)), jr.multiply(jr).add(ji.multiply(ji)));
      if (twoK.signum() <= 0) {
        return null;
      }
      double k2 = twoK.doubleValue();
      double w2 = wzd * wzd;
      Branch tank =
          admittance
              ? new Branch.Parallel(List.of(Branch.l(k2 / w2), Branch.c(1 / k2)))
              : new Branch.Series(List.of(Branch.l(1 / k2), Branch.c(k2 / w2)));
      arms.add(new Arm(admittance, tank));
      BigDecimal[] n2 = BigPoly.add(den, BigPoly.shift(q), twoK.negate());
      BigDecimal[] q2 = BigPoly.divideByQuadratic(n2, wz2);
      num = BigPoly.trim(q);
      den = BigPoly.trim(q2);
    }
    // continued fraction at infinity
    for (int guard = 0; guard < 200; guard++) {
      int dn = BigPoly.degree(num);
      int dd = BigPoly.degree(den);
      if (dn < 0) {
        return new Result(arms, admittance ? Double.POSITIVE_INFINITY : 0);
      }
      if (dd < 0) {
        return null;
      }
      if (dn == 0 && dd == 0) {
        return end(arms, num[0], den[0], admittance);
      }
      if (dn < dd) {
        BigDecimal[] t = num;
        num = den;
        den = t;
        admittance = !admittance;
        continue;
      }
      if (dn != dd + 1) {
        return null;
      }
      BigDecimal a = BigPoly.divide(num[dn], den[dd]);
      if (a.signum() <= 0) {
        return null;
      }
      arms.add(
          admittance
              ? Arm.shunt(Branch.c(a.doubleValue()))
              : Arm.series(Branch.l(a.doubleValue())));
      BigDecimal[] rest = BigPoly.add(num, BigPoly.shift(den), a.negate());
      num = BigPoly.dropTop(rest, dd == 0 ? 0 : dd - 1);
      if (dd == 0) {
        // a lossless development ends here with nothing left
        double left = Math.abs(num[0].doubleValue());
        if (left <= 1e-12 * Math.abs(den[0].doubleValue()) * Math.max(1, a.doubleValue())) {
          return new Result(arms, admittance ? Double.POSITIVE_INFINITY : 0);
        }
        return end(arms, num[0], den[0], admittance);
      }
    }
    return null;
  }

  private static Result end(List<Arm> arms, BigDecimal n, BigDecimal d, boolean admittance) {
    double f = BigPoly.divide(n, d).doubleValue();
    if (!(f > 0)) {
      return null;
    }
    return new Result(arms, admittance ? 1 / f : f);
  }
}
