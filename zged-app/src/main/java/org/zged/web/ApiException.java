package org.zged.web;

/**
 * A request the API refuses: answered with HTTP 400 and {@code {"error": "FIELD: reason", "field":
 * "FIELD"}} so that the page can show the message next to the offending form field.
 */
public final class ApiException extends RuntimeException {
  private final String field;

  public ApiException(String field, String reason) {
    super(field == null ? reason : field + ": " + reason);
    this.field = field;
  }

  /** The request field to blame (a JSON key, or "body"), or null when no single field is. */
  public String field() {
    return field;
  }
}
