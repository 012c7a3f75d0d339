package org.zged.dataset;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import org.zged.analysis.ResponseClass;
import org.zged.circuit.Circuit;
import org.zged.circuit.Element;
import org.zged.filter.FrequencyTransform;
import org.zged.filter.Prototype;
import org.zged.filter.Response;
import org.zged.mask.Terminations;
import org.zged.synthesis.ClosedFormLadder;
import org.zged.synthesis.DrivingPointSynthesis;
import org.zged.synthesis.Ladder;
import org.zged.synthesis.LadderDesigner;
import org.zged.synthesis.LadderForm;
import org.zged.synthesis.LadderTransform;
import org.zged.synthesis.SynthesisException;

/**
 * The classical LC ladders of the open preset: one family per approximation (Butterworth, Chebyshev
 * type I, Bessel, elliptic) and response class (low-, high-, band-pass, band-stop), 16 in all,
 * named {@code ladder_<approximation>_<lp|hp|bp|bs>}. Each draw picks a prototype order 1–9 (band
 * forms double it: up to 18 poles), a cutoff or centre and bandwidth over decades, the ripple and
 * stopband attenuation where the approximation has them, the terminations (equal, unequal or an
 * open load) and the form, and synthesises the ladder as {@link LadderDesigner#forOrder} does. A
 * draw the synthesis refuses gives null, and the generator draws again from the same stream (so
 * circuit i is still a pure function of seed, family and i), as it does when the exact analysis
 * rejects the circuit or does not classify it as the family's name says.
 */
public final class LadderFamily implements CircuitFamily {
  /** Prototype orders drawn (band forms have twice as many poles). */
  public static final int MIN_ORDER = 1;

  public static final int MAX_ORDER = 9;

  /** The most poles a ladder of the open preset has: a band form of prototype order 9. */
  public static final int MAX_POLES = 2 * MAX_ORDER;

  /** Nodes of the open space (0, vin, vout and 13 internal). */
  static final int MAX_NODES = 16;

  /** log10 of the low/high-pass cutoff in Hz: 100 Hz – 1 MHz. */
  static final double LOG_FC_MIN = 2;

  static final double LOG_FC_MAX = 6;

  /** log10 of the band centre in Hz: 316 Hz – 1 MHz. */
  static final double LOG_F0_MIN = 2.5;

  static final double LOG_F0_MAX = 6;

  /** log10 of the relative bandwidth (f2 − f1)/f0: 0.05 – 1. */
  static final double LOG_BW_MIN = -1.3;

  static final double LOG_BW_MAX = 0;

  /** log10 of the ripple in dB (Chebyshev, elliptic): 0.05 – 3 dB. */
  static final double LOG_RIPPLE_MIN = -1.3;

  static final double LOG_RIPPLE_MAX = 0.477;

  /** Elliptic minimum stopband attenuation, dB, uniform. */
  static final double ATTEN_MIN = 30;

  static final double ATTEN_MAX = 80;

  /** log10 of the source resistance in Ω: 10 Ω – 10 kΩ; an unequal load is 0.1–10 times it. */
  static final double LOG_RS_MIN = 1;

  static final double LOG_RS_MAX = 4;

  private static final List<LadderFamily> ALL = all16();

  /** Normalised Butterworth/Bessel ladders by (response, order, load ratio 1 or ∞, form). */
  private static final Map<String, Ladder> NORMALISED = new ConcurrentHashMap<>();

  private final Response response;
  private final ResponseClass type;
  private final String id;

  private LadderFamily(Response response, ResponseClass type) {
    this.response = response;
    this.type = type;
    this.id = "ladder_" + shortName(response) + "_" + shortName(type);
  }

  private static List<LadderFamily> all16() {
    List<LadderFamily> out = new ArrayList<>();
    for (Response r : Response.values()) {
      for (ResponseClass t :
          List.of(
              ResponseClass.LOWPASS,
              ResponseClass.HIGHPASS,
              ResponseClass.BANDPASS,
              ResponseClass.BANDSTOP)) {
        out.add(new LadderFamily(r, t));
      }
    }
    return List.copyOf(out);
  }

  /** The 16 ladder families: Butterworth lp, hp, bp, bs, then Chebyshev, Bessel, elliptic. */
  public static List<LadderFamily> all() {
    return ALL;
  }

  public static List<String> ids() {
    return ALL.stream().map(LadderFamily::id).toList();
  }

  /** The family with this id, or null when it is not a ladder family. */
  public static LadderFamily byId(String id) {
    String want = id.trim().toLowerCase(Locale.ROOT);
    for (LadderFamily f : ALL) {
      if (f.id.equals(want)) {
        return f;
      }
    }
    return null;
  }

  private static String shortName(Response r) {
    return switch (r) {
      case BUTTERWORTH -> "butter";
      case CHEBYSHEV -> "cheby1";
      case BESSEL -> "bessel";
      case ELLIPTIC -> "ellip";
    };
  }

  private static String shortName(ResponseClass t) {
    return switch (t) {
      case LOWPASS -> "lp";
      case HIGHPASS -> "hp";
      case BANDPASS -> "bp";
      case BANDSTOP -> "bs";
      default -> throw new IllegalArgumentException(t.label());
    };
  }

  public Response response() {
    return response;
  }

  public boolean band() {
    return type == ResponseClass.BANDPASS || type == ResponseClass.BANDSTOP;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public ResponseClass expectedClass() {
    return type;
  }

  @Override
  public int maxOrder() {
    return MAX_POLES;
  }

  /**
   * The parameters of one draw. Edges in Hz ({@code f2} NaN for low/high-pass); ripple and
   * attenuation NaN where the approximation has none; {@code rl} infinite for an open load.
   */
  public record Draw(
      int order,
      double f1,
      double f2,
      double rippleDb,
      double attenuationDb,
      double rs,
      double rl,
      LadderForm form) {}

  /** One draw, its prototype (null when refused) and the stored circuit (null when not kept). */
  public record Attempt(Draw draw, Prototype prototype, Circuit circuit) {}

  /** Draws the parameters: always the same number of random values, in this order. */
  public Draw draw(SplittableRandom rng) {
    int order = MIN_ORDER + rng.nextInt(MAX_ORDER - MIN_ORDER + 1);
    double f1;
    double f2;
    if (band()) {
      double f0 = logUniform(rng, LOG_F0_MIN, LOG_F0_MAX);
      double rel = logUniform(rng, LOG_BW_MIN, LOG_BW_MAX);
      double bw = f0 * rel;
      f1 = DecimalText.round(-bw / 2 + Math.sqrt(bw * bw / 4 + f0 * f0), 6);
      f2 = DecimalText.round(f1 + bw, 6);
    } else {
      f1 = logUniform(rng, LOG_FC_MIN, LOG_FC_MAX);
      f2 = Double.NaN;
    }
    double ripple = logUniform(rng, LOG_RIPPLE_MIN, LOG_RIPPLE_MAX);
    double atten = DecimalText.round(ATTEN_MIN + (ATTEN_MAX - ATTEN_MIN) * rng.nextDouble(), 6);
    double rs = logUniform(rng, LOG_RS_MIN, LOG_RS_MAX);
    double load = rng.nextDouble();
    double ratio = logUniform(rng, -1, 1);
    double rl;
    if (load < 0.45) {
      rl = rs;
    } else if (load < 0.9) {
      rl = DecimalText.round(rs * ratio, 6);
    } else {
      rl = Double.POSITIVE_INFINITY;
    }
    LadderForm form = rng.nextBoolean() ? LadderForm.MIN_INDUCTOR : LadderForm.MIN_CAPACITOR;
    return new Draw(
        order,
        f1,
        f2,
        response.rippleEdge() ? ripple : Double.NaN,
        response == Response.ELLIPTIC ? atten : Double.NaN,
        rs,
        rl,
        form);
  }

  private static double logUniform(SplittableRandom rng, double lo, double hi) {
    return DecimalText.round(StrictMath.pow(10, lo + (hi - lo) * rng.nextDouble()), 6);
  }

  /**
   * The ladder for a draw, as {@link LadderDesigner#forOrder} makes it — the prototype (classical
   * variant), closed-form g-values for doubly terminated Butterworth/Chebyshev where they apply,
   * else driving-point synthesis, the frequency transformation onto the drawn edges and the
   * impedance level — but without the design's mask verification: the generator's own exact
   * analysis and checks decide whether the circuit is kept.
   *
   * @throws SynthesisException when the synthesis refuses the draw
   */
  public Ladder ladder(Draw d, Prototype p) {
    double w1 = 2 * Math.PI * d.f1();
    FrequencyTransform tr =
        switch (type) {
          case LOWPASS -> FrequencyTransform.lowpass(w1);
          case HIGHPASS -> FrequencyTransform.highpass(w1);
          default -> FrequencyTransform.band(type, w1, 2 * Math.PI * d.f2());
        };
    Terminations t = new Terminations(d.rs(), d.rl());
    double rlN = t.rl() / t.rs();
    Ladder proto;
    if (!response.rippleEdge() && (rlN == 1 || Double.isInfinite(rlN))) {
      // Butterworth and Bessel prototypes depend on the order alone: with equal terminations or
      // an open load the normalised ladder is a function of (order, load, form), synthesised once
      proto =
          NORMALISED.computeIfAbsent(
              response + " " + d.order() + " " + rlN + " " + d.form(),
              key -> normalised(p, rlN, d.form()));
    } else {
      proto = normalised(p, rlN, d.form());
    }
    Ladder real = LadderTransform.apply(proto, tr, t.rs());
    return new Ladder(t.rs(), t.rl(), real.arms(), real.form());
  }

  private static Ladder normalised(Prototype p, double rlN, LadderForm form) {
    return ClosedFormLadder.covers(p, 1, rlN)
        ? ClosedFormLadder.of(p, rlN, form)
        : DrivingPointSynthesis.synthesize(p, 1, rlN, form);
  }

  /** The low-pass prototype of a draw (the classical variant, as an order design uses). */
  public Prototype prototype(Draw d) {
    return LadderDesigner.prototype(
        response,
        d.order(),
        Double.isNaN(d.rippleDb()) ? 0 : d.rippleDb(),
        Double.isNaN(d.attenuationDb()) ? 0 : d.attenuationDb());
  }

  /**
   * One draw and its ladder: the circuit (L and C rounded to {@link DecimalText#LABEL_DIGITS}
   * digits, which the file holds exactly) when the synthesis accepts the draw and the ladder has at
   * most 16 nodes; else a null circuit.
   */
  public Attempt attempt(SplittableRandom rng) {
    Draw d = draw(rng);
    Prototype p;
    Ladder ladder;
    try {
      p = prototype(d);
      ladder = ladder(d, p);
    } catch (SynthesisException | IllegalArgumentException | ArithmeticException e) {
      return new Attempt(d, null, null);
    }
    Circuit designed = ladder.toCircuit(id);
    List<Element> out = new ArrayList<>(designed.elements().size());
    for (Element e : designed.elements()) {
      out.add(e.withValue(DecimalText.round(e.value(), DecimalText.LABEL_DIGITS)));
    }
    Circuit c = new Circuit(out);
    if (c.internalNodes().size() + 3 > MAX_NODES) {
      return new Attempt(d, p, null);
    }
    return new Attempt(d, p, c);
  }

  /** The circuit of one draw, or null when it is not kept (the generator draws again). */
  @Override
  public Circuit sample(SplittableRandom rng) {
    return attempt(rng).circuit();
  }

  @Override
  public String toString() {
    return id;
  }
}
