package org.zged.dataset;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Maps work items on a fixed number of threads and hands the results to a sink strictly in input
 * order. At most {@code 2 × threads} results wait at any time, so memory stays flat however many
 * items there are; the sink runs on the calling thread.
 */
final class OrderedChunks<R> {
  private final int threads;

  OrderedChunks(int threads) {
    this.threads = threads;
  }

  <T> void run(Iterable<T> items, Function<T, R> work, Consumer<R> sink) {
    if (threads == 1) {
      for (T item : items) {
        sink.accept(work.apply(item));
      }
      return;
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "zged-dataset");
              t.setDaemon(true);
              return t;
            });
    try {
      Deque<Future<R>> inFlight = new ArrayDeque<>();
      Iterator<T> it = items.iterator();
      while (it.hasNext() || !inFlight.isEmpty()) {
        while (it.hasNext() && inFlight.size() < 2 * threads) {
          T item = it.next();
          inFlight.add(pool.submit(() -> work.apply(item)));
        }
        sink.accept(await(inFlight.poll()));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private R await(Future<R> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    }
  }
}
