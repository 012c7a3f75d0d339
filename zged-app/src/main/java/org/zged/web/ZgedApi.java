package org.zged.web;

import io.javalin.http.HandlerType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The zged JSON API: which endpoint answers which path. Slow parts (the model, the latent map) load
 * in the background so that the server is up, and /api/health answers, within a second or two.
 */
public final class ZgedApi {
  private final Map<String, Supplier<String>> loads = new LinkedHashMap<>();

  private ZgedApi() {}

  public static ZgedApi create() {
    return new ZgedApi();
  }

  /** Adds the API routes to a server under construction. */
  public WebServer.Builder install(WebServer.Builder server) {
    return server
        .optRoute(HandlerType.GET, "/api/health", new HealthEndpoint(loads))
        .optRoute(HandlerType.POST, "/api/simulate", new SimulateEndpoint());
  }
}
