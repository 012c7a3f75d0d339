package org.zged.web;

/**
 * How much of the machine one server, and one request, may use. Every figure is listed in
 * docs/limits.md; the defaults keep /api/health answering under 300 slow-body connections and the
 * process at a few dozen threads under load (docs/web.md, "Under load").
 *
 * @param maxThreads Jetty's worker threads (the pool is bounded, not Jetty's default of 200)
 * @param maxQueuedJobs work waiting for a thread; beyond it Jetty rejects (closes) the connection
 * @param maxConnections open connections; further ones wait in the kernel's accept queue
 * @param maxConcurrentPosts POST requests being read or computed at once, so slow or heavy requests
 *     can never take the threads /api/health and the page need
 * @param maxWaitingPosts POST requests waiting for one of those slots; beyond it 503 at once
 * @param postWaitMillis how long a POST waits for a slot before 503
 * @param idleTimeoutMillis a connection that sends nothing for this long is closed
 * @param minBodyBytesPerSecond a request body arriving slower is cut off with 408
 * @param maxRequestTrials count × Monte Carlo trials one /api/generate request may ask for
 */
public record WebLimits(
    int maxThreads,
    int maxQueuedJobs,
    int maxConnections,
    int maxConcurrentPosts,
    int maxWaitingPosts,
    long postWaitMillis,
    long idleTimeoutMillis,
    long minBodyBytesPerSecond,
    long maxRequestTrials) {

  /** The defaults of {@code zged serve}. */
  public static WebLimits defaults() {
    // 48 threads = 8 computing + 32 waiting + 8 always free for health, the page and Jetty itself.
    return new WebLimits(48, 256, 1024, 8, 32, 10_000, 15_000, 512, 200_000);
  }

  public WebLimits withIdleTimeoutMillis(long millis) {
    return new WebLimits(
        maxThreads,
        maxQueuedJobs,
        maxConnections,
        maxConcurrentPosts,
        maxWaitingPosts,
        postWaitMillis,
        millis,
        minBodyBytesPerSecond,
        maxRequestTrials);
  }
}
