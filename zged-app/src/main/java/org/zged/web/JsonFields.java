package org.zged.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;

/**
 * A JSON request object with accessors that validate as they read: every failure is an {@link
 * ApiException} naming the field, so the caller never sees a half-checked value.
 */
public final class JsonFields {
  private static final ObjectMapper STRICT =
      new ObjectMapper()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final ObjectNode root;

  private JsonFields(ObjectNode root) {
    this.root = root;
  }

  /** A request object built by the server itself (e.g. a form rewritten into another). */
  static JsonFields of(ObjectNode root) {
    return new JsonFields(root.deepCopy());
  }

  /** Parses a request body; an empty body is an empty object, anything but an object is refused. */
  public static JsonFields parse(byte[] body) {
    if (body.length == 0 || new String(body, StandardCharsets.UTF_8).isBlank()) {
      return new JsonFields(JsonNodeFactory.instance.objectNode());
    }
    JsonNode node;
    try {
      node = STRICT.readTree(body);
    } catch (JsonProcessingException e) {
      throw new ApiException(
          "body", "malformed JSON at line " + lineOf(e) + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new ApiException("body", "unreadable JSON");
    }
    if (node == null || !node.isObject()) {
      throw new ApiException("body", "expected a JSON object");
    }
    return new JsonFields((ObjectNode) node);
  }

  private static int lineOf(JsonProcessingException e) {
    return e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
  }

  /** Refuses keys outside {@code allowed}: a typo must not silently fall back to a default. */
  public JsonFields allowOnly(String... allowed) {
    Set<String> ok = Set.of(allowed);
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!ok.contains(name)) {
        throw new ApiException(
            name, "unknown field (expected one of " + String.join(", ", new TreeSet<>(ok)) + ")");
      }
    }
    return this;
  }

  public boolean has(String name) {
    JsonNode n = root.get(name);
    return n != null && !n.isNull();
  }

  public String optString(String name) {
    JsonNode n = root.get(name);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isTextual()) {
      throw new ApiException(name, "expected a string");
    }
    return n.asText();
  }

  /**
   * A number given as JSON number or as text (e.g. "10k") read by {@code parser}, which throws on
   * bad text; null when absent. The result is finite and within [min, max].
   */
  public Double optNumber(String name, ToDoubleFunction<String> parser, double min, double max) {
    JsonNode n = root.get(name);
    if (n == null || n.isNull() || (n.isTextual() && n.asText().isBlank())) {
      return null;
    }
    double v;
    if (n.isNumber()) {
      v = n.doubleValue();
    } else if (n.isTextual()) {
      try {
        v = parser.applyAsDouble(n.asText().strip());
      } catch (RuntimeException e) {
        throw new ApiException(name, "cannot read '" + n.asText() + "' as a number");
      }
    } else {
      throw new ApiException(name, "expected a number");
    }
    return checkRange(name, v, min, max);
  }

  public double requireNumber(
      String name, ToDoubleFunction<String> parser, double min, double max) {
    Double v = optNumber(name, parser, min, max);
    if (v == null) {
      throw new ApiException(name, "required");
    }
    return v;
  }

  public long optLong(String name, long fallback) {
    JsonNode n = root.get(name);
    if (n == null || n.isNull()) {
      return fallback;
    }
    if (!n.isIntegralNumber() || !n.canConvertToLong()) {
      throw new ApiException(name, "expected an integer");
    }
    return n.longValue();
  }

  /** An array of finite numbers; null when absent. */
  public double[] optNumberArray(String name) {
    JsonNode n = root.get(name);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isArray()) {
      throw new ApiException(name, "expected an array of numbers");
    }
    double[] out = new double[n.size()];
    for (int i = 0; i < out.length; i++) {
      JsonNode e = n.get(i);
      if (!e.isNumber() || !Double.isFinite(e.doubleValue())) {
        throw new ApiException(name, "element " + i + " is not a finite number");
      }
      out[i] = e.doubleValue();
    }
    return out;
  }

  /** A copy of the object, for binding to a record once its fields have been normalised. */
  public ObjectNode copy() {
    return root.deepCopy();
  }

  private static double checkRange(String name, double v, double min, double max) {
    if (!Double.isFinite(v)) {
      throw new ApiException(name, "must be a finite number");
    }
    if (v < min || v > max) {
      throw new ApiException(
          name, "must be between " + fmt(min) + " and " + fmt(max) + ", got " + fmt(v));
    }
    return v;
  }

  static String fmt(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }

  @Override
  public String toString() {
    return root.toString();
  }
}
