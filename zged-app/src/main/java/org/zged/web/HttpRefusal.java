package org.zged.web;

/**
 * A request refused with a status other than 400 (408 slow body, 415 not JSON, 503 busy): answered
 * with that status and {@code {"error": ..., "field": ...}}.
 */
final class HttpRefusal extends RuntimeException {
  private final int status;
  private final String field;

  HttpRefusal(int status, String field, String message) {
    super(message);
    this.status = status;
    this.field = field;
  }

  int status() {
    return status;
  }

  String field() {
    return field;
  }
}
