package org.zged.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hipparchus.complex.Complex;
import org.zged.analysis.ResponseClass;
import org.zged.filter.Roots;
import org.zged.fit.SpecTarget;
import org.zged.mask.Band;
import org.zged.mask.Mask;
import org.zged.mask.MaskVerifier;
import org.zged.mask.Terminations;
import org.zged.synthesis.LadderDesign;
import org.zged.synthesis.LadderDesigner;
import org.zged.synthesis.LadderForm;
import org.zged.synthesis.SynthesisException;

/**
 * A mask as a generation goal: the mask itself (what every candidate is verified against), the
 * classical ladder where synthesis applies, and a prototype transfer function that meets the mask
 * (or comes as close as the construction allows) — the target the search arms condition on and the
 * value fitter starts from, before the values are fitted to the mask itself.
 *
 * <p>Classical synthesis applies to the four textbook shapes: the mask's <em>envelope</em> (its
 * passband edges widened to the outermost, the ripple to the smallest limit, the attenuation to the
 * largest) is designed at the lowest order of any approximation, and the ladder is then verified
 * against the real mask. A stopband that lies between passbands (e.g. a 60 Hz notch inside a
 * low-pass) becomes a notch section of the prototype: a zero pair on the jω axis at the band's
 * geometric centre and a pole pair whose Q reaches the band's attenuation at its edges.
 */
public record MaskGoal(
    Mask mask, SpecTarget prototype, LadderDesign classical, String classicalNote) {

  public static MaskGoal of(Mask mask) {
    List<Band> notches = notches(mask);
    Mask envelope = envelope(mask);
    LadderDesign ladder = null;
    String note;
    if (envelope == null) {
      note =
          "classical synthesis does not apply: the mask is not a low-, high-, band-pass or band-stop shape";
    } else {
      try {
        ladder =
            LadderDesigner.forMask(envelope, null, Terminations.DEFAULT, LadderForm.MIN_INDUCTOR);
        note = null;
      } catch (SynthesisException | IllegalArgumentException e) {
        note = "classical synthesis does not apply: " + e.getMessage();
      }
    }
    if (!notches.isEmpty() && ladder != null) {
      ladder = null; // the envelope ignores the notches: its ladder does not answer this mask
      note = "classical synthesis does not apply: a stopband lies between passbands (a notch)";
    }
    Roots proto = prototype(mask, envelope, ladder, notches);
    SpecTarget target = target(mask.type(), proto);
    return new MaskGoal(mask, target, ladder, note);
  }

  /**
   * The stopbands that lie between passbands (notches: e.g. 60 Hz inside a low-pass), which the
   * classical shapes cannot express; none for a band-stop mask, whose stopband is its shape.
   */
  static List<Band> notches(Mask mask) {
    return split(mask, true);
  }

  /** The standard-shape mask of the bands other than the notches, or null when none applies. */
  static Mask envelope(Mask mask) {
    List<Band> outer = split(mask, false);
    return envelope(mask.type() == ResponseClass.OTHER ? classOf(outer) : mask.type(), outer);
  }

  private static List<Band> split(Mask mask, boolean notches) {
    List<Band> out = new ArrayList<>();
    double passLo = mask.passbands().get(0).lowHz();
    double passHi = mask.passbands().get(mask.passbands().size() - 1).highHz();
    for (Band b : mask.bands()) {
      boolean between = !b.pass() && b.lowHz() >= passLo && b.highHz() <= passHi && b.lowHz() > 0;
      if ((between && mask.type() != ResponseClass.BANDSTOP) == notches) {
        out.add(b);
      }
    }
    return out;
  }

  /** The envelope's ladder, verified against the real mask (null when none applies or meets). */
  public boolean classicalApplies() {
    return classical != null;
  }

  private static ResponseClass classOf(List<Band> bands) {
    boolean hasStop = bands.stream().anyMatch(b -> !b.pass());
    if (!hasStop) {
      return null;
    }
    List<Band> pass = bands.stream().filter(Band::pass).toList();
    double lo = pass.get(0).lowHz();
    double hi = pass.get(pass.size() - 1).highHz();
    boolean below = bands.stream().anyMatch(b -> !b.pass() && b.highHz() <= lo);
    boolean above = bands.stream().anyMatch(b -> !b.pass() && b.lowHz() >= hi);
    return below && above
        ? ResponseClass.BANDPASS
        : below ? ResponseClass.HIGHPASS : above ? ResponseClass.LOWPASS : null;
  }

  /** The standard-shape mask at least as strict as {@code bands}, or null. */
  static Mask envelope(ResponseClass type, List<Band> bands) {
    if (type == null) {
      return null;
    }
    List<Band> pass = bands.stream().filter(Band::pass).toList();
    List<Band> stop = bands.stream().filter(b -> !b.pass()).toList();
    if (stop.isEmpty() || pass.isEmpty()) {
      return null;
    }
    double ripple = pass.stream().mapToDouble(Band::limitDb).min().orElseThrow();
    double atten = stop.stream().mapToDouble(Band::limitDb).max().orElseThrow();
    double pLo = pass.get(0).lowHz();
    double pHi = pass.get(pass.size() - 1).highHz();
    if (!(atten > ripple)) {
      return null;
    }
    try {
      return switch (type) {
        case LOWPASS ->
            Mask.lowpass(
                pHi, ripple, stop.stream().mapToDouble(Band::lowHz).min().orElseThrow(), atten);
        case HIGHPASS ->
            Mask.highpass(
                pLo, ripple, stop.stream().mapToDouble(Band::highHz).max().orElseThrow(), atten);
        case BANDPASS -> {
          double s1 =
              stop.stream()
                  .filter(b -> b.highHz() <= pLo)
                  .mapToDouble(Band::highHz)
                  .max()
                  .orElse(0);
          double s2 =
              stop.stream().filter(b -> b.lowHz() >= pHi).mapToDouble(Band::lowHz).min().orElse(0);
          yield s1 > 0 && s2 > 0 ? Mask.bandpass(pLo, pHi, ripple, s1, s2, atten) : null;
        }
        case BANDSTOP -> {
          double s1 = stop.stream().mapToDouble(Band::lowHz).min().orElseThrow();
          double s2 = stop.stream().mapToDouble(Band::highHz).max().orElseThrow();
          double p1 =
              pass.stream().filter(b -> b.highHz() <= s1).mapToDouble(Band::highHz).max().orElse(0);
          double p2 =
              pass.stream()
                  .filter(b -> b.lowHz() >= s2)
                  .mapToDouble(Band::lowHz)
                  .min()
                  .orElse(Double.NaN);
          boolean clean = pass.stream().allMatch(b -> b.highHz() <= s1 || b.lowHz() >= s2);
          yield clean && p1 > 0 && Double.isFinite(p2)
              ? Mask.bandstop(p1, p2, ripple, s1, s2, atten)
              : null;
        }
        default -> null;
      };
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * The prototype: the classical ladder's ideal response (when there is one), or the envelope's
   * prototype, or for a mask without one a second-order response placed on its passband edge; times
   * one notch section per in-between stopband.
   */
  private static Roots prototype(
      Mask mask, Mask envelope, LadderDesign ladder, List<Band> notches) {
    Roots base = null;
    if (ladder != null) {
      base = ladder.ideal();
    } else if (envelope != null) {
      try {
        base =
            LadderDesigner.forMask(envelope, null, Terminations.DEFAULT, LadderForm.MIN_INDUCTOR)
                .ideal();
      } catch (SynthesisException | IllegalArgumentException e) {
        base = null;
      }
    }
    if (base == null) {
      base = secondOrder(mask);
    }
    List<Complex> zeros = new ArrayList<>(base.zeros());
    List<Complex> poles = new ArrayList<>(base.poles());
    for (Band n : notches) {
      addNotch(mask, n, zeros, poles);
    }
    return new Roots(base.gain(), zeros, poles);
  }

  /** A Q = 0.707 pole pair at the passband's outer edge (or centre), with the class's zeros. */
  private static Roots secondOrder(Mask mask) {
    List<Band> pass = mask.passbands();
    double lo = pass.get(0).lowHz();
    double hi = pass.get(pass.size() - 1).highHz();
    ResponseClass t = mask.type();
    double f =
        t == ResponseClass.HIGHPASS
            ? Math.max(lo, 1e-3)
            : Double.isInfinite(hi) ? Math.max(lo, 1) : lo > 0 ? Math.sqrt(lo * hi) : hi;
    double w = 2 * Math.PI * f;
    double q = 1 / Math.sqrt(2);
    List<Complex> poles = pair(w, q);
    List<Complex> zeros = new ArrayList<>();
    if (t == ResponseClass.HIGHPASS) {
      zeros.add(Complex.ZERO);
      zeros.add(Complex.ZERO);
    } else if (t == ResponseClass.BANDPASS) {
      zeros.add(Complex.ZERO);
    }
    return new Roots(1, zeros, poles);
  }

  /**
   * A notch section (s² + ω₀²)/(s² + ω₀/Q·s + ω₀²) for stopband [f1, f2]: with x = |ω₀² −
   * ω²|/(ω₀ω), |H| = x/√(x² + 1/Q²), so the band's attenuation a at its edges needs Q ≤ a/(x√(1 −
   * a²)) and the neighbouring passband edges' limit b needs Q ≥ b/(x√(1 − b²)); the geometric mean
   * of the two bounds is used (the upper bound alone when they cross).
   */
  private static void addNotch(Mask mask, Band n, List<Complex> zeros, List<Complex> poles) {
    double w0 = 2 * Math.PI * Math.sqrt(n.lowHz() * n.highHz());
    double a = Math.pow(10, -n.limitDb() / 20);
    double xs = x(w0, 2 * Math.PI * n.lowHz());
    double qMax = a / (xs * Math.sqrt(1 - a * a));
    double qMin = 0;
    for (Band p : mask.passbands()) {
      for (double f : new double[] {p.lowHz(), p.highHz()}) {
        if (f > 0 && Double.isFinite(f)) {
          double b = Math.pow(10, -p.limitDb() / 20);
          double xp = x(w0, 2 * Math.PI * f);
          if (xp > 0) {
            qMin = Math.max(qMin, b / (xp * Math.sqrt(1 - b * b)));
          }
        }
      }
    }
    double q = qMin > 0 && qMin < qMax ? Math.sqrt(qMin * qMax) : qMax;
    q = Math.max(0.05, Math.min(q, SpecTarget.MAX_Q / 10));
    zeros.add(new Complex(0, w0));
    zeros.add(new Complex(0, -w0));
    poles.addAll(pair(w0, q));
  }

  private static double x(double w0, double w) {
    return Math.abs(w0 * w0 - w * w) / (w0 * w);
  }

  private static List<Complex> pair(double w, double q) {
    double re = -w / (2 * q);
    if (q <= 0.5) {
      double d = w * Math.sqrt(1 / (4 * q * q) - 1);
      return List.of(new Complex(re + d, 0), new Complex(re - d, 0));
    }
    double im = w * Math.sqrt(1 - 1 / (4 * q * q));
    return List.of(new Complex(re, im), new Complex(re, -im));
  }

  /**
   * The prototype as a pole/zero target; when it has more poles than a target may, the lowest
   * {@link SpecTarget#MAX_POLES} poles by frequency are kept with as many zeros as fit (the search
   * only conditions on it; the mask decides).
   */
  private static SpecTarget target(ResponseClass type, Roots r) {
    List<Complex> poles = new ArrayList<>(r.poles());
    List<Complex> zeros = new ArrayList<>(r.zeros());
    if (poles.size() > SpecTarget.MAX_POLES) {
      poles.sort((p, q) -> Double.compare(p.norm(), q.norm()));
      poles = new ArrayList<>(poles.subList(0, SpecTarget.MAX_POLES));
      if (Math.abs(poles.get(poles.size() - 1).getImaginary()) > 0
          && !poles.contains(poles.get(poles.size() - 1).conjugate())) {
        poles.remove(poles.size() - 1);
      }
    }
    while (zeros.size() > poles.size()) {
      zeros.sort((p, q) -> Double.compare(q.norm(), p.norm()));
      Complex z = zeros.remove(0);
      if (Math.abs(z.getImaginary()) > 0) {
        zeros.remove(z.conjugate());
      }
    }
    boolean classical =
        type == ResponseClass.LOWPASS
            || type == ResponseClass.HIGHPASS
            || type == ResponseClass.BANDPASS
            || type == ResponseClass.BANDSTOP;
    return SpecTarget.builder()
        .optType(classical ? type : null)
        .optPoles(poles)
        .optZeros(zeros)
        .build();
  }

  /** Whether the prototype's own response meets the mask (exact, from its poles and zeros). */
  public boolean prototypeMeets() {
    return MaskVerifier.verify(mask, new Roots(1, prototype.zeros(), prototype.poles())).meets();
  }

  /** A one-line description of the mask, e.g. {@code mask: 4 bands (2 pass, 2 stop), 0 Hz–∞}. */
  public String describe() {
    return String.format(
        Locale.ROOT,
        "mask (%s): %d bands, %d pass, %d stop",
        mask.type().label(),
        mask.bands().size(),
        mask.passbands().size(),
        mask.stopbands().size());
  }
}
