package org.zged.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hipparchus.complex.Complex;
import org.zged.analysis.FilterSpecs;
import org.zged.analysis.ResponseClass;
import org.zged.circuit.Circuit;
import org.zged.circuit.CircuitGraph;
import org.zged.circuit.Edge;
import org.zged.circuit.Element;
import org.zged.circuit.ElementKind;
import org.zged.graph.CanonicalForm;
import org.zged.graph.TopologySignature;

/**
 * Turns one parsed JSON line back into a header or a {@link CircuitRecord}, checking its shape:
 * every key present with the right type, no unknown keys, a known family, a valid circuit with the
 * family's topology and tied values, and graph edges that are the circuit's. The labels are checked
 * against the circuit separately ({@link LabelCheck}). Problems are thrown as {@link
 * BadRecordException} with a one-line reason; the reader adds the file position.
 */
final class RecordParser {
  private static final Set<String> HEADER_KEYS =
      Set.of(
          "type",
          "format",
          "format_version",
          "generator",
          "seed",
          "preset",
          "count",
          "families",
          "with_response",
          "space");
  private static final Set<String> RECORD_KEYS =
      Set.of(
          "type",
          "id",
          "family",
          "split",
          "elements",
          "nodes",
          "edges",
          "poles",
          "zeros",
          "gain",
          "specs",
          "response");
  private static final Set<String> OPEN_RECORD_KEYS = openRecordKeys();
  private static final double EDGE_TOLERANCE = 1e-9;

  private RecordParser() {}

  private static Set<String> openRecordKeys() {
    Set<String> keys = new HashSet<>(RECORD_KEYS);
    keys.add("order");
    keys.add("signature");
    return Set.copyOf(keys);
  }

  /** Thrown for a record that cannot be used; the message is the reason, without a position. */
  static final class BadRecordException extends RuntimeException {
    BadRecordException(String reason) {
      super(reason);
    }
  }

  static DatasetHeader header(JsonNode n) {
    requireObject(n, "header");
    if (!"header".equals(text(n, "type"))) {
      throw bad("expected the header record (\"type\": \"header\") first");
    }
    checkKeys(n, HEADER_KEYS, "header");
    if (!"zged-dataset".equals(text(n, "format"))) {
      throw bad("not a zged dataset (format is '" + text(n, "format") + "')");
    }
    int version = (int) integer(n, "format_version");
    if (version != DatasetHeader.FORMAT_VERSION && version != DatasetHeader.OPEN_FORMAT_VERSION) {
      throw bad(
          "format_version "
              + version
              + " is not supported (this zged reads "
              + DatasetHeader.FORMAT_VERSION
              + " and "
              + DatasetHeader.OPEN_FORMAT_VERSION
              + ")");
    }
    RandomGraphs space = null;
    if (n.has("space")) {
      if (version != DatasetHeader.OPEN_FORMAT_VERSION) {
        throw bad("header: unknown key 'space'");
      }
      space = space(field(n, "space"));
    }
    JsonNode families = field(n, "families");
    requireObject(families, "families");
    Map<CircuitFamily, Integer> counts = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = families.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      CircuitFamily f = family(e.getKey(), space);
      if ((f instanceof RandomFamily || f instanceof LadderFamily)
          && version != DatasetHeader.OPEN_FORMAT_VERSION) {
        throw bad(
            "family '" + f.id() + "' needs format_version " + DatasetHeader.OPEN_FORMAT_VERSION);
      }
      if (!e.getValue().canConvertToInt() || e.getValue().asInt() < 0) {
        throw bad("families." + e.getKey() + " must be a count >= 0");
      }
      counts.put(f, e.getValue().asInt());
    }
    DatasetHeader h =
        new DatasetHeader(
            version,
            text(n, "generator"),
            integer(n, "seed"),
            text(n, "preset"),
            counts,
            bool(n, "with_response"));
    if (integer(n, "count") != h.total()) {
      throw bad(
          "count " + integer(n, "count") + " is not the sum of the family counts " + h.total());
    }
    return h;
  }

  private static RandomGraphs space(JsonNode n) {
    requireObject(n, "space");
    checkKeys(n, Set.of("max_internal", "min_elements", "max_elements"), "space");
    try {
      return new RandomGraphs(
          (int) integer(n, "max_internal"),
          (int) integer(n, "min_elements"),
          (int) integer(n, "max_elements"));
    } catch (IllegalArgumentException e) {
      throw bad("space: " + e.getMessage());
    }
  }

  static CircuitRecord record(JsonNode n, DatasetHeader header) {
    requireObject(n, "record");
    if (!"circuit".equals(text(n, "type"))) {
      throw bad("expected a circuit record (\"type\": \"circuit\")");
    }
    boolean open = header.open();
    checkKeys(n, open ? OPEN_RECORD_KEYS : RECORD_KEYS, "record");
    String id = text(n, "id");
    CircuitFamily family = family(text(n, "family"), header.space());
    Split split;
    try {
      split = Split.parse(text(n, "split"));
    } catch (IllegalArgumentException e) {
      throw bad(e.getMessage());
    }
    Circuit circuit = circuit(field(n, "elements"));
    List<String> problems = circuit.problems();
    if (!problems.isEmpty()) {
      throw bad("invalid circuit: " + problems.get(0));
    }
    if (family instanceof FilterFamily f) {
      checkTopology(f, circuit);
    } else if (family instanceof RandomFamily r) {
      checkRandom(r, circuit);
    }
    checkGraph(n, CircuitGraph.of(circuit));
    List<Complex> poles = roots(field(n, "poles"), "poles");
    List<Complex> zeros = roots(field(n, "zeros"), "zeros");
    double gain = number(n, "gain");
    FilterSpecs specs = specs(field(n, "specs"));
    if (n.has("response")) {
      checkResponse(n.get("response"));
    }
    String signature = TopologySignature.of(circuit).key();
    if (open) {
      long order = integer(n, "order");
      if (order != poles.size()) {
        throw bad("order " + order + " is not the number of poles " + poles.size());
      }
      String stored = text(n, "signature");
      if (!stored.equals(signature)) {
        throw bad("signature '" + stored + "' is not the circuit's '" + signature + "'");
      }
      boolean heldOut = new TopologySplit(header.seed()).unseen(signature);
      if (heldOut != (split == Split.TEST_UNSEEN)) {
        throw bad(
            "split "
                + split.label()
                + (heldOut
                    ? ", but the topology is held out (test_unseen)"
                    : ": the topology is not held out, so it cannot be test_unseen"));
      }
    } else if (split == Split.TEST_UNSEEN) {
      throw bad("split test_unseen needs format_version " + DatasetHeader.OPEN_FORMAT_VERSION);
    }
    return new CircuitRecord(id, family, split, circuit, poles, zeros, gain, specs, signature);
  }

  /** Within the file's bounds, and already in canonical form (no reduction rule applies). */
  private static void checkRandom(RandomFamily family, Circuit circuit) {
    RandomGraphs space = family.graphs();
    if (circuit.internalNodes().size() > space.maxInternal()) {
      throw bad(
          circuit.internalNodes().size()
              + " internal nodes, more than the file's max_internal "
              + space.maxInternal());
    }
    if (circuit.elements().size() > space.maxElements()) {
      throw bad(
          circuit.elements().size()
              + " elements, more than the file's max_elements "
              + space.maxElements());
    }
    if (CanonicalForm.of(circuit).elements() != circuit.elements().size()) {
      throw bad("a random circuit must be stored reduced (zged topology reduces it)");
    }
  }

  private static Circuit circuit(JsonNode elements) {
    if (!elements.isArray() || elements.isEmpty()) {
      throw bad("elements must be a non-empty list");
    }
    List<Element> out = new ArrayList<>();
    for (JsonNode e : elements) {
      requireObject(e, "element");
      checkKeys(e, Set.of("name", "kind", "nodes", "value"), "element");
      String name = text(e, "name");
      ElementKind kind =
          text(e, "kind").length() == 1 ? ElementKind.ofLetter(text(e, "kind").charAt(0)) : null;
      if (kind == null) {
        throw bad(
            "element " + name + ": unknown kind '" + text(e, "kind") + "' (expected R, C, L)");
      }
      JsonNode nodes = field(e, "nodes");
      if (!nodes.isArray()
          || nodes.size() != 2
          || !nodes.get(0).isTextual()
          || !nodes.get(1).isTextual()) {
        throw bad("element " + name + ": nodes must be a list of two node names");
      }
      out.add(
          new Element(
              name, kind, nodes.get(0).asText(), nodes.get(1).asText(), number(e, "value")));
    }
    return new Circuit(out);
  }

  /**
   * Same element names, kinds and nodes as the family's template, and tied values that follow the
   * family's rule (Rp = 2·Rs, Ro = Rl, …): rebuilding the family from the circuit's independent
   * values must give the circuit back exactly. The independent values themselves are free.
   */
  private static void checkTopology(FilterFamily family, Circuit circuit) {
    double[] independent = new double[family.ranges().size()];
    for (int i = 0; i < independent.length; i++) {
      Element e = circuit.element(family.ranges().get(i).name());
      if (e == null) {
        throw bad("the elements are not the " + family.id() + " topology");
      }
      independent[i] = e.value();
    }
    List<Element> expected = family.build(independent).elements();
    List<Element> actual = circuit.elements();
    boolean sameShape = expected.size() == actual.size();
    for (int i = 0; sameShape && i < expected.size(); i++) {
      Element x = expected.get(i);
      Element y = actual.get(i);
      sameShape =
          x.name().equals(y.name())
              && x.kind() == y.kind()
              && x.nodeA().equals(y.nodeA())
              && x.nodeB().equals(y.nodeB());
    }
    if (!sameShape) {
      throw bad("the elements are not the " + family.id() + " topology");
    }
    for (int i = 0; i < expected.size(); i++) {
      if (expected.get(i).value() != actual.get(i).value()) {
        throw bad(
            "element "
                + actual.get(i).name()
                + " = "
                + actual.get(i).value()
                + " breaks the "
                + family.id()
                + " rule, which gives "
                + expected.get(i).value());
      }
    }
  }

  private static void checkGraph(JsonNode n, CircuitGraph graph) {
    JsonNode nodes = field(n, "nodes");
    List<String> names = new ArrayList<>();
    if (nodes.isArray()) {
      nodes.forEach(x -> names.add(x.asText()));
    }
    if (!names.equals(graph.nodeNames())) {
      throw bad("nodes " + names + " are not the circuit's nodes " + graph.nodeNames());
    }
    JsonNode edges = field(n, "edges");
    if (!edges.isArray() || edges.size() != graph.edges().size()) {
      throw bad("edges must list the circuit's " + graph.edges().size() + " edges");
    }
    for (int i = 0; i < edges.size(); i++) {
      JsonNode e = edges.get(i);
      requireObject(e, "edge");
      checkKeys(e, Set.of("a", "b", "nodes", "class", "admittance"), "edge");
      Edge want = graph.edges().get(i);
      String where = "edges[" + i + "]";
      if (integer(e, "a") != want.a() || integer(e, "b") != want.b()) {
        throw bad(
            where
                + " joins nodes "
                + integer(e, "a")
                + "-"
                + integer(e, "b")
                + ", the circuit has "
                + want.a()
                + "-"
                + want.b());
      }
      JsonNode ends = field(e, "nodes");
      String a = graph.nodeNames().get(want.a());
      String b = graph.nodeNames().get(want.b());
      if (!ends.isArray()
          || ends.size() != 2
          || !a.equals(ends.get(0).asText())
          || !b.equals(ends.get(1).asText())) {
        throw bad(where + ".nodes must be [\"" + a + "\", \"" + b + "\"]");
      }
      if (!want.edgeClass().name().equals(text(e, "class"))) {
        throw bad(
            where
                + " has class "
                + text(e, "class")
                + ", the circuit gives "
                + want.edgeClass().name());
      }
      double[] y = doubles(field(e, "admittance"), 3, where + ".admittance");
      double[] w = {want.g(), want.c(), want.gamma()};
      for (int k = 0; k < 3; k++) {
        if (Math.abs(y[k] - w[k]) > EDGE_TOLERANCE * Math.abs(w[k])) {
          throw bad(
              where
                  + ".admittance "
                  + Arrays.toString(y)
                  + " is not the circuit's "
                  + Arrays.toString(w));
        }
      }
    }
  }

  /** A stored response: three equally long lists of numbers (the values are not re-checked). */
  private static void checkResponse(JsonNode r) {
    requireObject(r, "response");
    checkKeys(r, Set.of("frequency_hz", "magnitude_db", "phase_deg"), "response");
    int size = -1;
    for (String key : List.of("frequency_hz", "magnitude_db", "phase_deg")) {
      JsonNode a = field(r, key);
      if (!a.isArray() || (size >= 0 && a.size() != size)) {
        throw bad("response." + key + " must be a list as long as response.frequency_hz");
      }
      size = a.size();
      for (JsonNode v : a) {
        if (!v.isNumber() && !v.isNull()) {
          throw bad("response." + key + " must hold numbers");
        }
      }
    }
  }

  private static List<Complex> roots(JsonNode n, String what) {
    if (!n.isArray()) {
      throw bad(what + " must be a list of [re, im] pairs");
    }
    List<Complex> out = new ArrayList<>();
    for (JsonNode p : n) {
      double[] z = doubles(p, 2, what);
      out.add(new Complex(z[0], z[1]));
    }
    return out;
  }

  private static FilterSpecs specs(JsonNode n) {
    requireObject(n, "specs");
    Set<String> keys = new HashSet<>(Set.of("response_class", "lossless"));
    for (SpecField f : SpecField.values()) {
      keys.add(f.key());
    }
    checkKeys(n, keys, "specs");
    ResponseClass rc;
    try {
      rc = ResponseClass.parse(text(n, "response_class"));
    } catch (IllegalArgumentException e) {
      throw bad("specs: " + e.getMessage());
    }
    Map<SpecField, Double> v = new HashMap<>();
    for (SpecField f : SpecField.values()) {
      JsonNode x = field(n, f.key());
      if (!x.isNull() && !x.isNumber()) {
        throw bad("specs." + f.key() + " must be a number or null");
      }
      v.put(f, x.isNull() ? null : x.asDouble());
    }
    return new FilterSpecs(
        rc,
        v.get(SpecField.FC_HZ),
        v.get(SpecField.F0_HZ),
        v.get(SpecField.Q),
        v.get(SpecField.BANDWIDTH_HZ),
        v.get(SpecField.F_LOW_HZ),
        v.get(SpecField.F_HIGH_HZ),
        v.get(SpecField.PASSBAND_GAIN),
        v.get(SpecField.POLE_Q),
        v.get(SpecField.POLE_F0_HZ),
        bool(n, "lossless"));
  }

  private static CircuitFamily family(String id, RandomGraphs space) {
    try {
      return CircuitFamilies.parse(id, space);
    } catch (IllegalArgumentException e) {
      throw bad(e.getMessage());
    }
  }

  private static void checkKeys(JsonNode n, Set<String> allowed, String what) {
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!allowed.contains(k)) {
        throw bad(what + ": unknown key '" + k + "'");
      }
    }
  }

  private static JsonNode field(JsonNode n, String key) {
    JsonNode v = n.get(key);
    if (v == null) {
      throw bad("missing key '" + key + "'");
    }
    return v;
  }

  private static String text(JsonNode n, String key) {
    JsonNode v = field(n, key);
    if (!v.isTextual()) {
      throw bad("'" + key + "' must be a string");
    }
    return v.asText();
  }

  private static long integer(JsonNode n, String key) {
    JsonNode v = field(n, key);
    if (!v.isIntegralNumber() || !v.canConvertToLong()) {
      throw bad("'" + key + "' must be an integer");
    }
    return v.asLong();
  }

  private static boolean bool(JsonNode n, String key) {
    JsonNode v = field(n, key);
    if (!v.isBoolean()) {
      throw bad("'" + key + "' must be true or false");
    }
    return v.asBoolean();
  }

  private static double number(JsonNode n, String key) {
    JsonNode v = field(n, key);
    if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
      throw bad("'" + key + "' must be a finite number");
    }
    return v.asDouble();
  }

  private static double[] doubles(JsonNode n, int size, String what) {
    if (!n.isArray() || n.size() != size) {
      throw bad(what + ": expected a list of " + size + " numbers");
    }
    double[] out = new double[size];
    for (int i = 0; i < size; i++) {
      if (!n.get(i).isNumber()) {
        throw bad(what + ": expected a list of " + size + " numbers");
      }
      out[i] = n.get(i).asDouble();
    }
    return out;
  }

  private static void requireObject(JsonNode n, String what) {
    if (!n.isObject()) {
      throw bad(what + " must be a JSON object");
    }
  }

  private static BadRecordException bad(String reason) {
    return new BadRecordException(reason);
  }
}
