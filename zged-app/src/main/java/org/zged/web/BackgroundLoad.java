package org.zged.web;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Something slow to build (the model, the latent map) that starts building in a daemon thread as
 * soon as it is created, so that the server answers /api/health at once and the first real request
 * waits only for what is still missing.
 */
public final class BackgroundLoad<T> {
  /** How long a request waits for the load before it is told to retry. */
  private static final long WAIT_SECONDS = 120;

  private final String what;
  private final CompletableFuture<T> future;

  private BackgroundLoad(String what, CompletableFuture<T> future) {
    this.what = what;
    this.future = future;
  }

  public static <T> BackgroundLoad<T> start(String what, Supplier<T> loader) {
    CompletableFuture<T> f = new CompletableFuture<>();
    Thread t =
        new Thread(
            () -> {
              try {
                f.complete(loader.get());
              } catch (Throwable e) {
                f.completeExceptionally(e);
              }
            },
            "zged-load-" + what);
    t.setDaemon(true);
    t.start();
    return new BackgroundLoad<>(what, f);
  }

  /** A value that is ready from the start (tests, or a model passed in). */
  public static <T> BackgroundLoad<T> ready(String what, T value) {
    return new BackgroundLoad<>(what, CompletableFuture.completedFuture(value));
  }

  /** "loading", "ready" or "failed: reason". */
  public String status() {
    if (!future.isDone()) {
      return "loading";
    }
    try {
      future.getNow(null);
      return "ready";
    } catch (RuntimeException e) {
      return "failed: " + describe(e.getCause() == null ? e : e.getCause());
    }
  }

  /**
   * Waits for the value; a failed or overlong load is reported as an {@link UnavailableException}.
   */
  public T get() {
    try {
      return future.get(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UnavailableException(what + " is not available: interrupted");
    } catch (TimeoutException e) {
      throw new UnavailableException(what + " is still loading; retry in a moment");
    } catch (ExecutionException e) {
      throw new UnavailableException(what + " failed to load: " + describe(e.getCause()));
    }
  }

  private static String describe(Throwable e) {
    String m = e.getMessage();
    return m == null || m.isBlank()
        ? e.getClass().getSimpleName()
        : m.lines().findFirst().orElse(m);
  }

  /** A part of the server that cannot serve right now (HTTP 503). */
  public static final class UnavailableException extends RuntimeException {
    public UnavailableException(String message) {
      super(message);
    }
  }
}
