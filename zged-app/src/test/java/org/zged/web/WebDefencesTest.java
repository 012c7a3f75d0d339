package org.zged.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.HandlerType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.zged.InputException;
import org.zged.dataset.Datasets;

/**
 * The server's defences, against a real server on a random loopback port with real sockets: Host
 * header check (421), JSON-only bodies (415), slow bodies cut off while /api/health keeps
 * answering, a bounded thread pool, and the per-request work cap of /api/generate.
 */
class WebDefencesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static WebServer server(WebServer.Builder b) {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    return b.optLog(new PrintStream(log, true, StandardCharsets.UTF_8))
        .optRoute(HandlerType.GET, "/api/health", r -> Map.of("status", "ok"))
        .optRoute(HandlerType.POST, "/api/echo", r -> Map.of("bytes", r.text().length()))
        .build()
        .start(0);
  }

  @Test
  void onlyHostsNamingThisServerAreAnswered() throws Exception {
    try (WebServer s = server(WebServer.builder().optAllowHosts(List.of("zged.lan")))) {
      int port = s.port();
      assertEquals(200, status(get(port, "localhost:" + port)));
      assertEquals(200, status(get(port, "127.0.0.1:" + port)));
      assertEquals(200, status(get(port, "[::1]:" + port)));
      assertEquals(200, status(get(port, "zged.lan:" + port)), "--allow-host adds names");
      String evil = get(port, "evil.example");
      assertEquals(421, status(evil));
      assertTrue(body(evil).contains("--allow-host"), evil);
      assertEquals(421, status(get(port, "evil.example:" + port)));
      assertEquals(421, status(get(port, "127.0.0.1.evil.example")));
      // The page itself is refused too: a rebinding site must not read anything.
      assertEquals(
          421,
          status(raw(port, "GET / HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n")));
    }
  }

  @Test
  void anAllowHostStarAcceptsAnyName() throws Exception {
    try (WebServer s = server(WebServer.builder().optAllowHosts(List.of("*")))) {
      assertEquals(200, status(get(s.port(), "anything.example")));
    }
  }

  @Test
  void postBodiesMustBeJson() throws Exception {
    try (WebServer s = server(WebServer.builder())) {
      int port = s.port();
      String plain = post(port, "text/plain", "{}");
      assertEquals(415, status(plain), plain);
      assertTrue(body(plain).contains("application/json"), plain);
      assertFalse(plain.contains("Exception"), plain);
      assertEquals(415, status(post(port, "application/x-www-form-urlencoded", "a=b")));
      assertEquals(415, status(post(port, "multipart/form-data; boundary=x", "--x--")));
      assertEquals(415, status(post(port, null, "{}")));
      assertEquals(200, status(post(port, "application/json; charset=utf-8", "{}")));
      assertEquals(200, status(post(port, "Application/JSON", "{}")));
    }
  }

  @Test
  void slowBodiesAreCutOffAndHealthKeepsAnswering() throws Exception {
    int slow = 60;
    WebLimits limits = WebLimits.defaults().withIdleTimeoutMillis(3_000);
    try (WebServer s = server(WebServer.builder().optLimits(limits))) {
      int port = s.port();
      List<Socket> attackers = new ArrayList<>();
      try {
        for (int i = 0; i < slow; i++) {
          Socket a = new Socket(InetAddress.getLoopbackAddress(), port);
          a.getOutputStream()
              .write(
                  ("POST /api/echo HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json"
                          + "\r\nContent-Length: 1000\r\n\r\n{")
                      .getBytes(StandardCharsets.US_ASCII));
          attackers.add(a);
        }
        // Every slow request holds a POST slot or was turned away; health needs neither.
        for (int i = 0; i < 5; i++) {
          assertEquals(200, status(get(port, "localhost")));
        }
        // One more byte each, a second later: far under the minimum rate, so they are cut off.
        Thread.sleep(1100);
        int answered = 0;
        for (Socket a : attackers) {
          try {
            a.getOutputStream().write('[');
          } catch (IOException closed) {
            // already answered and closed (503 busy)
          }
        }
        for (Socket a : attackers) {
          a.setSoTimeout(20_000);
          String reply = readAll(a.getInputStream());
          int st = reply.isEmpty() ? 0 : status(reply);
          assertTrue(st == 408 || st == 503 || st == 0, reply);
          answered += st != 0 ? 1 : 0;
        }
        assertTrue(answered > 0);
      } finally {
        for (Socket a : attackers) {
          a.close();
        }
      }
      assertEquals(200, status(get(port, "localhost")));
      long workers =
          Thread.getAllStackTraces().keySet().stream()
              .filter(t -> t.getName().startsWith("zged-web"))
              .count();
      assertTrue(workers <= limits.maxThreads(), workers + " server threads in the pool");
    }
  }

  @Test
  void aGenerateRequestAskingForTooMuchWorkIsRefusedAndSaysWhy() throws Exception {
    ZgedApi api =
        ZgedApi.builder()
            .optModel(
                () -> {
                  throw new InputException("none.zged", "no model in this test");
                })
            .optReferenceSet(Datasets::seed)
            .build();
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    try (WebServer s =
        api.install(WebServer.builder().optLog(new PrintStream(log, true, StandardCharsets.UTF_8)))
            .build()
            .start(0)) {
      String heavy =
          "{\"type\":\"bandpass\",\"fc\":\"10k\",\"q\":5,\"count\":50,\"tolerance\":5,"
              + "\"trials\":100000}";
      String r = postTo(s.port(), "/api/generate", "application/json", heavy);
      assertEquals(400, status(r), r);
      JsonNode j = JSON.readTree(body(r));
      assertEquals("trials", j.get("field").asText());
      assertTrue(
          j.get("error").asText().startsWith("trials: count × trials = 5,000,000 Monte Carlo"), r);
      assertTrue(j.get("error").asText().contains("at most 200,000"), r);
    }
  }

  // ---- raw HTTP/1.1 over a socket (java.net.http does not let a test set Host) -----------

  private static String get(int port, String host) throws IOException {
    return raw(port, "GET /api/health HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
  }

  private static String post(int port, String type, String body) throws IOException {
    return postTo(port, "/api/echo", type, body);
  }

  private static String postTo(int port, String path, String type, String body) throws IOException {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    return raw(
        port,
        "POST "
            + path
            + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
            + (type == null ? "" : "Content-Type: " + type + "\r\n")
            + "Content-Length: "
            + b.length
            + "\r\n\r\n"
            + body);
  }

  private static String raw(int port, String request) throws IOException {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
      s.setSoTimeout(20_000);
      OutputStream out = s.getOutputStream();
      out.write(request.getBytes(StandardCharsets.UTF_8));
      out.flush();
      return readAll(s.getInputStream());
    }
  }

  private static String readAll(InputStream in) throws IOException {
    try {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (SocketTimeoutException | java.net.SocketException e) {
      return "";
    }
  }

  private static int status(String response) {
    assertTrue(response.startsWith("HTTP/1.1 "), response);
    return Integer.parseInt(response.substring(9, 12));
  }

  private static String body(String response) {
    int cut = response.indexOf("\r\n\r\n");
    if (cut < 0) {
      return "";
    }
    String head = response.substring(0, cut).toLowerCase(java.util.Locale.ROOT);
    String rest = response.substring(cut + 4);
    if (!head.contains("transfer-encoding: chunked")) {
      return rest;
    }
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (true) {
      int eol = rest.indexOf("\r\n", i);
      int size = Integer.parseInt(rest.substring(i, eol).strip(), 16);
      if (size == 0) {
        return out.toString();
      }
      out.append(rest, eol + 2, eol + 2 + size);
      i = eol + 2 + size + 2;
    }
  }
}
