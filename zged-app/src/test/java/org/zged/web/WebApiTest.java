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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zged.dataset.Datasets;
import org.zged.model.ModelConfig;
import org.zged.model.ZgedModel;

/**
 * The JSON API against a real server on a random loopback port: happy paths and every validation
 * error, checked through HTTP as a client sees them. The model here is freshly initialised (the
 * API's plumbing does not depend on its training); the reference set is the 120-circuit seed
 * preset.
 */
class WebApiTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String RC_LOWPASS =
      "* rc lowpass\nV1 vin 0 AC 1\nR1 vin vout 1k\nC1 vout 0 10n\n.end\n";

  static WebServer server;
  static HttpClient http;
  static final ByteArrayOutputStream LOG = new ByteArrayOutputStream();

  static ZgedModel model;

  @BeforeAll
  static void start() {
    // Created here rather than in the API's loader thread: DJL's PyTorch engine switches autograd
    // off only on the thread that first started it, so in a JVM shared with other tests a model
    // can only be initialised on that (the main) thread.
    model = ZgedModel.create(ModelConfig.standard(), 7);
    ZgedApi api = ZgedApi.builder().optModel(() -> model).optReferenceSet(Datasets::seed).build();
    server =
        api.install(
                WebServer.builder()
                    .optHost("127.0.0.1")
                    .optLog(new PrintStream(LOG, true, StandardCharsets.UTF_8)))
            .build()
            .start(0);
    http = HttpClient.newHttpClient();
  }

  @AfterAll
  static void stop() {
    server.close();
    model.close();
  }

  record Reply(int status, String contentType, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (Exception e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }
  }

  static Reply send(String method, String path, String body, String contentType) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url() + path.substring(1)));
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
  }

  /** POST /api/simulate with the netlist wrapped as {"netlist": ...}. */
  static Reply sim(String path, String netlist) throws Exception {
    return post(path, JSON.writeValueAsString(java.util.Map.of("netlist", netlist)));
  }

  static Reply get(String path) throws Exception {
    return send("GET", path, null, null);
  }

  static Reply post(String path, String body) throws Exception {
    return send("POST", path, body, "application/json");
  }

  /** A refusal: HTTP 400, JSON {"error", "field"}, the field as expected, and no stack trace. */
  static JsonNode assertRefused(Reply r, String field) {
    assertEquals(400, r.status(), r.body());
    assertTrue(r.contentType().startsWith("application/json"), r.contentType());
    JsonNode j = r.json();
    assertTrue(j.get("error").isTextual(), r.body());
    assertEquals(field, j.get("field").asText(null), r.body());
    assertNoStackTrace(r);
    return j;
  }

  static void assertNoStackTrace(Reply r) {
    assertFalse(r.body().contains("\tat "), r.body());
    assertFalse(r.body().matches("(?s).*\\w+(Exception|Error)\\b.*"), r.body());
  }

  @Test
  void healthAnswersWithTheStateOfEachBackgroundLoad() throws Exception {
    Reply r = get("/api/health");
    assertEquals(200, r.status());
    JsonNode j = r.json();
    assertEquals("ok", j.get("status").asText());
    assertTrue(j.get("model").asText().matches("loading|ready"), r.body());
    assertTrue(j.has("latent_map"), r.body());
  }

  @Test
  void servesThePageAndItsScripts() throws Exception {
    Reply page = get("/");
    assertEquals(200, page.status());
    assertTrue(page.contentType().startsWith("text/html"), page.contentType());
    assertTrue(page.body().contains("id=\"design-form\""));
    Reply js = get("/js/schematic.js");
    assertEquals(200, js.status());
    assertTrue(js.contentType().contains("javascript"), js.contentType());
  }

  @Test
  void simulateGivesTheExactAnalysisOfAnRcLowpass() throws Exception {
    Reply r = sim("/api/simulate", RC_LOWPASS);
    assertEquals(200, r.status(), r.body());
    JsonNode j = r.json();
    double rc = 1e3 * 10e-9;
    double fc = 1 / (2 * Math.PI * rc);
    JsonNode specs = j.get("specs");
    assertEquals("lowpass", specs.get("response_class").asText());
    assertEquals(fc, specs.get("fc_hz").asDouble(), fc * 1e-9);
    assertTrue(specs.get("q").isNull(), "a first-order filter has no Q");
    assertEquals(1, j.get("poles").size());
    assertEquals(-1 / rc, j.get("poles").get(0).get(0).asDouble(), 1e-6 / rc);
    assertEquals(0, j.get("zeros").size());
    assertEquals(1 / rc, j.get("gain").asDouble(), 1e-6 / rc);
    JsonNode resp = j.get("response");
    int n = resp.get("frequency_hz").size();
    assertEquals(n, resp.get("magnitude_db").size());
    assertEquals(n, resp.get("phase_deg").size());
    // The automatic grid spans the cutoff; |H| at the cutoff frequency is -3.01 dB.
    double f0 = resp.get("frequency_hz").get(0).asDouble();
    double f1 = resp.get("frequency_hz").get(n - 1).asDouble();
    assertTrue(f0 < fc / 100 && f1 > fc * 100, f0 + ".." + f1);
    assertEquals(0, resp.get("magnitude_db").get(0).asDouble(), 1e-3);
    assertEquals(2, j.get("elements").size());
    assertEquals("vout", j.get("elements").get(0).get("node_b").asText());
  }

  @Test
  void simulateHonoursAnExplicitGrid() throws Exception {
    Reply r = sim("/api/simulate?fstart=1k&fstop=100k&points_per_decade=10", RC_LOWPASS);
    assertEquals(200, r.status(), r.body());
    JsonNode f = r.json().get("response").get("frequency_hz");
    assertEquals(21, f.size());
    assertEquals(1e3, f.get(0).asDouble(), 1e-9);
    assertEquals(1e5, f.get(20).asDouble(), 1e-6);
  }

  @Test
  void simulateTakesTheOutputNodeFromTheQuery() throws Exception {
    String netlist = "* ab\nV1 a 0 AC 1\nR1 a b 1k\nC1 b 0 1n\n.end\n";
    assertRefused(sim("/api/simulate", netlist), "netlist");
    Reply r = sim("/api/simulate?out=b", netlist);
    assertEquals(200, r.status(), r.body());
    double fc = 1 / (2 * Math.PI * 1e3 * 1e-9);
    assertEquals(fc, r.json().get("specs").get("fc_hz").asDouble(), fc * 1e-9);
  }

  @Test
  void simulateRefusesBadNetlistsNamingTheLine() throws Exception {
    JsonNode j =
        assertRefused(sim("/api/simulate", "* t\nR1 vin vout 10x\nC1 vout 0 1n\n"), "netlist");
    assertTrue(j.get("error").asText().startsWith("netlist:2"), j.toString());
    assertRefused(sim("/api/simulate", ""), "netlist");
    assertRefused(sim("/api/simulate", "* t\nR1 vin 0 1k\nC1 vin 0 1n\n"), "netlist");
  }

  @Test
  void simulateRefusesBadQueryParameters() throws Exception {
    assertRefused(sim("/api/simulate?fstart=abc", RC_LOWPASS), "fstart");
    assertRefused(sim("/api/simulate?fstart=1k&fstop=10", RC_LOWPASS), "fstop");
    assertRefused(sim("/api/simulate?points_per_decade=0", RC_LOWPASS), "points_per_decade");
    assertRefused(sim("/api/simulate?file=/etc/passwd", RC_LOWPASS), "file");
    assertRefused(sim("/api/simulate?out=nowhere", RC_LOWPASS), "out");
    assertRefused(sim("/api/simulate?in=nowhere", RC_LOWPASS), "in");
  }

  @Test
  void bodiesOver64KibAreRefusedBeforeTheyAreRead() throws Exception {
    String big = "*" + "x".repeat(WebServer.MAX_BODY_BYTES) + "\n";
    assertRefused(sim("/api/simulate", big), "body");
    assertRefused(post("/api/decode", "{\"pad\":\"" + big + "\"}"), "body");
    // Exactly at the limit is fine as far as size goes (this one fails later, on its content).
    // {"netlist":"* yyy…\n"} is 18 bytes of JSON around the y run: exactly the limit in all.
    String atLimit = "* " + "y".repeat(WebServer.MAX_BODY_BYTES - 18) + "\n";
    JsonNode j = assertRefused(sim("/api/simulate", atLimit), "netlist");
    assertFalse(j.get("error").asText().contains("KiB"));
  }

  @Test
  void unknownPathsAndMethodsGetJsonErrors() throws Exception {
    Reply missing = get("/api/nothing-here");
    assertEquals(404, missing.status());
    assertTrue(missing.json().get("error").asText().contains("/api/nothing-here"));
    Reply wrongMethod = send("DELETE", "/api/simulate", null, null);
    assertEquals(405, wrongMethod.status());
    assertTrue(wrongMethod.json().has("error"));
  }

  @Test
  void latentMapHasOnePointPerReferenceCircuit() throws Exception {
    Reply r = get("/api/latent");
    assertEquals(200, r.status(), r.body());
    JsonNode j = r.json();
    assertEquals(120, j.get("points").size());
    assertEquals(6, j.get("families").size());
    double ev1 = j.get("explained_variance").get(0).asDouble();
    double ev2 = j.get("explained_variance").get(1).asDouble();
    assertTrue(ev1 >= ev2 && ev2 >= 0 && ev1 + ev2 <= 1 + 1e-9, ev1 + " " + ev2);
    JsonNode p = j.get("points").get(0);
    assertEquals(8, p.get("z").size());
    assertTrue(p.get("family").asText().matches("[a-z_]+"), p.toString());
    assertTrue(p.get("x").isNumber() && p.get("y").isNumber());
    assertRefused(get("/api/latent?path=x"), "path");
  }

  @Test
  void decodeOfAReferencePointLandsBackOnTheMap() throws Exception {
    JsonNode point = get("/api/latent").json().get("points").get(5);
    Reply r = post("/api/decode", "{\"z\": " + point.get("z") + "}");
    assertEquals(200, r.status(), r.body());
    JsonNode j = r.json();
    // Projecting the decoded latent gives the map coordinates the point was drawn at.
    assertEquals(point.get("x").asDouble(), j.get("point").get(0).asDouble(), 1e-4);
    assertEquals(point.get("y").asDouble(), j.get("point").get(1).asDouble(), 1e-4);
    assertTrue(j.get("elements").isArray());
    assertTrue(j.get("valid").isBoolean());
    assertEquals(j.get("valid").asBoolean(), j.get("problems").isEmpty(), j.toString());
    assertEquals(j.get("valid").asBoolean(), j.get("netlist").isTextual(), j.toString());
  }

  @Test
  void decodeOfAMapPointUsesThePcaPlane() throws Exception {
    Reply r = post("/api/decode", "{\"point\": [0.25, -0.5]}");
    assertEquals(200, r.status(), r.body());
    JsonNode p = r.json().get("point");
    assertEquals(0.25, p.get(0).asDouble(), 1e-5);
    assertEquals(-0.5, p.get(1).asDouble(), 1e-5);
    Reply sampled = post("/api/decode", "{\"point\": [0, 0], \"temperature\": 1.0, \"seed\": 3}");
    assertEquals(200, sampled.status(), sampled.body());
  }

  @Test
  void decodeValidatesEveryField() throws Exception {
    assertRefused(post("/api/decode", "{\"point\": [1, 2"), "body");
    assertRefused(post("/api/decode", "[1, 2]"), "body");
    assertRefused(post("/api/decode", "{}"), "point");
    assertRefused(post("/api/decode", "{\"point\": [0, 0], \"z\": [0,0,0,0,0,0,0,0]}"), "point");
    assertRefused(post("/api/decode", "{\"point\": [0, 0, 0]}"), "point");
    assertRefused(post("/api/decode", "{\"point\": \"0,0\"}"), "point");
    assertRefused(post("/api/decode", "{\"z\": [0, 0]}"), "z");
    assertRefused(post("/api/decode", "{\"z\": [0,0,0,0,0,0,0,1e9]}"), "z");
    assertRefused(post("/api/decode", "{\"z\": [0,0,0,0,0,0,0,\"a\"]}"), "z");
    assertRefused(post("/api/decode", "{\"point\": [0, 0], \"temperature\": -1}"), "temperature");
    assertRefused(post("/api/decode", "{\"point\": [0, 0], \"seed\": 1.5}"), "seed");
    assertRefused(post("/api/decode", "{\"point\": [0, 0], \"file\": \"/etc/passwd\"}"), "file");
    assertRefused(post("/api/decode", "{\"point\": [0, 0], \"point\": [1, 1]}"), "body");
  }

  @Test
  void concurrentRequestsGetTheSameAnswersAsSequentialOnes() throws Exception {
    String decodeBody = "{\"point\": [0.5, 0.5]}";
    String expectedDecode = post("/api/decode", decodeBody).body();
    String expectedSim = sim("/api/simulate", RC_LOWPASS).body();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Reply>> futures = new ArrayList<>();
      for (int i = 0; i < 32; i++) {
        boolean decode = i % 2 == 0;
        futures.add(
            pool.submit(
                () -> decode ? post("/api/decode", decodeBody) : sim("/api/simulate", RC_LOWPASS)));
      }
      for (int i = 0; i < futures.size(); i++) {
        Reply r = futures.get(i).get();
        assertEquals(200, r.status(), r.body());
        assertEquals(i % 2 == 0 ? expectedDecode : expectedSim, r.body());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void generateMeetsA10kHzLowpassAndEchoesTheParsedTarget() throws Exception {
    Reply r =
        post(
            "/api/generate",
            "{\"type\": \"lowpass\", \"fc\": \"10k\", \"q\": 0.707, \"count\": 2}");
    assertEquals(200, r.status(), r.body());
    JsonNode j = r.json();
    assertEquals(10_000, j.get("target").get("fc_hz").asDouble(), 1e-9);
    assertEquals("lowpass", j.get("target").get("type").asText());
    JsonNode cands = j.get("candidates");
    assertTrue(cands.size() >= 1 && cands.size() <= 2, r.body());
    JsonNode best = cands.get(0);
    assertEquals("lowpass", best.get("achieved").get("response_class").asText());
    assertEquals(10_000, best.get("achieved").get("fc_hz").asDouble(), 100);
    assertEquals(0.707, best.get("achieved").get("pole_q").asDouble(), 0.00707);
    assertTrue(best.get("netlist").asText().contains("vout"), best.toString());
    assertTrue(best.get("elements").get(0).get("nodes").isArray(), best.toString());
    // The page re-analyses the returned netlist; it must say the same as the generator did.
    Reply sim = sim("/api/simulate", best.get("netlist").asText());
    assertEquals(200, sim.status(), sim.body());
    assertEquals(
        best.get("achieved").get("fc_hz").asDouble(),
        sim.json().get("specs").get("fc_hz").asDouble(),
        1e-6 * 10_000);
  }

  @Test
  void generateAcceptsPlainNumbersAndSnapsToAnESeries() throws Exception {
    Reply r =
        post(
            "/api/generate",
            "{\"type\": \"highpass\", \"fc\": 2500, \"count\": 1, \"e_series\": \"E24\"}");
    assertEquals(200, r.status(), r.body());
    JsonNode best = r.json().get("candidates").get(0);
    assertEquals("highpass", best.get("achieved").get("response_class").asText());
    JsonNode snap = best.get("e_series");
    assertEquals("E24", snap.get("series").asText(), best.toString());
    // one table row per snapped part: every ideal element, plus a parallel trim part when single
    // series values miss by more than 1 %
    assertEquals(snap.get("elements").size(), snap.get("table").size(), snap.toString());
    assertTrue(snap.get("elements").size() >= best.get("elements").size(), snap.toString());
  }

  @Test
  void generateRefusesBadSpecsNamingTheField() throws Exception {
    assertRefused(post("/api/generate", "{\"type\": \"lowpass\", \"fc\": -5}"), "fc");
    assertRefused(post("/api/generate", "{\"type\": \"lowpass\"}"), "fc");
    assertRefused(post("/api/generate", "{\"fc\": \"10x\"}"), "fc");
    assertRefused(post("/api/generate", "{\"fc\": true}"), "fc");
    assertRefused(post("/api/generate", "{\"fc\": \"10k\", \"q\": 0}"), "q");
    assertRefused(post("/api/generate", "{\"fc\": \"10k\", \"q\": \"nan\"}"), "q");
    assertRefused(post("/api/generate", "{\"fc\": \"10k\", \"type\": \"wobble\"}"), "type");
    assertRefused(post("/api/generate", "{\"fc\": \"10k\", \"gain\": 2}"), "gain");
    assertRefused(post("/api/generate", "{\"fc\": \"10k\", \"count\": 51}"), "count");
    assertRefused(post("/api/generate", "{\"fc\": \"10k\", \"count\": 0}"), "count");
    assertRefused(post("/api/generate", "{\"fc\": \"10k\", \"count\": 2.5}"), "count");
    assertRefused(post("/api/generate", "{\"fc\": \"10k\", \"count\": 1e12}"), "count");
    assertRefused(post("/api/generate", "{\"fc\": \"10k\", \"count\": \"3\"}"), "count");
    assertRefused(post("/api/generate", "{\"fc\": \"10k\", \"seed\": [1]}"), "seed");
    assertRefused(post("/api/generate", "{\"fc\": \"10k\", \"e_series\": \"E7\"}"), "e_series");
    assertRefused(post("/api/generate", "{\"poles\": \"-1000+2000j\"}"), "poles");
    assertRefused(post("/api/generate", "{\"poles\": \"hello\"}"), "poles");
    assertRefused(post("/api/generate", "{\"fc\": \"10k\", \"fcc\": 1}"), "fcc");
    assertRefused(post("/api/generate", "{\"fc\": \"10k\", \"out\": \"/tmp/x.cir\"}"), "out");
    assertRefused(post("/api/generate", "{\"fc\": \"10k\", \"max_parts\": 0}"), "max_parts");
    assertRefused(
        post("/api/generate", "{\"fc\": \"10k\", \"max_inductors\": -1}"), "max_inductors");
    assertRefused(post("/api/generate", "{\"fc\": \"10k\", \"r_range\": \"1meg:10\"}"), "r_range");
    assertRefused(post("/api/generate", "{\"fc\": \"10k\", \"c_range\": \"1n\"}"), "c_range");
    assertRefused(post("/api/generate", "{\"fc\": 10000,}"), "body");
    assertRefused(post("/api/generate", "\"lowpass\""), "body");
    JsonNode j = assertRefused(post("/api/generate", "{\"fc\": -5}"), "fc");
    assertTrue(j.get("error").asText().startsWith("fc: "), j.toString());
  }

  @Test
  void logsOneLinePerRequest() throws Exception {
    long before = healthLogLines();
    get("/api/health");
    assertEquals(before + 1, healthLogLines());
    assertTrue(
        LOG.toString(StandardCharsets.UTF_8)
            .lines()
            .anyMatch(l -> l.matches("\\S+ GET /api/health 200 [0-9.]+ ms")));
  }

  private static long healthLogLines() {
    return LOG.toString(StandardCharsets.UTF_8)
        .lines()
        .filter(l -> l.contains(" GET /api/health "))
        .count();
  }
}
