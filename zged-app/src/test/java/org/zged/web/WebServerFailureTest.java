package org.zged.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.zged.InputException;
import org.zged.dataset.Datasets;

/**
 * A server whose model cannot load still starts, says so on /api/health, and answers what it can.
 */
class WebServerFailureTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aModelThatFailsToLoadIsReportedNotHidden() throws Exception {
    ZgedApi api =
        ZgedApi.builder()
            .optModel(
                () -> {
                  throw new InputException("broken.zged", "not a zged model file");
                })
            .optReferenceSet(Datasets::seed)
            .build();
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    try (WebServer server =
        api.install(WebServer.builder().optLog(new PrintStream(log, true, StandardCharsets.UTF_8)))
            .build()
            .start(0)) {
      HttpClient http = HttpClient.newHttpClient();
      JsonNode health = waitForFailure(http, server);
      assertEquals("failed: broken.zged: not a zged model file", health.get("model").asText());
      assertTrue(health.get("generator").asText().startsWith("failed: model failed to load"));

      HttpResponse<String> gen =
          http.send(
              HttpRequest.newBuilder(URI.create(server.url() + "api/generate"))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString("{\"fc\": \"10k\"}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(503, gen.statusCode(), gen.body());
      assertTrue(JSON.readTree(gen.body()).get("error").asText().contains("not a zged model"));
      assertFalse(gen.body().contains("Exception"), gen.body());

      // Simulation needs no model and keeps working.
      HttpResponse<String> sim =
          http.send(
              HttpRequest.newBuilder(URI.create(server.url() + "api/simulate"))
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          JSON.writeValueAsString(
                              java.util.Map.of("netlist", WebApiTest.RC_LOWPASS))))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, sim.statusCode(), sim.body());
    }
  }

  private static JsonNode waitForFailure(HttpClient http, WebServer server) throws Exception {
    for (int i = 0; i < 100; i++) {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create(server.url() + "api/health")).build(),
              HttpResponse.BodyHandlers.ofString());
      JsonNode j = JSON.readTree(r.body());
      if (!j.get("generator").asText().equals("loading")) {
        return j;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the failed load was never reported");
  }
}
