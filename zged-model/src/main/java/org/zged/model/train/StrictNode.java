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

  int integer(String key) {
    JsonNode v = required(key);
    if (!v.isIntegralNumber()) {
      throw bad(key, "must be an integer, got '" + v.asText() + "'");
    }
    return v.asInt();
  }

  double number(String key) {
    JsonNode v = required(key);
    if (v.isNumber()) {
      return v.asDouble();
    }
    if (v.isTextual()) {
      try {
        return Double.parseDouble(v.asText());
      } catch (NumberFormatException e) {
        // fall through
      }
    }
    throw bad(key, "must be a number, got '" + v.asText() + "'");
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
