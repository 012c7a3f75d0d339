package org.zged.synthesis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.zged.analysis.ResponseClass;
import org.zged.circuit.Circuit;
import org.zged.filter.Bessel;
import org.zged.filter.Butterworth;
import org.zged.filter.Chebyshev;
import org.zged.filter.Elliptic;
import org.zged.filter.FrequencyTransform;
import org.zged.filter.Prototype;
import org.zged.filter.Response;
import org.zged.filter.Roots;
import org.zged.mask.Band;
import org.zged.mask.Mask;
import org.zged.mask.MaskMargins;
import org.zged.mask.MaskVerifier;
import org.zged.mask.Terminations;

/**
 * Filter specification in, verified LC ladder out: the approximation's order (given, or the minimum
 * for a mask), its low-pass prototype, the prototype ladder (closed form for doubly terminated
 * Butterworth/Chebyshev, driving-point synthesis otherwise), the frequency transformation and
 * impedance level, and the exact verification of the circuit against the mask.
 */
public final class LadderDesigner {
  public static final int MAX_ORDER = 20;

  /** 10·log₁₀ 2: the attenuation at the -3 dB edge of a Butterworth or Bessel order design. */
  public static final double HALF_POWER_DB = 10 * Math.log10(2);

  private LadderDesigner() {}

  /**
   * An order design: low/high-pass edge {@code f1} Hz (band-pass/stop: edges f1 < f2); the edge is
   * the -3 dB point for Butterworth and Bessel, the ripple edge for Chebyshev and elliptic.
   */
  public static LadderDesign forOrder(
      ResponseClass type,
      Response response,
      int order,
      double rippleDb,
      double attenuationDb,
      double f1,
      double f2,
      Terminations t,
      LadderForm form) {
    Prototype p = prototype(response, order, rippleDb, attenuationDb);
    double edgeDb = response.rippleEdge() ? rippleDb : HALF_POWER_DB;
    FrequencyTransform tr = transform(type, 2 * Math.PI * f1, 2 * Math.PI * f2, 1);
    Mask mask = impliedMask(type, p, tr, edgeDb, f1, f2);
    String conv =
        response.rippleEdge()
            ? "the passband edge is the ripple edge (attenuation = " + fmt(rippleDb) + " dB)"
            : "the passband edge is the -3 dB point";
    return build(p, tr, mask, t, form, 0, conv, new ArrayList<>());
  }

  /**
   * A given order against a mask: the prototype placed on the mask's passband edges as in a mask
   * design, then verified (the margins say whether this order is enough).
   */
  public static LadderDesign forMaskAtOrder(
      Mask mask, Response r, int n, Terminations t, LadderForm form) {
    LowpassEquivalent lp = LowpassEquivalent.of(mask);
    boolean matched = needsTypeC(r, n, mask.rippleDb(), mask.attenuationDb(), t);
    Prototype p = prototype(r, n, mask.rippleDb(), mask.attenuationDb(), matched);
    double scale = r.rippleEdge() ? 1 : edgeOf(p, mask.rippleDb());
    String conv =
        r.rippleEdge()
            ? "the passband edge is the ripple edge"
            : "the prototype is scaled so that the passband edge has exactly "
                + fmt(mask.rippleDb())
                + " dB of attenuation";
    return build(p, lp.transform(scale), mask, t, form, 0, conv, new ArrayList<>());
  }

  /** A mask design: the minimum order of {@code response} (null = any: the lowest of all). */
  public static LadderDesign forMask(
      Mask mask, Response response, Terminations t, LadderForm form) {
    LowpassEquivalent lp = LowpassEquivalent.of(mask);
    List<Response> choices =
        response == null
            ? List.of(Response.BUTTERWORTH, Response.CHEBYSHEV, Response.BESSEL, Response.ELLIPTIC)
            : List.of(response);
    LadderDesign best = null;
    for (Response r : choices) {
      LadderDesign d = forMaskWith(mask, lp, r, t, form);
      if (d != null && (best == null || d.order() < best.order())) {
        best = d;
      }
    }
    if (best == null) {
      throw new SynthesisException(
          "no "
              + (response == null ? "response" : response.label())
              + " of order <= "
              + MAX_ORDER
              + " meets this mask");
    }
    return best;
  }

  private static LadderDesign forMaskWith(
      Mask mask, LowpassEquivalent lp, Response r, Terminations t, LadderForm form) {
    double ap = mask.rippleDb();
    double as = mask.attenuationDb();
    int formula = formulaOrder(r, ap, as, lp);
    if (formula > MAX_ORDER) {
      return null;
    }
    List<String> notes = new ArrayList<>();
    for (int n = Math.max(formula, 1); n <= MAX_ORDER; n++) {
      boolean matched = needsTypeC(r, n, ap, as, t);
      Prototype p = prototype(r, n, ap, as, matched);
      if (r == Response.ELLIPTIC) {
        double slack = Elliptic.attenuationFor(n, ap, lp.selectivity());
        if (slack > as + 1e-9) {
          Prototype wider = prototype(r, n, ap, slack * (1 - 1e-9), matched);
          if (MaskVerifier.verify(mask, lp.transform(1).apply(roots(wider))).meets()) {
            p = wider;
          }
        }
      }
      if (p.variant() == Prototype.Variant.C) {
        notes.add(
            "order "
                + n
                + " is even and Rs = RL: the matched type-C variant of the "
                + r.label()
                + " response is used (|H(0)| = 1, slightly wider transition)");
      }
      double scale = r.rippleEdge() ? 1 : edgeOf(p, ap);
      FrequencyTransform tr = lp.transform(scale);
      MaskMargins ideal = MaskVerifier.verify(mask, tr.apply(roots(p)));
      if (!ideal.meets()) {
        if (r != Response.BESSEL) {
          notes.add(
              "order "
                  + n
                  + " misses the mask ("
                  + missNote(p)
                  + "); order "
                  + (n + 1)
                  + " is used");
        }
        continue;
      }
      String conv =
          r.rippleEdge()
              ? "the passband edge is the ripple edge"
              : "the prototype is scaled so that the passband edge has exactly "
                  + fmt(ap)
                  + " dB of attenuation";
      return build(p, tr, mask, t, form, r == Response.BESSEL ? n : formula, conv, notes);
    }
    return null;
  }

  /**
   * Whether a mask design of even order must use the type-C variant: doubly terminated, and the
   * classical (type A/B) even order would need more transmission than the terminations allow.
   */
  static boolean needsTypeC(Response r, int n, double ap, double as, Terminations t) {
    if (n % 2 != 0 || !r.rippleEdge() || !t.doublyTerminated()) {
      return false;
    }
    Prototype classical = prototype(r, n, ap, as, false);
    return DrivingPointSynthesis.transducerGain(classical, t.rl() / t.rs()) > 1 + 1e-9;
  }

  private static String missNote(Prototype p) {
    return p.variant() != Prototype.Variant.A
        ? "its even-order type-" + p.variant() + " variant has a wider transition band"
        : "rounding at the formula's limit";
  }

  /** The scipy-formula minimum order; Bessel has none, so 1 (the search starts there). */
  public static int formulaOrder(Response r, double ap, double as, LowpassEquivalent lp) {
    return switch (r) {
      case BUTTERWORTH -> Butterworth.minimumOrder(ap, as, lp.selectivity());
      case CHEBYSHEV -> Chebyshev.minimumOrder(ap, as, lp.selectivity());
      case ELLIPTIC -> Elliptic.minimumOrder(ap, as, lp.selectivity());
      case BESSEL -> 1;
    };
  }

  public static Prototype prototype(Response r, int n, double ap, double as) {
    return prototype(r, n, ap, as, false);
  }

  /** With {@code matched}, even-order Chebyshev and elliptic are the type-C variants (Rs = RL). */
  public static Prototype prototype(Response r, int n, double ap, double as, boolean matched) {
    return switch (r) {
      case BUTTERWORTH -> Butterworth.prototype(n);
      case CHEBYSHEV -> Chebyshev.prototype(n, ap, matched);
      case BESSEL -> Bessel.prototype(n);
      case ELLIPTIC -> Elliptic.prototype(n, ap, as, matched);
    };
  }

  /** The prototype frequency (rad/s) where the attenuation reaches {@code db}. */
  static double edgeOf(Prototype p, double db) {
    if (p.response() == Response.BUTTERWORTH) {
      return Math.pow(Math.expm1(db * Math.log(10) / 10), 1.0 / (2 * p.order()));
    }
    return Bessel.frequencyAtAttenuation(p, db);
  }

  static Roots roots(Prototype p) {
    return new Roots(p.gain(), p.zeros(), p.poles());
  }

  /**
   * The transform whose image of the prototype frequency {@code scale} is the edge ω1 (and ω2): the
   * prototype point at {@code scale} lands on the mask's passband edges.
   */
  static FrequencyTransform transform(ResponseClass type, double w1, double w2, double scale) {
    return switch (type) {
      case LOWPASS -> FrequencyTransform.lowpass(w1 / scale);
      case HIGHPASS -> FrequencyTransform.highpass(w1 * scale);
      case BANDPASS ->
          new FrequencyTransform(type, Double.NaN, Math.sqrt(w1 * w2), (w2 - w1) / scale);
      case BANDSTOP ->
          new FrequencyTransform(type, Double.NaN, Math.sqrt(w1 * w2), (w2 - w1) * scale);
      default ->
          throw new IllegalArgumentException("no ladder for a " + type.label() + " response");
    };
  }

  /** The passband of an order design (and the elliptic stopband the order and As imply). */
  private static Mask impliedMask(
      ResponseClass type, Prototype p, FrequencyTransform tr, double edgeDb, double f1, double f2) {
    boolean stop = p.response() == Response.ELLIPTIC;
    double as = p.attenuationDb();
    double ws = p.stopbandEdge();
    return switch (type) {
      case LOWPASS -> Mask.lowpass(f1, edgeDb, stop ? f1 * ws : 0, as);
      case HIGHPASS -> Mask.highpass(f1, edgeDb, stop ? f1 / ws : 0, as);
      case BANDPASS -> {
        double[] s = stop ? bandImages(tr, ws, false) : new double[] {0, 0};
        yield Mask.bandpass(f1, f2, edgeDb, s[0], s[1], as);
      }
      case BANDSTOP -> {
        double[] s = stop ? bandImages(tr, ws, true) : new double[] {0, 0};
        yield Mask.bandstop(f1, f2, edgeDb, s[0], s[1], as);
      }
      default -> throw new IllegalArgumentException(type.label());
    };
  }

  /** The two band frequencies (Hz) that the prototype frequency Ω maps to. */
  private static double[] bandImages(FrequencyTransform tr, double omega, boolean stop) {
    double b = stop ? tr.bandwidth() / omega : tr.bandwidth() * omega;
    double w0 = tr.centre();
    double lo = -b / 2 + Math.sqrt(b * b / 4 + w0 * w0);
    double hi = lo + b;
    return new double[] {lo / (2 * Math.PI), hi / (2 * Math.PI)};
  }

  private static LadderDesign build(
      Prototype p,
      FrequencyTransform tr,
      Mask mask,
      Terminations t,
      LadderForm form,
      int formula,
      String convention,
      List<String> notes) {
    double r0;
    double rsN;
    double rlN;
    if (t.idealSource()) {
      r0 = t.rl();
      rsN = 0;
      rlN = 1;
    } else {
      r0 = t.rs();
      rsN = 1;
      rlN = t.rl() / t.rs();
    }
    Ladder proto;
    String method;
    if (ClosedFormLadder.covers(p, rsN, rlN)) {
      proto = ClosedFormLadder.of(p, rlN, form);
      method = "closed-form g-values";
    } else {
      proto = DrivingPointSynthesis.synthesize(p, rsN, rlN, form);
      method = "driving-point synthesis";
    }
    if (proto.form() != form && t.doublyTerminated()) {
      notes.add(
          "the "
              + form.label()
              + " form cannot have RL/Rs = "
              + fmt(rlN)
              + " at even order; the "
              + proto.form().label()
              + " form is used");
    }
    Ladder real = LadderTransform.apply(proto, tr, r0);
    if (t.idealSource()) {
      real = new Ladder(0, t.rl(), real.arms(), real.form());
    } else if (t.openLoad()) {
      real = new Ladder(t.rs(), Double.POSITIVE_INFINITY, real.arms(), real.form());
    } else {
      real = new Ladder(t.rs(), t.rl(), real.arms(), real.form());
    }
    String title =
        String.format(
            Locale.ROOT,
            "%s %s order %d (%s)",
            p.response().label(),
            mask.type().label(),
            p.order(),
            real.form().label());
    Circuit c = real.toCircuit(title);
    Roots ideal = tr.apply(roots(p));
    MaskMargins idealMargins = MaskVerifier.verify(mask, ideal);
    double realisation = RealisationCheck.deviation(real, ideal, mask);
    MaskMargins margins;
    String source = "exact nodal analysis of the circuit";
    try {
      margins = MaskVerifier.verify(mask, c);
      if (disagree(margins, idealMargins) && realisation < 1e-9) {
        notes.add(
            String.format(
                Locale.ROOT,
                "the nodal analysis gives margins %.3g / %.3g dB, but the ladder realises the"
                    + " synthesised H to %.1e: its cancelling pole-zero pairs are lost by the"
                    + " analysis (see issue 10); the margins shown are the synthesised H's",
                margins.passbandDb(),
                margins.stopbandDb(),
                realisation));
        margins = idealMargins;
        source = "synthesised poles/zeros (ladder checked point-wise)";
      }
    } catch (RuntimeException e) {
      if (!(realisation < 1e-9)) {
        throw new SynthesisException(
            "the exact analysis cannot check this circuit (" + e.getMessage() + ")");
      }
      notes.add(
          "the nodal analysis failed ("
              + e.getMessage()
              + "); the margins shown are the"
              + " synthesised H's, which the ladder realises to "
              + String.format(Locale.ROOT, "%.1e", realisation));
      margins = idealMargins;
      source = "synthesised poles/zeros (ladder checked point-wise)";
    }
    return new LadderDesign(
        p.response(),
        p.order(),
        formula,
        p,
        tr,
        real,
        c,
        mask,
        ideal,
        margins,
        idealMargins,
        method,
        source,
        realisation,
        convention,
        notes);
  }

  /** Margins that differ by more than the verification slack. */
  private static boolean disagree(MaskMargins a, MaskMargins b) {
    double tol = 0.1 * MaskVerifier.SLACK_DB;
    boolean stop =
        Double.isNaN(a.stopbandDb()) != Double.isNaN(b.stopbandDb())
            || Math.abs(a.stopbandDb() - b.stopbandDb()) > tol;
    return Math.abs(a.passbandDb() - b.passbandDb()) > tol || stop;
  }

  static String fmt(double v) {
    return String.format(Locale.ROOT, "%.6g", v);
  }

  /** The low-pass equivalent of a mask: its selectivity and the transform onto its edges. */
  public record LowpassEquivalent(ResponseClass type, double w1, double w2, double selectivity) {
    public static LowpassEquivalent of(Mask mask) {
      List<Band> pass = mask.passbands();
      List<Band> stop = mask.stopbands();
      if (stop.isEmpty()) {
        throw new IllegalArgumentException("a mask design needs a stopband");
      }
      double tp = 2 * Math.PI;
      return switch (mask.type()) {
        case LOWPASS ->
            new LowpassEquivalent(
                mask.type(),
                tp * pass.get(0).highHz(),
                Double.NaN,
                stop.get(0).lowHz() / pass.get(0).highHz());
        case HIGHPASS ->
            new LowpassEquivalent(
                mask.type(),
                tp * pass.get(0).lowHz(),
                Double.NaN,
                pass.get(0).lowHz() / stop.get(0).highHz());
        case BANDPASS -> {
          double p1 = tp * pass.get(0).lowHz();
          double p2 = tp * pass.get(0).highHz();
          double s1 = tp * stop.get(0).highHz();
          double s2 = tp * stop.get(1).lowHz();
          yield new LowpassEquivalent(mask.type(), p1, p2, bandpassSelectivity(p1, p2, s1, s2));
        }
        case BANDSTOP ->
            BandstopOptimum.of(
                tp * pass.get(0).highHz(),
                tp * pass.get(1).lowHz(),
                tp * stop.get(0).lowHz(),
                tp * stop.get(0).highHz(),
                mask.rippleDb(),
                mask.attenuationDb());
        default -> throw new IllegalArgumentException(mask.type().label());
      };
    }

    static double bandpassSelectivity(double p1, double p2, double s1, double s2) {
      double w0sq = p1 * p2;
      double b = p2 - p1;
      return Math.min(Math.abs((s1 * s1 - w0sq) / (b * s1)), Math.abs((s2 * s2 - w0sq) / (b * s2)));
    }

    static double bandstopSelectivity(double p1, double p2, double s1, double s2) {
      double w0sq = p1 * p2;
      double b = p2 - p1;
      return Math.min(Math.abs(b * s1 / (s1 * s1 - w0sq)), Math.abs(b * s2 / (s2 * s2 - w0sq)));
    }

    /** The transform that puts the prototype frequency {@code scale} on the passband edges. */
    public FrequencyTransform transform(double scale) {
      return LadderDesigner.transform(type, w1, w2, scale);
    }
  }
}
