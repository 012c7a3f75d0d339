package org.zged.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.staticfiles.Location;
import jakarta.servlet.DispatcherType;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.zged.InputException;
import org.zged.circuit.CircuitException;

/**
 * The zged web server: the page (static files from the classpath folder {@code web/}) and the JSON
 * API under {@code /api}. Every API reply is JSON; a refused request gets HTTP 400 with {@code
 * {"error": ..., "field": ...}}, never a stack trace. Bodies larger than {@link #MAX_BODY_BYTES}
 * are refused before they are buffered.
 */
public final class WebServer implements AutoCloseable {
  public static final int MAX_BODY_BYTES = 64 * 1024;
  private static final Pattern FIELD_NAME = Pattern.compile("-{0,2}[A-Za-z_][A-Za-z0-9_-]*");

  private final Javalin app;
  private final String host;
  private final PrintStream log;

  private WebServer(Builder b) {
    this.host = b.host;
    this.log = b.log;
    this.app =
        Javalin.create(
            cfg -> {
              cfg.showJavalinBanner = false;
              cfg.startupWatcherEnabled = false;
              cfg.http.prefer405over404 = true;
              cfg.staticFiles.add("/web", Location.CLASSPATH);
              cfg.requestLogger.http(this::logRequest);
            });
    b.routes.forEach(
        (key, route) -> app.addHttpHandler(key.method(), key.path(), ctx -> serve(ctx, route)));
    app.error(
        404,
        ctx -> {
          if (ctx.path().startsWith("/api")) {
            json(ctx, 404, Map.of("error", "no such endpoint: " + ctx.path()));
          }
        });
    app.error(
        405,
        ctx -> {
          if (ctx.path().startsWith("/api")) {
            json(ctx, 405, Map.of("error", ctx.method() + " is not allowed on " + ctx.path()));
          }
        });
    app.exception(
        Exception.class,
        (e, ctx) -> {
          e.printStackTrace(log);
          json(ctx, 500, Map.of("error", "internal error; see the server log"));
        });
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Binds and starts serving; returns this. */
  public WebServer start(int port) {
    app.start(host, port);
    return this;
  }

  /** The bound port (the real one when started on port 0). */
  public int port() {
    return app.port();
  }

  public String url() {
    String h = host.contains(":") ? "[" + host + "]" : host;
    return "http://" + h + ":" + port() + "/";
  }

  @Override
  public void close() {
    app.stop();
  }

  private void serve(Context ctx, ApiRoute route) {
    try {
      byte[] body = readBody(ctx);
      Map<String, String> query = new LinkedHashMap<>();
      ctx.queryParamMap().forEach((k, v) -> query.put(k, v.isEmpty() ? "" : v.get(0)));
      Object reply = route.handle(new ApiRequest(body, query));
      ctx.status(200).contentType("application/json").result(WebJson.write(reply));
    } catch (ApiException e) {
      Map<String, Object> err = new LinkedHashMap<>();
      err.put("error", e.getMessage());
      err.put("field", e.field());
      json(ctx, 400, err);
    } catch (InputException | CircuitException e) {
      json(ctx, 400, refusal(e.getMessage()));
    } catch (BackgroundLoad.UnavailableException e) {
      json(ctx, 503, Map.of("error", e.getMessage()));
    } catch (Exception e) {
      log.println("error in " + ctx.method() + " " + ctx.path() + ":");
      e.printStackTrace(log);
      json(ctx, 500, Map.of("error", "internal error; see the server log"));
    }
  }

  /**
   * An {@code InputException} says {@code WHERE: reason}; when WHERE is a flag or field name
   * ("--fc", "q") it becomes the reply's field so that the page can put the message next to it.
   */
  static Map<String, Object> refusal(String message) {
    Map<String, Object> err = new LinkedHashMap<>();
    String msg = message == null ? "bad request" : message.lines().findFirst().orElse("");
    err.put("error", msg);
    int colon = msg.indexOf(": ");
    String where = colon > 0 ? msg.substring(0, colon) : "";
    err.put(
        "field",
        FIELD_NAME.matcher(where).matches()
            ? where.replaceFirst("^-+", "").replace('-', '_')
            : null);
    return err;
  }

  /** Reads the body up to the limit; a longer body is refused without reading the rest. */
  private static byte[] readBody(Context ctx) throws IOException {
    long declared = ctx.req().getContentLengthLong();
    if (declared > MAX_BODY_BYTES) {
      throw tooLarge();
    }
    try (InputStream in = ctx.req().getInputStream()) {
      byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
      if (bytes.length > MAX_BODY_BYTES) {
        throw tooLarge();
      }
      return bytes;
    }
  }

  private static ApiException tooLarge() {
    return new ApiException("body", "larger than " + MAX_BODY_BYTES / 1024 + " KiB");
  }

  private static void json(Context ctx, int status, Object body) {
    ctx.status(status).contentType("application/json").result(WebJson.write(body));
  }

  private void logRequest(Context ctx, Float ms) {
    if (ctx.req().getDispatcherType() != DispatcherType.REQUEST) {
      return; // "/" forwarded to index.html: log the user's request only
    }
    log.printf(
        Locale.ROOT,
        "%s %s %s %d %.1f ms%n",
        Instant.now().truncatedTo(ChronoUnit.MILLIS),
        ctx.method(),
        ctx.path(),
        ctx.statusCode(),
        ms);
    log.flush();
  }

  private record RouteKey(HandlerType method, String path) {}

  /** Options: {@code optHost} (default 127.0.0.1), {@code optLog}; routes via {@code optRoute}. */
  public static final class Builder {
    private String host = "127.0.0.1";
    private PrintStream log = System.out;
    private final Map<RouteKey, ApiRoute> routes = new LinkedHashMap<>();

    public Builder optHost(String host) {
      this.host = host;
      return this;
    }

    /** Where the one-line-per-request log and internal errors go (default stdout). */
    public Builder optLog(PrintStream log) {
      this.log = log;
      return this;
    }

    public Builder optRoute(HandlerType method, String path, ApiRoute route) {
      routes.put(new RouteKey(method, path), route);
      return this;
    }

    public WebServer build() {
      return new WebServer(this);
    }
  }
}
