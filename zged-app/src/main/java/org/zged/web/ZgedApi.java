package org.zged.web;

import io.javalin.http.HandlerType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.zged.dataset.Dataset;
import org.zged.dataset.Datasets;
import org.zged.model.ZgedModel;

/**
 * The zged JSON API: which endpoint answers which path, and the shared read-only state behind them.
 * The model and the latent map load in the background as soon as the API is built, so that the
 * server is up, and /api/health answers, at once; a request that needs them waits for them.
 */
public final class ZgedApi {
  private final BackgroundLoad<ZgedModel> model;
  private final BackgroundLoad<LatentAtlas> atlas;

  private ZgedApi(Builder b) {
    this.model = BackgroundLoad.start("model", b.model);
    Supplier<Dataset> reference = b.reference;
    this.atlas =
        BackgroundLoad.start("latent map", () -> LatentAtlas.build(model.get(), reference.get()));
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Adds the API routes to a server under construction. */
  public WebServer.Builder install(WebServer.Builder server) {
    Map<String, Supplier<String>> loads = new LinkedHashMap<>();
    loads.put("model", model::status);
    loads.put("latent_map", atlas::status);
    return server
        .optRoute(HandlerType.GET, "/api/health", new HealthEndpoint(loads))
        .optRoute(HandlerType.POST, "/api/simulate", new SimulateEndpoint())
        .optRoute(HandlerType.GET, "/api/latent", new LatentEndpoint(atlas))
        .optRoute(HandlerType.POST, "/api/decode", new DecodeEndpoint(model, atlas));
  }

  /**
   * Options: {@code optModel} (default: the shipped model), {@code optReferenceSet} (the circuits
   * on the latent map; default: the full preset, regenerated deterministically).
   */
  public static final class Builder {
    private Supplier<ZgedModel> model = ZgedModel::loadDefault;
    private Supplier<Dataset> reference = Datasets::full;

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
