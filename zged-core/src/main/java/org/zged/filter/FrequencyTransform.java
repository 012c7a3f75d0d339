package org.zged.filter;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.complex.Complex;
import org.zged.analysis.ResponseClass;

/**
 * The standard reactance transformations of a low-pass prototype with its passband edge at 1 rad/s
 * (all frequencies in rad/s):
 *
 * <ul>
 *   <li>low-pass: s → s/ωc;
 *   <li>high-pass: s → ωc/s (the prototype's edge maps to ωc);
 *   <li>band-pass: s → (s² + ω0²)/(B·s), ω0² = ω₁ω₂, B = ω₂ − ω₁ (the edge maps to ω₁ and ω₂);
 *   <li>band-stop: s → B·s/(s² + ω0²).
 * </ul>
 *
 * @param edge ωc for low/high-pass, ignored otherwise
 * @param centre ω0 for band-pass/stop
 * @param bandwidth B for band-pass/stop
 */
public record FrequencyTransform(ResponseClass type, double edge, double centre, double bandwidth) {

  public static FrequencyTransform lowpass(double omegaC) {
    return new FrequencyTransform(ResponseClass.LOWPASS, omegaC, Double.NaN, Double.NaN);
  }

  public static FrequencyTransform highpass(double omegaC) {
    return new FrequencyTransform(ResponseClass.HIGHPASS, omegaC, Double.NaN, Double.NaN);
  }

  /** Band-pass or band-stop between the prototype edge's images ω₁ < ω₂. */
  public static FrequencyTransform band(ResponseClass type, double w1, double w2) {
    return new FrequencyTransform(type, Double.NaN, Math.sqrt(w1 * w2), w2 - w1);
  }

  /** The prototype frequency Ω that a real frequency ω maps to (|Ω|, for masks). */
  public double prototypeFrequency(double w) {
    return switch (type) {
      case LOWPASS -> w / edge;
      case HIGHPASS -> edge / w;
      case BANDPASS -> Math.abs((w * w - centre * centre) / (bandwidth * w));
      case BANDSTOP -> Math.abs(bandwidth * w / (w * w - centre * centre));
      default -> throw new IllegalStateException(type.toString());
    };
  }

  public Roots apply(Roots proto) {
    List<Complex> zeros = new ArrayList<>();
    List<Complex> poles = new ArrayList<>();
    int excess = proto.poles().size() - proto.zeros().size();
    double gain = proto.gain();
    switch (type) {
      case LOWPASS -> {
        proto.zeros().forEach(z -> zeros.add(z.multiply(edge)));
        proto.poles().forEach(p -> poles.add(p.multiply(edge)));
        gain *= Math.pow(edge, excess);
      }
      case HIGHPASS -> {
        // (s − z) → (ωc/s − z) = −z(s − ωc/z)/s
        proto.zeros().forEach(z -> zeros.add(inverse(z)));
        for (int i = 0; i < excess; i++) {
          zeros.add(Complex.ZERO);
        }
        proto.poles().forEach(p -> poles.add(inverse(p)));
        gain *= productNegated(proto.zeros()) / productNegated(proto.poles());
      }
      case BANDPASS -> {
        // (s − r) → (s² − rB·s + ω0²)/(B·s)
        proto.zeros().forEach(z -> addQuadraticRoots(zeros, z.multiply(bandwidth), centre));
        proto.poles().forEach(p -> addQuadraticRoots(poles, p.multiply(bandwidth), centre));
        for (int i = 0; i < excess; i++) {
          zeros.add(Complex.ZERO);
        }
        gain *= Math.pow(bandwidth, excess);
      }
      case BANDSTOP -> {
        // (s − r) → −r(s² − (B/r)s + ω0²)/(s² + ω0²)
        proto
            .zeros()
            .forEach(
                z -> addQuadraticRoots(zeros, Complex.ONE.divide(z).multiply(bandwidth), centre));
        proto
            .poles()
            .forEach(
                p -> addQuadraticRoots(poles, Complex.ONE.divide(p).multiply(bandwidth), centre));
        for (int i = 0; i < excess; i++) {
          zeros.add(new Complex(0, centre));
          zeros.add(new Complex(0, -centre));
        }
        gain *= productNegated(proto.zeros()) / productNegated(proto.poles());
      }
      default -> throw new IllegalStateException(type.toString());
    }
    return new Roots(gain, zeros, poles);
  }

  private Complex inverse(Complex r) {
    return Complex.ONE.divide(r).multiply(edge);
  }

  /** Re Π(−rᵢ) (real for conjugate-closed sets). */
  private static double productNegated(List<Complex> roots) {
    Complex p = Complex.ONE;
    for (Complex r : roots) {
      p = p.multiply(r.negate());
    }
    return p.getReal();
  }

  /** Both roots of s² − c·s + ω0² = 0. */
  private static void addQuadraticRoots(List<Complex> out, Complex c, double w0) {
    Complex half = c.multiply(0.5);
    Complex d = half.multiply(half).subtract(w0 * w0).sqrt();
    out.add(half.add(d));
    out.add(half.subtract(d));
  }
}
