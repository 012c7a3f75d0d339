package org.zged.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.staticfiles.Location;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.server.ConnectionLimit;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.FilterHolder;
import org.eclipse.jetty.util.BlockingArrayQueue;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.zged.InputException;
import org.zged.circuit.CircuitException;

/**
 * The zged web server: the page (static files from the classpath folder {@code web/}) and the JSON
 * API under {@code /api}. Every API reply is JSON; a refused request gets HTTP 400 with {@code
 * {"error": ..., "field": ...}}, never a stack trace. Bodies larger than {@link #MAX_BODY_BYTES}
 * are refused before they are buffered.
 *
 * <p>Defences (limits in {@link WebLimits}): a bounded thread pool, job queue and connection count;
 * idle connections and bodies slower than a minimum rate are cut off; at most a few POSTs are read
 * or computed at once (503 beyond), so /api/health and the page always have threads; POST bodies
 * must be {@code application/json} (415), which a cross-site page cannot send without a CORS
 * preflight this server never grants; and the Host header must name this server (421), which
 * defeats DNS rebinding.
 */
public final class WebServer implements AutoCloseable {
  public static final int MAX_BODY_BYTES = 64 * 1024;
  private static final Pattern FIELD_NAME = Pattern.compile("-{0,2}[A-Za-z_][A-Za-z0-9_-]*");

  private final Javalin app;
  private final String host;
  private final PrintStream log;
  private final WebLimits limits;
  private final HostCheck hosts;
  private final Semaphore posts;
  private final AtomicInteger waitingPosts = new AtomicInteger();
  private volatile int requestedPort;

  private WebServer(Builder b) {
    this.host = b.host;
    this.log = b.log;
    this.limits = b.limits;
    this.hosts = new HostCheck(b.host, b.allowHosts);
    this.posts = new Semaphore(limits.maxConcurrentPosts());
    this.app =
        Javalin.create(
            cfg -> {
              cfg.showJavalinBanner = false;
              cfg.startupWatcherEnabled = false;
              cfg.http.prefer405over404 = true;
              cfg.staticFiles.add("/web", Location.CLASSPATH);
              cfg.requestLogger.http(this::logRequest);
              QueuedThreadPool pool =
                  new QueuedThreadPool(
                      limits.maxThreads(),
                      Math.min(4, limits.maxThreads()),
                      60_000,
                      new BlockingArrayQueue<>(
                          limits.maxQueuedJobs(), limits.maxQueuedJobs(), limits.maxQueuedJobs()));
              pool.setName("zged-web");
              cfg.jetty.threadPool = pool;
              cfg.jetty.modifyHttpConfiguration(
                  http -> http.setMinRequestDataRate(limits.minBodyBytesPerSecond()));
              cfg.jetty.addConnector(
                  (server, http) -> {
                    // One acceptor and one selector: enough for loopback, and they come out of
                    // the bounded pool above.
                    ServerConnector c =
                        new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
                    c.setHost(host);
                    c.setPort(requestedPort);
                    c.setIdleTimeout(limits.idleTimeoutMillis());
                    return c;
                  });
              cfg.jetty.modifyServer(
                  server -> server.addBean(new ConnectionLimit(limits.maxConnections(), server)));
              cfg.jetty.modifyServletContextHandler(
                  h ->
                      h.addFilter(
                          new FilterHolder(hostFilter()),
                          "/*",
                          EnumSet.of(DispatcherType.REQUEST)));
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
    requestedPort = port;
    app.start();
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
    boolean post = ctx.method() == HandlerType.POST;
    boolean permit = false;
    try {
      if (post) {
        permit = acquirePostSlot();
        if (!permit) {
          throw new HttpRefusal(
              503,
              null,
              "busy: "
                  + limits.maxConcurrentPosts()
                  + " requests are being computed; try again in a moment");
        }
        requireJson(ctx);
      }
      byte[] body = post ? readBody(ctx) : new byte[0];
      Map<String, String> query = new LinkedHashMap<>();
      ctx.queryParamMap().forEach((k, v) -> query.put(k, v.isEmpty() ? "" : v.get(0)));
      Object reply = route.handle(new ApiRequest(body, query));
      ctx.status(200).contentType("application/json").result(WebJson.write(reply));
    } catch (HttpRefusal e) {
      Map<String, Object> err = new LinkedHashMap<>();
      err.put("error", e.getMessage());
      err.put("field", e.field());
      json(ctx, e.status(), err);
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
    } finally {
      if (permit) {
        posts.release();
      }
    }
  }

  /**
   * A slot to read and compute one POST: at once if free, else after waiting up to {@code
   * postWaitMillis} as one of at most {@code maxWaitingPosts} waiters (false: answer 503).
   */
  private boolean acquirePostSlot() throws InterruptedException {
    if (posts.tryAcquire()) {
      return true;
    }
    if (waitingPosts.incrementAndGet() > limits.maxWaitingPosts()) {
      waitingPosts.decrementAndGet();
      return false;
    }
    try {
      return posts.tryAcquire(limits.postWaitMillis(), TimeUnit.MILLISECONDS);
    } finally {
      waitingPosts.decrementAndGet();
    }
  }

  /**
   * POST bodies must be declared JSON. A cross-site page can send text/plain, form or multipart
   * bodies without asking (no CORS preflight); application/json needs a preflight, which this
   * server never answers, so refusing everything else keeps other sites from driving the API.
   */
  private static void requireJson(Context ctx) {
    String type = ctx.header("Content-Type");
    String mime = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    if (!mime.equals("application/json")) {
      throw new HttpRefusal(
          415,
          "body",
          "the request body must be sent as Content-Type: application/json, got "
              + (type == null ? "none" : "'" + type + "'"));
    }
  }

  /** Answers 421 to a request whose Host header does not name this server. */
  private Filter hostFilter() {
    return (request, response, chain) -> {
      String h = ((HttpServletRequest) request).getHeader("Host");
      if (hosts.allows(h)) {
        chain.doFilter(request, response);
        return;
      }
      HttpServletResponse r = (HttpServletResponse) response;
      r.setStatus(421);
      r.setContentType("application/json");
      Map<String, Object> err = new LinkedHashMap<>();
      err.put(
          "error",
          "Host "
              + (h == null ? "(none)" : "'" + h + "'")
              + " does not name this server; start zged serve with --allow-host NAME to accept it");
      err.put("field", null);
      r.getOutputStream().write(WebJson.write(err).getBytes(StandardCharsets.UTF_8));
    };
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

  /**
   * Reads the body up to the limit; a longer body is refused without reading the rest, and one that
   * arrives too slowly (Jetty's minimum data rate, or the idle timeout) gets 408.
   */
  private byte[] readBody(Context ctx) {
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
    } catch (IOException | BadMessageException e) {
      throw new HttpRefusal(
          408,
          "body",
          "the request body arrived too slowly (under "
              + limits.minBodyBytesPerSecond()
              + " bytes/s, or nothing for "
              + limits.idleTimeoutMillis() / 1000
              + " s)");
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

  /**
   * Options: {@code optHost} (default 127.0.0.1), {@code optAllowHosts}, {@code optLimits}, {@code
   * optLog}; routes via {@code optRoute}.
   */
  public static final class Builder {
    private String host = "127.0.0.1";
    private PrintStream log = System.out;
    private WebLimits limits = WebLimits.defaults();
    private final List<String> allowHosts = new ArrayList<>();
    private final Map<RouteKey, ApiRoute> routes = new LinkedHashMap<>();

    /** Host header values accepted besides loopback names and the bound address; "*": any. */
    public Builder optAllowHosts(List<String> names) {
      allowHosts.addAll(names);
      return this;
    }

    public Builder optLimits(WebLimits limits) {
      this.limits = limits;
      return this;
    }

    public WebLimits limits() {
      return limits;
    }

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
