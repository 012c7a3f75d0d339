package org.zged.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.zged.generate.LadderRequest;
import org.zged.netlist.SpiceNumber;

/**
 * The order/approximation and mask forms of POST /api/generate ({@code {"order": 5, "response":
 * "chebyshev", "fc": "1k", "ripple_db": 0.5}}, {@code {"passband": "1k", "stopband": "3k", ...}})
 * bound to {@link LadderRequest}, the record {@code zged generate}'s ladder flags fill, so both
 * accept and refuse the same things. The record holds the flags' text; JSON numbers are turned into
 * that text here, and keys of the other spec forms are refused by name instead of being ignored.
 */
final class LadderBinding {
  /** Keys only the ladder forms have: any of them selects this form. */
  static final List<String> KEYS =
      List.of(
          "response",
          "order",
          "ripple_db",
          "attenuation_db",
          "passband",
          "stopband",
          "rs",
          "rl",
          "form");

  /** Keys of LadderRequest that are text there but may be JSON numbers here. */
  private static final Set<String> TEXT =
      Set.of("fc", "ripple_db", "attenuation_db", "passband", "stopband", "rs", "rl");

  /** Keys of the fc/Q and pole/zero forms that a ladder design has no use for. */
  private static final Set<String> OTHER_FORMS =
      Set.of(
          "q",
          "gain",
          "poles",
          "zeros",
          "count",
          "resistor_series",
          "trim",
          "max_parts",
          "max_inductors",
          "r_range",
          "c_range",
          "l_range");

  private LadderBinding() {}

  static boolean wanted(JsonFields fields) {
    return KEYS.stream().anyMatch(fields::has);
  }

  static LadderRequest bind(JsonFields fields) {
    ObjectNode body = fields.copy();
    for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (OTHER_FORMS.contains(key) && !body.get(key).isNull()) {
        throw new ApiException(
            key, "does not apply to an order or mask design (a classical ladder)");
      }
    }
    for (String key : TEXT) {
      JsonNode v = body.get(key);
      if (v != null && v.isNumber()) {
        body.put(key, JsonFields.fmt(v.doubleValue()));
      }
    }
    Double tolerance =
        fields.optNumber("tolerance", SpiceNumber::parse, -Double.MAX_VALUE, Double.MAX_VALUE);
    if (tolerance != null) {
      body.put("tolerance", tolerance);
    }
    return StrictBinder.bind(body, LadderRequest.class);
  }
}
