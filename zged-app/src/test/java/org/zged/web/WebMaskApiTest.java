package org.zged.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zged.dataset.Datasets;

/**
 * The mask and order forms of POST /api/generate through HTTP. The server's model deliberately
 * fails to load: order and mask designs are classical synthesis and must be answered without it
 * (and so without queueing on a model or a generator of the pool).
 */
class WebMaskApiTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String LOWPASS_MASK =
      "{\"mask\": {\"bands\": [{\"from_hz\": 0, \"to_hz\": 1000, \"max_atten_db\": 1},"
          + " {\"from_hz\": \"3k\", \"to_hz\": \"inf\", \"min_atten_db\": 40}]}}";

  static WebServer server;
  static HttpClient http;

  @BeforeAll
  static void start() {
    ZgedApi api =
        ZgedApi.builder()
            .optModel(
                () -> {
                  throw new IllegalStateException("no model in this test");
                })
            .optReferenceSet(Datasets::seed)
            .build();
    server = api.install(WebServer.builder().optHost("127.0.0.1")).build().start(0);
    http = HttpClient.newHttpClient();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  record Reply(int status, String body) {
    JsonNode json() throws Exception {
      return JSON.readTree(body);
    }
  }

  static Reply post(String body) throws Exception {
    HttpRequest r =
        HttpRequest.newBuilder(URI.create(server.url() + "api/generate"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build();
    HttpResponse<String> h = http.send(r, HttpResponse.BodyHandlers.ofString());
    return new Reply(h.statusCode(), h.body());
  }

  /** HTTP 400, the field named, one line, no stack trace; returns the message. */
  static String refused(String body, String field) throws Exception {
    Reply r = post(body);
    assertEquals(400, r.status(), body + " -> " + r.body());
    JsonNode j = r.json();
    assertEquals(field, j.get("field").asText(null), r.body());
    String error = j.get("error").asText();
    assertTrue(error.startsWith(field + ": "), error);
    assertFalse(error.contains("\n") || error.contains("Exception"), error);
    return error;
  }

  /**
   * Pass 0–1 kHz within 1 dB, stop from 3 kHz by 40 dB: the lowest order of all is a third-order
   * elliptic. Its minimum stopband attenuation follows from the nome q of k = 1/3 (Zverev, Handbook
   * of Filter Synthesis; Rhodes): A = 10·log10(1 + (10^(Ap/10) − 1) / (16 q^n)), q = q0 + 2 q0^5 +
   * 15 q0^9, q0 = (1 − √k')/(2(1 + √k')), k' = √(1 − k²) — 46.08 dB, a margin of 6.08 dB.
   */
  @Test
  void aLowPassMaskIsMetWithTheEllipticMarginPerBand() throws Exception {
    Reply r = post(LOWPASS_MASK);
    assertEquals(200, r.status(), r.body());
    JsonNode j = r.json();
    JsonNode bands = j.get("target").get("bands");
    assertEquals(2, bands.size(), bands.toString());
    assertEquals("pass", bands.get(0).get("kind").asText());
    assertEquals(1000, bands.get(0).get("high_hz").asDouble(), 0);
    assertEquals("stop", bands.get(1).get("kind").asText());
    assertEquals(3000, bands.get(1).get("low_hz").asDouble(), 0);
    assertTrue(bands.get(1).get("high_hz").isNull(), bands.toString());

    double k = 1.0 / 3;
    double kp = Math.sqrt(Math.sqrt(1 - k * k));
    double q0 = (1 - kp) / (2 * (1 + kp));
    double q = q0 + 2 * Math.pow(q0, 5) + 15 * Math.pow(q0, 9);
    double stopDb = 10 * Math.log10(1 + (Math.pow(10, 0.1) - 1) / (16 * Math.pow(q, 3)));

    JsonNode cands = j.get("candidates");
    assertTrue(cands.size() >= 1, r.body());
    for (JsonNode c : cands) {
      assertTrue(c.get("meets_target").asBoolean(), c.toString());
      assertEquals(3, c.get("order").asInt(), c.toString());
      assertEquals("elliptic", c.get("response").asText(), c.toString());
      JsonNode per = c.get("bands");
      assertEquals(2, per.size(), per.toString());
      for (JsonNode b : per) {
        assertTrue(b.get("margin_db").asDouble() >= -1e-9, b.toString());
      }
      assertEquals(stopDb, per.get(1).get("worst_db").asDouble(), 0.01, per.toString());
      assertEquals(stopDb - 40, per.get(1).get("margin_db").asDouble(), 0.01, per.toString());
      assertTrue(c.get("netlist").asText().contains("vout"), c.toString());
    }
  }

  @Test
  void badMasksAreRefusedNamingTheBand() throws Exception {
    String overlap =
        refused(
            "{\"mask\": {\"bands\": [{\"from_hz\": 0, \"to_hz\": 1000, \"max_atten_db\": 1},"
                + " {\"from_hz\": 500, \"to_hz\": \"inf\", \"min_atten_db\": 40}]}}",
            "mask");
    assertTrue(overlap.contains("bands[0] and bands[1]") && overlap.contains("overlap"), overlap);
    String empty = refused("{\"mask\": {\"bands\": []}}", "mask");
    assertTrue(empty.contains("empty"), empty);
    refused("{\"mask\": []}", "mask");
    refused("{\"mask\": {}}", "mask");
    refused("{\"mask\": \"0:1k\"}", "mask");
    String inverted =
        refused(
            "{\"mask\": {\"bands\": [{\"from_hz\": 2000, \"to_hz\": 1000, \"max_atten_db\": 1}]}}",
            "mask");
    assertTrue(inverted.contains("bands[0]") && inverted.contains("from_hz"), inverted);
    String equal =
        refused(
            "{\"mask\": {\"bands\": [{\"from_hz\": 1000, \"to_hz\": 1000, \"max_atten_db\": 1}]}}",
            "mask");
    assertTrue(equal.contains("from_hz must be below to_hz"), equal);
    String both =
        refused(
            "{\"mask\": {\"bands\": [{\"from_hz\": 0, \"to_hz\": 1000, \"max_atten_db\": 1,"
                + " \"min_atten_db\": 40}]}}",
            "mask");
    assertTrue(both.contains("not both"), both);
    String stopOnly =
        refused(
            "{\"mask\": {\"bands\": [{\"from_hz\": 3000, \"to_hz\": \"inf\", \"min_atten_db\":"
                + " 40}]}}",
            "mask");
    assertTrue(stopOnly.contains("passband"), stopOnly);
    String unknown =
        refused(
            "{\"mask\": {\"bands\": [{\"from_hz\": 0, \"to\": 1000, \"max_atten_db\": 1}]}}",
            "mask");
    assertTrue(unknown.contains("'to'"), unknown);
    refused(
        "{\"mask\": {\"bands\": [{\"from_hz\": 0, \"to_hz\": 1000, \"max_atten_db\": -1}]}}",
        "mask");
    refused(
        "{\"mask\": {\"bands\": [{\"from_hz\": \"x\", \"to_hz\": 1000, \"max_atten_db\": 1}]}}",
        "mask");
    // The mask gives the edges and limits: the ladder flags' keys do not go with it.
    refused(with(LOWPASS_MASK, "passband", "1k"), "passband");
    refused(with(LOWPASS_MASK, "order", "0"), "order");
    refused(with(LOWPASS_MASK, "response", "wobble"), "response");
    refused(with(LOWPASS_MASK, "rl", "-5"), "rl");
  }

  @Test
  void anOrderDesignBindsToTheLadderFlags() throws Exception {
    Reply r =
        post(
            "{\"type\": \"lowpass\", \"response\": \"chebyshev\", \"order\": 5, \"passband\":"
                + " 1000, \"ripple_db\": 0.5}");
    assertEquals(200, r.status(), r.body());
    JsonNode j = r.json();
    assertEquals("order", j.get("target").get("design").asText(), r.body());
    JsonNode best = j.get("candidates").get(0);
    assertEquals(5, best.get("parts").asInt(), best.toString());
    // A Chebyshev ladder's ripple reaches exactly its limit at the edge: margin 0 to rounding.
    assertEquals(0, best.get("bands").get(0).get("margin_db").asDouble(), 1e-6, best.toString());
    refused("{\"order\": 0, \"passband\": \"1k\"}", "order");
    refused("{\"order\": \"5\", \"passband\": \"1k\"}", "order");
    refused("{\"order\": 5, \"response\": \"chebyshev\", \"passband\": \"1k\"}", "ripple_db");
    refused("{\"order\": 5, \"passband\": \"1k\", \"q\": 0.7}", "q");
    refused("{\"order\": 5, \"passband\": \"1k\", \"max_parts\": 4}", "max_parts");
    refused("{\"order\": 5, \"passband\": \"1k\", \"form\": \"min-x\"}", "form");
    refused("{\"order\": 5, \"passband\": \"2k:1k\"}", "passband");
  }

  @Test
  void concurrentMaskRequestsGetTheSameAnswersAsSequentialOnes() throws Exception {
    List<String> bodies = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      double stop = 2500 + 500 * i;
      bodies.add(
          "{\"mask\": {\"bands\": [{\"from_hz\": 0, \"to_hz\": 1000, \"max_atten_db\": 0.5},"
              + " {\"from_hz\": "
              + stop
              + ", \"to_hz\": \"inf\", \"min_atten_db\": 50}]}}");
    }
    List<JsonNode> sequential = new ArrayList<>();
    for (String b : bodies) {
      Reply r = post(b);
      assertEquals(200, r.status(), r.body());
      sequential.add(withoutTiming(r.json()));
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Reply>> futures = new ArrayList<>();
      for (int i = 0; i < 24; i++) {
        String b = bodies.get(i % bodies.size());
        futures.add(pool.submit(() -> post(b)));
      }
      for (int i = 0; i < futures.size(); i++) {
        Reply r = futures.get(i).get();
        assertEquals(200, r.status(), r.body());
        assertEquals(sequential.get(i % bodies.size()), withoutTiming(r.json()));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static String with(String body, String key, String value) throws Exception {
    ObjectNode o = (ObjectNode) JSON.readTree(body);
    o.put(key, value);
    return o.toString();
  }

  private static JsonNode withoutTiming(JsonNode reply) {
    ((ObjectNode) reply).remove("elapsed_ms");
    return reply;
  }

  /** The model failed to load, as this test intends; the mask and order forms did not need it. */
  @Test
  void theModelWasNeverAvailable() throws Exception {
    Reply r = post("{\"type\": \"lowpass\", \"fc\": \"10k\"}");
    assertEquals(503, r.status(), r.body());
  }
}
