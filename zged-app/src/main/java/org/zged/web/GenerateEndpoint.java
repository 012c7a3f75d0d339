package org.zged.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.zged.InputException;
import org.zged.generate.GenerateRequest;
import org.zged.generate.GeneratorPool;
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

  /** Strict binding: no unknown keys, no floats or strings silently turned into integers. */
  private static final ObjectMapper BINDER =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
          .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
          .build();

  private final BackgroundLoad<GeneratorPool> generator;
  private final long maxTrials;

  GenerateEndpoint(BackgroundLoad<GeneratorPool> generator, long maxTrials) {
    this.generator = generator;
    this.maxTrials = maxTrials;
  }

  @Override
  public Object handle(ApiRequest request) {
    GenerateRequest req = bind(request.json());
    try {
      checkWork(req);
      GeneratorPool g = generator.get();
      return g.generate(req);
    } catch (InputException e) {
      throw asFieldError(e.getMessage());
    }
  }

  /**
   * The Monte Carlo runs count × trials analyses (50 × 100,000 took 10.8 s of a core): one request
   * may ask for at most {@code maxTrials} of them. The command line has no such cap; it runs on the
   * user's own machine.
   */
  private void checkWork(GenerateRequest req) {
    if (req.toleranceOrNull() == null) {
      return;
    }
    long work = (long) req.countOrDefault() * req.trialsOrDefault();
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
    try {
      return BINDER.treeToValue(body, GenerateRequest.class);
    } catch (UnrecognizedPropertyException e) {
      TreeSet<String> known = new TreeSet<>();
      e.getKnownPropertyIds().forEach(k -> known.add(String.valueOf(k)));
      throw new ApiException(
          e.getPropertyName(), "unknown field (expected one of " + String.join(", ", known) + ")");
    } catch (JsonMappingException e) {
      String field = e.getPath().isEmpty() ? "body" : e.getPath().get(0).getFieldName();
      throw new ApiException(field, "wrong type or out of range: " + body.get(field));
    } catch (InputCoercionException e) {
      throw new ApiException("body", "a number is out of range: " + e.getOriginalMessage());
    } catch (JsonProcessingException e) {
      throw new ApiException("body", "cannot read the request: " + e.getOriginalMessage());
    }
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
