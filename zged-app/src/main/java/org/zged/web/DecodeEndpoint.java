package org.zged.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.zged.analysis.CircuitAnalyzer;
import org.zged.circuit.Circuit;
import org.zged.graph.TopologySignature;
import org.zged.model.DecodeResult;
import org.zged.model.ZgedModel;
import org.zged.netlist.NetlistWriter;

/**
 * POST /api/decode: a latent point → the circuit the decoder makes of it. The body gives either
 * {@code "point": [x, y]} on the PCA map of /api/latent or {@code "z": [8 numbers]}; optional
 * {@code "temperature"} (0 = the deterministic argmax decode, the default) and {@code "seed"}. The
 * reply always shows what was decoded, with {@code valid} and the {@code problems} that keep an
 * invalid decode from being a filter; specs and netlist only for valid ones.
 */
final class DecodeEndpoint implements ApiRoute {
  /** Latent coordinates far outside the prior are refused rather than decoded into noise. */
  static final double MAX_ABS_LATENT = 100;

  static final double MAX_TEMPERATURE = 10;

  private final BackgroundLoad<ZgedModel> model;
  private final BackgroundLoad<LatentAtlas> atlas;

  DecodeEndpoint(BackgroundLoad<ZgedModel> model, BackgroundLoad<LatentAtlas> atlas) {
    this.model = model;
    this.atlas = atlas;
  }

  @Override
  public Object handle(ApiRequest request) {
    JsonFields f = request.json().allowOnly("point", "z", "temperature", "seed");
    double[] point = f.optNumberArray("point");
    double[] zIn = f.optNumberArray("z");
    double temperature =
        f.has("temperature")
            ? f.requireNumber("temperature", Double::parseDouble, 0, MAX_TEMPERATURE)
            : 0;
    long seed = f.optLong("seed", 0);
    if ((point == null) == (zIn == null)) {
      throw new ApiException("point", "give exactly one of \"point\": [x, y] or \"z\": [...]");
    }
    ZgedModel m = model.get();
    int dims = m.config().latentDims();
    float[] z;
    if (point != null) {
      if (point.length != 2) {
        throw new ApiException("point", "expected [x, y], got " + point.length + " numbers");
      }
      checkMagnitude("point", point);
      z = atlas.get().lift(point[0], point[1]);
    } else {
      if (zIn.length != dims) {
        throw new ApiException("z", "expected " + dims + " numbers, got " + zIn.length);
      }
      checkMagnitude("z", zIn);
      z = new float[dims];
      for (int i = 0; i < dims; i++) {
        z[i] = (float) zIn[i];
      }
    }
    DecodeResult d = temperature == 0 ? m.decode(z) : m.decode(z, temperature, seed);
    return reply(z, d);
  }

  private Map<String, Object> reply(float[] z, DecodeResult d) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("z", z);
    out.put("point", atlas.status().equals("ready") ? atlas.get().project(z) : null);
    Circuit drawn = d.circuit() != null ? d.circuit() : d.graph().toCircuit();
    out.put("elements", CircuitJson.elements(drawn));
    out.put("nodes", d.graph().nodeNames());
    out.put("vin_connected", d.vinConnected());
    out.put("vout_connected", d.voutConnected());
    out.put("signature", signature(d));
    boolean valid = d.valid();
    Map<String, Object> specs = null;
    List<String> problems = d.problems();
    if (valid) {
      try {
        specs = CircuitJson.specs(CircuitAnalyzer.specs(d.circuit()));
      } catch (RuntimeException e) {
        valid = false;
        problems = List.of("the exact analysis rejects it: " + e.getMessage());
      }
    }
    out.put("valid", valid);
    out.put("problems", problems);
    out.put("specs", specs);
    out.put("netlist", valid ? NetlistWriter.write(d.circuit()) : null);
    return out;
  }

  /** The isomorphism-aware topology key, so the page can tell where interpolation changes it. */
  private static String signature(DecodeResult d) {
    try {
      return TopologySignature.of(d.graph()).key();
    } catch (RuntimeException e) {
      return "edges:" + d.graph().edges().size() + "/nodes:" + d.graph().nodeCount();
    }
  }

  private static void checkMagnitude(String field, double[] v) {
    for (double x : v) {
      if (Math.abs(x) > MAX_ABS_LATENT) {
        throw new ApiException(
            field, "coordinates must be within ±" + (int) MAX_ABS_LATENT + ", got " + x);
      }
    }
  }
}
