package org.zged.web;

import java.util.LinkedHashMap;
import java.util.Map;

/** GET /api/latent: the PCA map of the reference set's latent means, one point per circuit. */
final class LatentEndpoint implements ApiRoute {
  private final BackgroundLoad<LatentAtlas> atlas;

  LatentEndpoint(BackgroundLoad<LatentAtlas> atlas) {
    this.atlas = atlas;
  }

  @Override
  public Object handle(ApiRequest request) {
    if (!request.queryParameters().isEmpty()) {
      String name = request.queryParameters().keySet().iterator().next();
      throw new ApiException(name, "unknown parameter (this endpoint takes none)");
    }
    LatentAtlas a = atlas.get();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("latent_dims", a.dimensions());
    out.put("explained_variance", a.explainedVariance());
    out.put("families", a.families());
    out.put("points", a.points());
    return out;
  }
}
