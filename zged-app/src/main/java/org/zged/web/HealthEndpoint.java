package org.zged.web;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** GET /api/health: answers at once, with the state of each background load. */
final class HealthEndpoint implements ApiRoute {
  private final Instant started = Instant.now();
  private final Map<String, Supplier<String>> parts;

  HealthEndpoint(Map<String, Supplier<String>> parts) {
    this.parts = parts;
  }

  @Override
  public Object handle(ApiRequest request) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("status", "ok");
    out.put("version", "0.1.0");
    out.put("uptime_s", Duration.between(started, Instant.now()).toMillis() / 1000.0);
    parts.forEach((name, status) -> out.put(name, status.get()));
    return out;
  }
}
