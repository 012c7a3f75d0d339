package org.zged.model.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Reader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.zged.InputException;

/**
 * Reads a config file into a JSON tree with SnakeYAML's composer, not Jackson's YAML parser:
 * Jackson streams events and hands an alias ({@code *name}) back as the text "name", while the
 * composer resolves anchors, aliases and merge keys as YAML defines them. The loader refuses
 * duplicate keys, files over {@link #MAX_BYTES}, and more than {@link #MAX_ALIASES} aliases (a
 * "billion laughs" file), so reading is bounded in time and memory before any value is used.
 */
final class ConfigYaml {
  /** A config is a few hundred bytes; anything this large is not one. */
  static final int MAX_BYTES = 1 << 20;

  static final int MAX_ALIASES = 50;
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ConfigYaml() {}

  static JsonNode read(Path file) {
    String where = file.toString();
    if (!Files.isRegularFile(file)) {
      throw new InputException(where, "no such file");
    }
    try {
      long size = Files.size(file);
      if (size > MAX_BYTES) {
        throw new InputException(
            where, "config file of " + size + " bytes, the limit is " + MAX_BYTES);
      }
      try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        return compose(r, where);
      }
    } catch (IOException e) {
      throw new InputException(where, "cannot read: " + e.getMessage());
    }
  }

  static JsonNode parse(String text, String where) {
    if (text.length() > MAX_BYTES) {
      throw new InputException(
          where, "config text of " + text.length() + " characters, the limit is " + MAX_BYTES);
    }
    return compose(new java.io.StringReader(text), where);
  }

  private static JsonNode compose(Reader reader, String where) {
    LoaderOptions opts = new LoaderOptions();
    opts.setAllowDuplicateKeys(false);
    opts.setMaxAliasesForCollections(MAX_ALIASES);
    opts.setCodePointLimit(MAX_BYTES);
    opts.setNestingDepthLimit(20);
    Object doc;
    try {
      doc = new Yaml(new SafeConstructor(opts)).load(reader);
    } catch (MarkedYAMLException e) {
      Mark m = e.getProblemMark();
      String at = m == null ? where : where + ":" + (m.getLine() + 1);
      throw new InputException(at, "not valid YAML: " + oneLine(e.getProblem()));
    } catch (YAMLException e) {
      throw new InputException(where, "not valid YAML: " + oneLine(e.getMessage()));
    }
    return tree(doc);
  }

  /** The loaded document as a JSON tree; types YAML has but configs do not use become text. */
  private static JsonNode tree(Object o) {
    if (o == null) {
      return NODES.nullNode();
    }
    if (o instanceof Map<?, ?> map) {
      ObjectNode out = NODES.objectNode();
      map.forEach((k, v) -> out.set(String.valueOf(k), tree(v)));
      return out;
    }
    if (o instanceof List<?> list) {
      ArrayNode out = NODES.arrayNode();
      list.forEach(v -> out.add(tree(v)));
      return out;
    }
    if (o instanceof Integer i) {
      return NODES.numberNode(i.longValue());
    }
    if (o instanceof Long l) {
      return NODES.numberNode(l);
    }
    if (o instanceof BigInteger b) {
      return NODES.numberNode(b);
    }
    if (o instanceof Double d) {
      return NODES.numberNode(d);
    }
    if (o instanceof Boolean b) {
      return NODES.booleanNode(b);
    }
    return NODES.textNode(String.valueOf(o));
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.replaceAll("\\s+", " ").strip();
  }
}
