package org.zged.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.zged.InputException;
import org.zged.generate.GenerateRequest;
import org.zged.generate.GeneratorPool;
import org.zged.generate.LadderGeneration;
import org.zged.generate.LadderReport;
import org.zged.generate.LadderRequest;
import org.zged.netlist.SpiceNumber;

/**
 * POST /api/generate: the options of {@code zged generate} as JSON → the same reply as {@code zged
 * generate --json}. The body binds to {@link GenerateRequest} itself, so the API accepts exactly
 * the options the CLI has; this class only turns suffixed numbers ("10k") into numbers first and
 * reports binding failures by key. What the values may be is decided by {@link GenerateRequest}, so
 * the CLI and the API refuse the same things for the same reasons; its messages name the flag
 * ("--fc: ..."), which becomes the JSON key here.
 */
final class GenerateEndpoint implements ApiRoute {
  /** Keys whose value may be a number or text with SPICE suffixes. */
  private static final List<String> NUMBERS = List.of("fc", "q", "gain", "tolerance");

  private static final Pattern FLAG =
      Pattern.compile("^--([a-z][a-z0-9-]*)(: .*)$", Pattern.DOTALL);

  /** Flags whose JSON key is not simply the flag with '-' → '_'. */
  private static final Map<String, String> KEY_OF_FLAG = Map.of("r_series", "resistor_series");

  /** A ladder design returns the asked form and its dual. */
  private static final int LADDER_CANDIDATES = 2;

  private final BackgroundLoad<GeneratorPool> generator;
  private final long maxTrials;

  GenerateEndpoint(BackgroundLoad<GeneratorPool> generator, long maxTrials) {
    this.generator = generator;
    this.maxTrials = maxTrials;
  }

  @Override
  public Object handle(ApiRequest request) {
    JsonFields fields = request.json();
    if (MaskBinding.wanted(fields)) {
      return maskLadder(fields);
    }
    if (LadderBinding.wanted(fields)) {
      return ladder(LadderBinding.bind(fields));
    }
    GenerateRequest req = bind(fields);
    try {
      checkWork(req.toleranceOrNull(), req.countOrDefault(), req.trialsOrDefault());
      GeneratorPool g = generator.get();
      return g.generate(req);
    } catch (InputException e) {
      throw asFieldError(e.getMessage());
    }
  }

  /** The ladder keys a mask request is rewritten into: a refusal of one of them is the mask's. */
  private static final java.util.Set<String> MASK_KEYS =
      java.util.Set.of("passband", "stopband", "ripple_db", "attenuation_db");

  private LadderReport maskLadder(JsonFields fields) {
    LadderRequest req = MaskBinding.ladderFor(fields);
    try {
      return ladder(req);
    } catch (ApiException e) {
      if (MASK_KEYS.contains(e.field())) {
        throw ApiException.blaming("mask", "mask: " + e.getMessage());
      }
      throw e;
    }
  }

  /**
   * An order or mask design: classical synthesis, no model, so it needs no generator from the pool
   * and runs on the request's own thread (concurrent requests run side by side).
   */
  private LadderReport ladder(LadderRequest req) {
    try {
      LadderRequest.Spec spec = req.validate();
      checkWork(spec.tolerance(), LADDER_CANDIDATES, spec.trials());
      return LadderGeneration.generate(req);
    } catch (InputException e) {
      throw asFieldError(e.getMessage());
    }
  }

  /**
   * The Monte Carlo runs count × trials analyses (50 × 100,000 took 10.8 s of a core): one request
   * may ask for at most {@code maxTrials} of them. The command line has no such cap; it runs on the
   * user's own machine.
   */
  private void checkWork(Double tolerance, int count, int trials) {
    if (tolerance == null) {
      return;
    }
    long work = (long) count * trials;
    if (work > maxTrials) {
      throw new ApiException(
          "trials",
          String.format(
              java.util.Locale.ROOT,
              "count × trials = %,d Monte Carlo analyses; one request may ask for at most %,d"
                  + " (fewer candidates or trials, or use zged generate on the command line)",
              work,
              maxTrials));
    }
  }

  static GenerateRequest bind(JsonFields fields) {
    ObjectNode body = fields.copy();
    for (String name : NUMBERS) {
      Double v = fields.optNumber(name, SpiceNumber::parse, -Double.MAX_VALUE, Double.MAX_VALUE);
      if (v != null) {
        body.put(name, v);
      }
    }
    return StrictBinder.bind(body, GenerateRequest.class);
  }

  /** "--fc: must be ..." → field "fc", message "fc: must be ...". */
  static ApiException asFieldError(String message) {
    Matcher m = FLAG.matcher(message == null ? "" : message);
    if (!m.matches()) {
      return ApiException.blaming(null, message);
    }
    String key = m.group(1).replace('-', '_');
    key = KEY_OF_FLAG.getOrDefault(key, key);
    return ApiException.blaming(key, key + m.group(2));
  }
}
