package org.zged.web;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.zged.InputException;
import org.zged.generate.GenerateRequest;
import org.zged.generate.SpecGenerator;
import org.zged.netlist.SpiceNumber;

/**
 * POST /api/generate: the options of {@code zged generate} as JSON → the same reply as {@code zged
 * generate --json}. This class only reads the JSON (types, suffixed frequencies such as "10k");
 * what the values may be is decided by {@link GenerateRequest}, so the CLI and the API refuse the
 * same things for the same reasons. Its messages name the command-line flag ("--fc: ..."); here
 * they name the JSON key instead.
 */
final class GenerateEndpoint implements ApiRoute {
  private static final Pattern FLAG =
      Pattern.compile("^--([a-z][a-z0-9-]*)(: .*)$", Pattern.DOTALL);

  /** Flags whose JSON key is not simply the flag with '-' → '_'. */
  private static final Map<String, String> KEY_OF_FLAG = Map.of("r_series", "resistor_series");

  private final BackgroundLoad<SpecGenerator> generator;

  GenerateEndpoint(BackgroundLoad<SpecGenerator> generator) {
    this.generator = generator;
  }

  @Override
  public Object handle(ApiRequest request) {
    JsonFields f =
        request
            .json()
            .allowOnly(
                "type",
                "fc",
                "q",
                "gain",
                "poles",
                "zeros",
                "count",
                "e_series",
                "resistor_series",
                "tolerance",
                "trials",
                "seed");
    GenerateRequest req =
        new GenerateRequest(
            f.optString("type"),
            number(f, "fc"),
            number(f, "q"),
            number(f, "gain"),
            f.optString("poles"),
            f.optString("zeros"),
            f.optInteger("count"),
            f.optString("e_series"),
            f.optString("resistor_series"),
            number(f, "tolerance"),
            f.optInteger("trials"),
            f.has("seed") ? f.optLong("seed", 0) : null);
    SpecGenerator g = generator.get();
    try {
      return g.generate(req);
    } catch (InputException e) {
      throw asFieldError(e.getMessage());
    }
  }

  /** A number, or text with SPICE suffixes; whether its value is acceptable is checked later. */
  private static Double number(JsonFields f, String name) {
    return f.optNumber(name, SpiceNumber::parse, -Double.MAX_VALUE, Double.MAX_VALUE);
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
