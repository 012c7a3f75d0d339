package org.zged.web;

import io.javalin.http.HandlerType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.zged.dataset.Dataset;
import org.zged.dataset.Datasets;
import org.zged.generate.GeneratorPool;
import org.zged.model.ZgedModel;

/**
 * The zged JSON API: which endpoint answers which path, and the shared read-only state behind them.
 * The model, the generator's encoded reference set and the latent map load in the background as
 * soon as the API is built, so that the server is up, and /api/health answers, at once; a request
 * that needs one of them waits for it.
 */
public final class ZgedApi {
  private final BackgroundLoad<ZgedModel> model;
  private final BackgroundLoad<GeneratorPool> generator;
  private final BackgroundLoad<LatentAtlas> atlas;

  private ZgedApi(Builder b) {
    Supplier<Dataset> reference = b.reference;
    this.model = BackgroundLoad.start("model", b.model);
    this.generator =
        BackgroundLoad.start(
            "generator",
            () -> {
              // One generator per core, each on its own model instance (the first is the one the
              // other endpoints use), so that concurrent requests do not queue on one model lock.
              // The reference set is encoded once, now rather than in the first request.
              java.util.concurrent.atomic.AtomicBoolean first =
                  new java.util.concurrent.atomic.AtomicBoolean(true);
              Supplier<ZgedModel> models =
                  () -> first.getAndSet(false) ? model.get() : b.model.get();
              return GeneratorPool.of(b.workers, models, reference.get());
            });
    this.atlas =
        BackgroundLoad.start("latent map", () -> LatentAtlas.of(generator.get().reference()));
  }

  /** The generator pool, once loaded (for tests that look at how it was used). */
  GeneratorPool generatorPool() {
    return generator.get();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Adds the API routes to a server under construction. */
  public WebServer.Builder install(WebServer.Builder server) {
    Map<String, Supplier<String>> loads = new LinkedHashMap<>();
    loads.put("model", model::status);
    loads.put("generator", generator::status);
    loads.put("latent_map", atlas::status);
    return server
        .optRoute(HandlerType.GET, "/api/health", new HealthEndpoint(loads))
        .optRoute(
            HandlerType.POST,
            "/api/generate",
            new GenerateEndpoint(generator, server.limits().maxRequestTrials()))
        .optRoute(HandlerType.POST, "/api/simulate", new SimulateEndpoint())
        .optRoute(HandlerType.GET, "/api/latent", new LatentEndpoint(atlas))
        .optRoute(HandlerType.POST, "/api/decode", new DecodeEndpoint(model, atlas));
  }

  /**
   * Options: {@code optModel} (default: the shipped model), {@code optReferenceSet} (the circuits
   * the generator searches and the latent map shows; default: the full preset, regenerated
   * deterministically).
   */
  public static final class Builder {
    private Supplier<ZgedModel> model = ZgedModel::loadDefault;
    private Supplier<Dataset> reference = Datasets::full;
    private int workers = GeneratorPool.defaultSize();

    /** Generate requests served at once, each on its own model instance (default: cores, ≤ 4). */
    public Builder optWorkers(int workers) {
      this.workers = workers;
      return this;
    }

    public Builder optModel(Supplier<ZgedModel> model) {
      this.model = model;
      return this;
    }

    public Builder optReferenceSet(Supplier<Dataset> reference) {
      this.reference = reference;
      return this;
    }

    public ZgedApi build() {
      return new ZgedApi(this);
    }
  }
}
