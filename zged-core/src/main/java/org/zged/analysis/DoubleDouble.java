package org.zged.analysis;

/**
 * A complex number in double-double arithmetic (about 32 significant digits per component), with
 * the few operations Gaussian elimination needs. Error-free transformations after Dekker and Knuth
 * (TwoSum, and TwoProduct via fma). Immutable; used only on the self-check's rare escalation path,
 * so objects are fine here.
 */
record DoubleDouble(double reHi, double reLo, double imHi, double imLo) {
  static final DoubleDouble ZERO = new DoubleDouble(0, 0, 0, 0);

  static DoubleDouble of(double re, double im) {
    return new DoubleDouble(re, 0, im, 0);
  }

  /** hi + lo of a double-double sum of (ah, al) and (bh, bl), as {hi, lo}. */
  private static double[] add(double ah, double al, double bh, double bl) {
    double s = ah + bh;
    double bb = s - ah;
    double err = (ah - (s - bb)) + (bh - bb);
    err += al + bl;
    double h = s + err;
    return new double[] {h, err - (h - s)};
  }

  private static double[] mul(double ah, double al, double bh, double bl) {
    double p = ah * bh;
    double e = Math.fma(ah, bh, -p) + (ah * bl + al * bh);
    double h = p + e;
    return new double[] {h, e - (h - p)};
  }

  DoubleDouble plus(DoubleDouble o) {
    double[] r = add(reHi, reLo, o.reHi, o.reLo);
    double[] i = add(imHi, imLo, o.imHi, o.imLo);
    return new DoubleDouble(r[0], r[1], i[0], i[1]);
  }

  DoubleDouble minus(DoubleDouble o) {
    return plus(o.negate());
  }

  DoubleDouble negate() {
    return new DoubleDouble(-reHi, -reLo, -imHi, -imLo);
  }

  DoubleDouble times(DoubleDouble o) {
    double[] rr = mul(reHi, reLo, o.reHi, o.reLo);
    double[] ii = mul(imHi, imLo, o.imHi, o.imLo);
    double[] ri = mul(reHi, reLo, o.imHi, o.imLo);
    double[] ir = mul(imHi, imLo, o.reHi, o.reLo);
    double[] re = add(rr[0], rr[1], -ii[0], -ii[1]);
    double[] im = add(ri[0], ri[1], ir[0], ir[1]);
    return new DoubleDouble(re[0], re[1], im[0], im[1]);
  }

  /** A double-double real number (hi, lo) times this. */
  DoubleDouble scale(double hi, double lo) {
    double[] re = mul(reHi, reLo, hi, lo);
    double[] im = mul(imHi, imLo, hi, lo);
    return new DoubleDouble(re[0], re[1], im[0], im[1]);
  }

  /** 1/this: conj/|this|², with |this|² and its reciprocal in double-double. */
  DoubleDouble reciprocal() {
    double[] a2 = mul(reHi, reLo, reHi, reLo);
    double[] b2 = mul(imHi, imLo, imHi, imLo);
    double[] d = add(a2[0], a2[1], b2[0], b2[1]);
    // 1/d by one Newton step on the double estimate: q + q·(1 − d·q)
    double q = 1 / d[0];
    double[] dq = mul(d[0], d[1], q, 0);
    double[] rest = add(1, 0, -dq[0], -dq[1]);
    double[] inv = add(q, 0, q * rest[0], 0);
    return new DoubleDouble(reHi, reLo, -imHi, -imLo).scale(inv[0], inv[1]);
  }

  double magnitude() {
    return Math.abs(reHi) + Math.abs(imHi);
  }

  double re() {
    return reHi + reLo;
  }

  double im() {
    return imHi + imLo;
  }
}
