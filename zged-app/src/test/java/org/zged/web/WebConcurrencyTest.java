package org.zged.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.zged.dataset.Datasets;
import org.zged.model.ModelConfig;
import org.zged.model.ZgedModel;

/**
 * POST /api/generate answers requests side by side: a pool of two generators, each on its own model
 * instance, serves 16 simultaneous requests; both generators are in use at once (the pool's peak),
 * never more than two, and every answer is the one the same request gets alone.
 */
class WebConcurrencyTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void twoGeneratorsServeSimultaneousRequestsWithTheSequentialAnswers() throws Exception {
    // Both models made here, on the test's thread (see WebApiTest#start), and handed out in turn.
    ZgedModel a = ZgedModel.create(ModelConfig.standard(), 7);
    ZgedModel b = ZgedModel.create(ModelConfig.standard(), 7);
    Iterator<ZgedModel> models = List.of(a, b).iterator();
    ZgedApi api =
        ZgedApi.builder()
            .optWorkers(2)
            .optModel(models::next)
            .optReferenceSet(Datasets::seed)
            .build();
    HttpClient http = HttpClient.newHttpClient();
    try (a;
        b;
        WebServer server = api.install(WebServer.builder().optHost("127.0.0.1")).build()) {
      server.start(0);
      List<String> bodies = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        bodies.add(
            "{\"type\": \"lowpass\", \"fc\": " + (1000 * (i + 1)) + ", \"q\": 0.8, \"count\": 2}");
      }
      List<JsonNode> alone = new ArrayList<>();
      for (String body : bodies) {
        alone.add(answer(http, server, body));
      }
      assertEquals(1, api.generatorPool().peakConcurrency(), "one request at a time so far");
      ExecutorService clients = Executors.newFixedThreadPool(16);
      try {
        List<Future<JsonNode>> replies = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
          String body = bodies.get(i % bodies.size());
          replies.add(clients.submit(() -> answer(http, server, body)));
        }
        for (int i = 0; i < replies.size(); i++) {
          assertEquals(alone.get(i % bodies.size()), replies.get(i).get());
        }
      } finally {
        clients.shutdownNow();
      }
      assertEquals(2, api.generatorPool().peakConcurrency(), "both generators worked at once");
    }
  }

  private static JsonNode answer(HttpClient http, WebServer server, String body) throws Exception {
    HttpRequest r =
        HttpRequest.newBuilder(URI.create(server.url() + "api/generate"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build();
    HttpResponse<String> h = http.send(r, HttpResponse.BodyHandlers.ofString());
    assertEquals(200, h.statusCode(), h.body());
    ObjectNode j = (ObjectNode) JSON.readTree(h.body());
    j.remove("elapsed_ms");
    return j;
  }
}
