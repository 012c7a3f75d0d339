package org.zged.web;

/**
 * A request the API refuses: answered with HTTP 400 and {@code {"error": "FIELD: reason", "field":
 * "FIELD"}} so that the page can show the message next to the offending form field.
 */
public final class ApiException extends RuntimeException {
  private final String field;

  public ApiException(String field, String reason) {
    this(field, reason, true);
  }

  private ApiException(String field, String text, boolean prefix) {
    super(field == null || !prefix ? text : field + ": " + text);
    this.field = field;
  }

  /** Blames {@code field} for a message that already says where (e.g. "netlist:3: bad value"). */
  public static ApiException blaming(String field, String message) {
    return new ApiException(field, message, false);
  }

  /** The request field to blame (a JSON key, or "body"), or null when no single field is. */
  public String field() {
    return field;
  }
}
