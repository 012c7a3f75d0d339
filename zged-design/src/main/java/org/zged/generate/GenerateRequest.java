package org.zged.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import org.zged.InputException;
import org.zged.circuit.ElementKind;
import org.zged.fit.ComplexListParser;
import org.zged.fit.ESeries;
import org.zged.fit.SpecTarget;
import org.zged.mask.Mask;
import org.zged.mask.MaskJson;

/**
 * The options of {@code zged generate}, as one record the CLI fills from flags and the web API
 * reads from JSON ({@code {"type": "lowpass", "fc": 10000, "q": 0.707}}, keys in snake_case). Every
 * field is optional except a frequency or a pole list; {@link #target()} validates.
 *
 * @param poles comma-separated complex numbers in rad/s, e.g. {@code -1000+2000j,-1000-2000j}
 * @param eSeries E12, E24 or E96: snap values and re-fit (null = continuous values)
 * @param resistorSeries a finer series for resistors (default: {@code eSeries})
 * @param trim allow one parallel trim part when single series values miss by more than 1 % (default
 *     true)
 * @param tolerance component tolerance in percent for a Monte Carlo (null = none)
 * @param trials Monte Carlo trials (default 1000)
 * @param seed seed for temperature sampling and the Monte Carlo (default 42)
 * @param maxParts at most this many parts (null = no limit)
 * @param maxInductors at most this many inductors, 0 = RC only (null = no limit)
 * @param rRange allowed resistor values {@code LO:HI} with SPICE suffixes, e.g. {@code 10:1meg}
 * @param cRange allowed capacitor values, e.g. {@code 1n:1u}
 * @param lRange allowed inductor values, e.g. {@code 1u:10m}
 * @param mask a general mask, {@code {"bands": [{"from_hz", "to_hz", "max_atten_db" or
 *     "min_atten_db"}, ...]}} ({@link MaskJson}); it replaces type, fc, Q, gain and poles/zeros
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record GenerateRequest(
    String type,
    Double fc,
    Double q,
    Double gain,
    String poles,
    String zeros,
    Integer count,
    String eSeries,
    String resistorSeries,
    Boolean trim,
    Double tolerance,
    Integer trials,
    Long seed,
    Integer maxParts,
    Integer maxInductors,
    String rRange,
    String cRange,
    String lRange,
    JsonNode mask) {

  public static final int MAX_COUNT = 50;

  public static final int DEFAULT_COUNT = 3;
  public static final int DEFAULT_TRIALS = 1000;

  /** A response target: type may be null, q and gain too. */
  public static GenerateRequest of(String type, double fc, Double q) {
    return new GenerateRequest(
        type, fc, q, null, null, null, null, null, null, null, null, null, null, null, null, null,
        null, null, null);
  }

  /** The mask, validated, or null when the request has none. */
  public Mask maskOrNull() {
    if (mask == null || mask.isNull()) {
      return null;
    }
    String[][] others = {
      {"--type", type},
      {"--poles", poles},
      {"--zeros", zeros},
      {"--fc", fc == null ? null : ""},
      {"--q", q == null ? null : ""},
      {"--gain", gain == null ? null : ""},
      {"--tolerance", tolerance == null ? null : ""}
    };
    for (String[] o : others) {
      if (o[1] != null) {
        throw new InputException(
            o[0],
            "does not apply to a --mask target (the mask gives the response"
                + (o[0].equals("--tolerance")
                    ? "; no Monte Carlo against a general mask yet)"
                    : ")"));
      }
    }
    return MaskJson.fromJson(mask, "--mask");
  }

  public SpecTarget target() {
    return SpecTarget.builder()
        .optType(type)
        .optFc(fc)
        .optQ(q)
        .optGain(gain)
        .optPoles(ComplexListParser.parse(poles, "--poles"))
        .optZeros(ComplexListParser.parse(zeros, "--zeros"))
        .build();
  }

  /** The parts, inductor and value limits ({@link Constraints#NONE} when none is given). */
  public Constraints constraints() {
    return Constraints.builder()
        .optMaxParts(maxParts)
        .optMaxInductors(maxInductors)
        .optWindow(ElementKind.R, ValueWindow.parse(rRange, "--r-range"))
        .optWindow(ElementKind.C, ValueWindow.parse(cRange, "--c-range"))
        .optWindow(ElementKind.L, ValueWindow.parse(lRange, "--l-range"))
        .build();
  }

  public int countOrDefault() {
    int n = count == null ? DEFAULT_COUNT : count;
    if (n < 1 || n > MAX_COUNT) {
      throw new InputException("--count", "must be between 1 and " + MAX_COUNT + ", got " + n);
    }
    return n;
  }

  public ESeries series() {
    return ESeries.parse(eSeries, "--e-series");
  }

  public ESeries resistorSeriesOrNull() {
    ESeries r = ESeries.parse(resistorSeries, "--r-series");
    if (r != null && eSeries == null) {
      throw new InputException("--r-series", "needs --e-series as well");
    }
    return r;
  }

  public boolean trimOrDefault() {
    return trim == null || trim;
  }

  public int trialsOrDefault() {
    int n = trials == null ? DEFAULT_TRIALS : trials;
    if (n < 1 || n > 100_000) {
      throw new InputException("--trials", "must be between 1 and 100000, got " + n);
    }
    if (trials != null && tolerance == null) {
      throw new InputException("--trials", "needs --tolerance PCT as well");
    }
    return n;
  }

  public Double toleranceOrNull() {
    if (tolerance != null && !(tolerance > 0 && tolerance < 100)) {
      throw new InputException(
          "--tolerance", "must be a percentage between 0 and 100, got " + tolerance);
    }
    return tolerance;
  }

  public long seedOrDefault() {
    return seed == null ? 42L : seed;
  }
}
