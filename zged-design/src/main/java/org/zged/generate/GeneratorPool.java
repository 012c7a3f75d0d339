package org.zged.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.zged.dataset.Dataset;
import org.zged.model.ZgedModel;

/**
 * Several generators for concurrent requests: each has its own {@link ZgedModel} instance (the
 * DJL-recommended pattern of one predictor per thread — a model's methods are synchronized, so one
 * shared model would serialise every decode), and all share one encoded {@link ReferenceSet}. A
 * request borrows a free generator and returns it when done; with {@code size} generators, {@code
 * size} designs run at once and further ones wait. The models are loaded by the given supplier and
 * closed by {@link #close()}.
 */
public final class GeneratorPool implements AutoCloseable {
  private final List<SpecGenerator> all;
  private final List<ZgedModel> models;
  private final BlockingQueue<SpecGenerator> free;
  private final AtomicInteger running = new AtomicInteger();
  private final AtomicInteger peak = new AtomicInteger();

  private GeneratorPool(List<SpecGenerator> all, List<ZgedModel> models) {
    this.all = List.copyOf(all);
    this.models = List.copyOf(models);
    this.free = new ArrayBlockingQueue<>(all.size(), false, all);
  }

  /**
   * {@code size} generators on models from {@code models} (called once per generator; the first
   * model encodes the reference set, which the others reuse).
   */
  public static GeneratorPool of(int size, Supplier<ZgedModel> models, Dataset reference) {
    if (size < 1 || size > 64) {
      throw new IllegalArgumentException("pool size must be 1..64, got " + size);
    }
    List<SpecGenerator> gens = new ArrayList<>();
    List<ZgedModel> loaded = new ArrayList<>();
    ReferenceSet shared = null;
    for (int i = 0; i < size; i++) {
      ZgedModel m = models.get();
      loaded.add(m);
      SpecGenerator.Builder b = SpecGenerator.builder().setModel(m).optReference(reference);
      if (shared != null) {
        b.optReferenceSet(shared);
      }
      SpecGenerator g = b.build();
      shared = g.reference();
      gens.add(g);
    }
    return new GeneratorPool(gens, loaded);
  }

  /** One generator per core, at most 4 (the machine's cores are what bounds the speed-up). */
  public static int defaultSize() {
    return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
  }

  public int size() {
    return all.size();
  }

  /** The encoded reference set every generator of the pool searches. */
  public ReferenceSet reference() {
    return all.get(0).reference();
  }

  /** {@link SpecGenerator#generate(GenerateRequest)} on a free generator (waits for one). */
  public GenerateResponse generate(GenerateRequest request) {
    SpecGenerator g = borrow();
    int now = running.incrementAndGet();
    peak.accumulateAndGet(now, Math::max);
    try {
      return g.generate(request);
    } finally {
      running.decrementAndGet();
      free.add(g);
    }
  }

  /** The most designs that were ever in progress at the same time (for tests and monitoring). */
  public int peakConcurrency() {
    return peak.get();
  }

  private SpecGenerator borrow() {
    try {
      return free.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a generator", e);
    }
  }

  @Override
  public void close() {
    // Distinct instances only: a supplier may hand out one shared model.
    java.util.Set<ZgedModel> seen =
        java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (ZgedModel m : models) {
      if (seen.add(m)) {
        m.close();
      }
    }
  }
}
