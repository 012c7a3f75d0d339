package org.zged.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hipparchus.complex.Complex;

/**
 * H(s) = numerator(s) / denominator(s) with real coefficients in ascending powers of s (s in
 * rad/s). Instances made by {@link CircuitAnalyzer} have common factors cancelled and a monic
 * denominator, so that {@link #gain()} is the leading numerator coefficient.
 *
 * <p>Poles and zeros are recomputed on every call; {@link Analysis} keeps them once computed.
 */
public record TransferFunction(double[] numerator, double[] denominator) {

  public TransferFunction {
    numerator = Polynomials.trim(numerator.clone());
    denominator = Polynomials.trim(denominator.clone());
    if (Polynomials.degree(denominator) < 0) {
      throw new IllegalArgumentException("the denominator of a transfer function cannot be 0");
    }
    for (double[] p : new double[][] {numerator, denominator}) {
      for (double c : p) {
        if (!Double.isFinite(c)) {
          throw new IllegalArgumentException("transfer function coefficients must be finite");
        }
      }
    }
  }

  /** H(s) = K·Π(s − zᵢ)/Π(s − pᵢ); conjugate pairs must both be listed. */
  public static TransferFunction of(double gain, List<Complex> zeros, List<Complex> poles) {
    return new TransferFunction(scale(monic(zeros), gain), monic(poles));
  }

  private static double[] monic(List<Complex> roots) {
    double[] re = new double[roots.size()];
    double[] im = new double[roots.size()];
    for (int i = 0; i < re.length; i++) {
      re[i] = roots.get(i).getReal();
      im[i] = roots.get(i).getImaginary();
    }
    PolynomialRoots.makeConjugatesExact(re, im);
    return Polynomials.fromRoots(re, im);
  }

  private static double[] scale(double[] p, double k) {
    double[] out = p.clone();
    for (int i = 0; i < out.length; i++) {
      out[i] *= k;
    }
    return out;
  }

  /** H(jω), ω in rad/s. */
  public Complex evaluate(double omega) {
    double[] n = hornerAtJOmega(numerator, omega);
    double[] d = hornerAtJOmega(denominator, omega);
    return new Complex(n[0], n[1]).divide(new Complex(d[0], d[1]));
  }

  private static double[] hornerAtJOmega(double[] p, double omega) {
    double re = 0;
    double im = 0;
    for (int k = p.length - 1; k >= 0; k--) {
      // (re + j·im)·(jω) + p[k]
      double nre = -im * omega + p[k];
      im = re * omega;
      re = nre;
    }
    return new double[] {re, im};
  }

  public int order() {
    return Polynomials.degree(denominator);
  }

  public List<Complex> poles() {
    return toList(PolynomialRoots.of(denominator));
  }

  /** The finite zeros (an identically-zero numerator has none). */
  public List<Complex> zeros() {
    if (Polynomials.degree(numerator) <= 0) {
      return List.of();
    }
    return toList(PolynomialRoots.of(numerator));
  }

  /** K in H(s) = K·Π(s − zᵢ)/Π(s − pᵢ): the ratio of the leading coefficients. */
  public double gain() {
    int dn = Polynomials.degree(numerator);
    return dn < 0 ? 0 : numerator[dn] / denominator[Polynomials.degree(denominator)];
  }

  static List<Complex> toList(PolynomialRoots roots) {
    List<Complex> out = new ArrayList<>(roots.count());
    for (int i = 0; i < roots.count(); i++) {
      out.add(new Complex(roots.re[i], roots.im[i]));
    }
    return List.copyOf(out);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TransferFunction t
        && Arrays.equals(numerator, t.numerator)
        && Arrays.equals(denominator, t.denominator);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(numerator) + Arrays.hashCode(denominator);
  }

  @Override
  public String toString() {
    return "H(s) = (" + format(numerator) + ") / (" + format(denominator) + ")";
  }

  private static String format(double[] p) {
    StringBuilder sb = new StringBuilder();
    for (int k = p.length - 1; k >= 0; k--) {
      if (p[k] == 0 && p.length > 1) {
        continue;
      }
      if (sb.length() > 0) {
        sb.append(p[k] < 0 ? " - " : " + ");
      } else if (p[k] < 0) {
        sb.append('-');
      }
      sb.append(String.format(java.util.Locale.ROOT, "%.6g", Math.abs(p[k])));
      if (k >= 1) {
        sb.append(k == 1 ? "·s" : "·s^" + k);
      }
    }
    return sb.toString();
  }
}
