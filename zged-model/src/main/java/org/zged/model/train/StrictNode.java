package org.zged.model.train;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import org.zged.InputException;

/**
 * Reads one mapping of a YAML config and insists on its exact key set: every read key is
 * remembered, and {@link #finish()} rejects any key that was not read. Errors name the file and the
 * dotted key path.
 */
final class StrictNode {
  private final JsonNode node;
  private final String file;
  private final String path;
  private static final java.util.regex.Pattern DECIMAL =
      java.util.regex.Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
  private final Set<String> used = new HashSet<>();

  StrictNode(JsonNode node, String file, String path) {
    this.file = file;
    this.path = path;
    if (node == null || !node.isObject()) {
      throw new InputException(file, (path.isEmpty() ? "the config" : path) + " must be a mapping");
    }
    this.node = node;
  }

  StrictNode section(String key) {
    return new StrictNode(required(key), file, dotted(key));
  }

  /**
   * An integer in [min, max]. The range is checked on the exact value (YAML integers of any size
   * arrive as BigInteger), so 4294967297 is refused rather than wrapped to 1.
   */
  long integer(String key, long min, long max) {
    JsonNode v = required(key);
    if (!v.isIntegralNumber()) {
      throw bad(key, "must be an integer, got '" + v.asText() + "'");
    }
    java.math.BigInteger b = v.bigIntegerValue();
    if (b.compareTo(java.math.BigInteger.valueOf(min)) < 0
        || b.compareTo(java.math.BigInteger.valueOf(max)) > 0) {
      throw bad(key, "must be an integer in [" + min + ", " + max + "], got " + b);
    }
    return b.longValue();
  }

  int integer(String key, int min, int max) {
    return (int) integer(key, (long) min, (long) max);
  }

  /** A finite number in [min, max]; text is read only when it is a plain decimal number. */
  double number(String key, double min, double max) {
    double d = finite(key);
    if (!(d >= min && d <= max)) {
      throw bad(key, "must be in [" + min + ", " + max + "], got " + d);
    }
    return d;
  }

  /** A finite number in (0, max]. */
  double positive(String key, double max) {
    double d = finite(key);
    if (!(d > 0 && d <= max)) {
      throw bad(key, "must be in (0, " + max + "], got " + d);
    }
    return d;
  }

  private double finite(String key) {
    JsonNode v = required(key);
    double d;
    if (v.isNumber()) {
      d = v.asDouble();
    } else if (v.isTextual() && DECIMAL.matcher(v.asText().strip()).matches()) {
      d = Double.parseDouble(v.asText().strip());
    } else {
      throw bad(key, "must be a number, got '" + v.asText() + "'");
    }
    if (!Double.isFinite(d)) {
      throw bad(key, "must be a finite number, got " + v.asText());
    }
    return d;
  }

  boolean bool(String key) {
    JsonNode v = required(key);
    if (!v.isBoolean()) {
      throw bad(key, "must be true or false, got '" + v.asText() + "'");
    }
    return v.asBoolean();
  }

  String text(String key) {
    JsonNode v = required(key);
    if (!v.isValueNode()) {
      throw bad(key, "must be a value");
    }
    return v.asText();
  }

  /** Whether an optional key is present (and not null). */
  boolean has(String key) {
    used.add(key);
    JsonNode v = node.get(key);
    return v != null && !v.isNull();
  }

  /** A value that may be left out (then null). */
  String optionalText(String key) {
    used.add(key);
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isValueNode()) {
      throw bad(key, "must be a value");
    }
    return v.asText();
  }

  /** Rejects unknown keys. */
  void finish() {
    Iterator<String> it = node.fieldNames();
    while (it.hasNext()) {
      String k = it.next();
      if (!used.contains(k)) {
        throw new InputException(file, dotted(k) + ": unknown key");
      }
    }
  }

  InputException bad(String key, String reason) {
    return new InputException(file, dotted(key) + ": " + reason);
  }

  private JsonNode required(String key) {
    used.add(key);
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) {
      throw new InputException(file, dotted(key) + ": missing key");
    }
    return v;
  }

  private String dotted(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }
}
