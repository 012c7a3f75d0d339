package org.zged.web;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The body of one API request, already read and size-checked; parsed on demand. */
public final class ApiRequest {
  private final byte[] body;
  private final Map<String, String> query;

  public ApiRequest(byte[] body, Map<String, String> query) {
    this.body = body;
    this.query = Map.copyOf(query);
  }

  /** A query-string parameter, or null. */
  public String query(String name) {
    return query.get(name);
  }

  public Map<String, String> queryParameters() {
    return query;
  }

  /** The body as UTF-8 text (a netlist for /api/simulate). */
  public String text() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The body as a JSON object with validating accessors; an empty body is an empty object. */
  public JsonFields json() {
    return JsonFields.parse(body);
  }
}
