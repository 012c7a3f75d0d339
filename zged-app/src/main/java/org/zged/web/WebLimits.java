package org.zged.web;

/**
 * How much of the machine one server, and one request, may use. Every figure is listed in
 * docs/limits.md; the defaults keep /api/health answering under 300 slow-body connections and the
 * process at a few dozen threads under load (docs/web.md, "Under load").
 *
 * @param maxThreads Jetty's worker threads (the pool is bounded, not Jetty's default of 200)
 * @param maxQueuedJobs work waiting for a thread; beyond it Jetty rejects (closes) the connection
 * @param maxConnections open connections; further ones wait in the kernel's accept queue
 * @param maxConcurrentPosts POST requests being read or computed at once; more get 503 at once, so
 *     slow or heavy requests can never take the threads /api/health and the page need
 * @param idleTimeoutMillis a connection that sends nothing for this long is closed
 * @param minBodyBytesPerSecond a request body arriving slower is cut off with 408
 * @param maxRequestTrials count × Monte Carlo trials one /api/generate request may ask for
 */
public record WebLimits(
    int maxThreads,
    int maxQueuedJobs,
    int maxConnections,
    int maxConcurrentPosts,
    long idleTimeoutMillis,
    long minBodyBytesPerSecond,
    long maxRequestTrials) {

  /** The defaults of {@code zged serve}. */
  public static WebLimits defaults() {
    return new WebLimits(16, 256, 1024, 8, 15_000, 512, 200_000);
  }

  public WebLimits withIdleTimeoutMillis(long millis) {
    return new WebLimits(
        maxThreads,
        maxQueuedJobs,
        maxConnections,
        maxConcurrentPosts,
        millis,
        minBodyBytesPerSecond,
        maxRequestTrials);
  }
}
