package org.zged.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.zged.InputException;
import org.zged.analysis.Analysis;
import org.zged.analysis.CircuitAnalyzer;
import org.zged.analysis.FilterSpecs;
import org.zged.analysis.FrequencyResponse;
import org.zged.circuit.Circuit;
import org.zged.circuit.CircuitException;
import org.zged.netlist.NetlistReader;
import org.zged.netlist.NetlistWriter;
import org.zged.netlist.SpiceNumber;

/**
 * POST /api/simulate: {"netlist": SPICE text} in the body (application/json) → the exact analysis:
 * transfer function, poles, zeros, gain K, specs and a frequency response. Query parameters: {@code
 * in}, {@code out} (node names, as {@code --in}/{@code --out}), {@code fstart}, {@code fstop} (Hz,
 * suffixes allowed) and {@code points_per_decade}. Without fstart/fstop the grid spans three
 * decades either side of the filter's characteristic frequency, so that the interesting part is
 * always in view.
 */
final class SimulateEndpoint implements ApiRoute {
  static final int DEFAULT_POINTS_PER_DECADE = 40;
  static final int MAX_POINTS = 5000;
  private static final double AUTO_SPAN_DECADES = 3;

  @Override
  public Object handle(ApiRequest request) {
    for (String name : request.queryParameters().keySet()) {
      if (!List.of("in", "out", "fstart", "fstop", "points_per_decade").contains(name)) {
        throw new ApiException(
            name, "unknown parameter (expected in, out, fstart, fstop, points_per_decade)");
      }
    }
    String netlist = request.json().allowOnly("netlist").optString("netlist");
    if (netlist == null || netlist.isBlank()) {
      throw new ApiException("netlist", "the request body must be {\"netlist\": \"SPICE text\"}");
    }
    Circuit circuit;
    Analysis analysis;
    try {
      circuit =
          NetlistReader.parse(
              netlist,
              "netlist",
              blankToNull(request.query("in")),
              blankToNull(request.query("out")));
      analysis = CircuitAnalyzer.analyze(circuit);
    } catch (InputException | CircuitException e) {
      String m = e.getMessage();
      for (String node : new String[] {"in", "out"}) {
        if (m.startsWith("--" + node + ": ")) {
          throw ApiException.blaming(node, m.substring(2)); // a bad ?in= / ?out= parameter
        }
      }
      throw ApiException.blaming("netlist", m.startsWith("netlist") ? m : "netlist: " + m);
    }
    double[] grid = grid(request, analysis.specs());
    FrequencyResponse response = analysis.response(grid);

    Map<String, Object> out = new LinkedHashMap<>();
    out.put("title", circuit.title());
    out.put("elements", CircuitJson.elements(circuit));
    out.put(
        "transfer_function",
        Map.of(
            "numerator", analysis.transferFunction().numerator(),
            "denominator", analysis.transferFunction().denominator()));
    out.put("poles", CircuitJson.complexList(analysis.poles()));
    out.put("zeros", CircuitJson.complexList(analysis.zeros()));
    out.put("gain", analysis.gain());
    out.put("specs", CircuitJson.specs(analysis.specs()));
    out.put("response", CircuitJson.response(response));
    out.put("netlist", NetlistWriter.write(circuit));
    return out;
  }

  private static double[] grid(ApiRequest request, FilterSpecs specs) {
    Double fStart = frequency(request, "fstart");
    Double fStop = frequency(request, "fstop");
    int ppd = pointsPerDecade(request);
    if (fStart == null || fStop == null) {
      double centre = characteristicHz(specs);
      double span = Math.pow(10, AUTO_SPAN_DECADES);
      fStart = fStart != null ? fStart : fStop != null ? fStop / (span * span) : centre / span;
      fStop = fStop != null ? fStop : fStart * span * span;
    }
    if (!(fStop > fStart)) {
      throw new ApiException("fstop", "must be above fstart");
    }
    if (Math.log10(fStop / fStart) * ppd + 1 > MAX_POINTS) {
      throw new ApiException(
          "points_per_decade", "the sweep would have more than " + MAX_POINTS + " points");
    }
    return FrequencyResponse.logGrid(fStart, fStop, ppd);
  }

  /** fc, else f0, else the dominant pole pair's frequency, else 1 kHz; rounded to a decade edge. */
  private static double characteristicHz(FilterSpecs s) {
    for (Double f : new Double[] {s.fcHz(), s.f0Hz(), s.poleF0Hz()}) {
      if (f != null && Double.isFinite(f) && f > 0) {
        return Math.pow(10, Math.round(Math.log10(f) * 2) / 2.0);
      }
    }
    return 1e3;
  }

  private static Double frequency(ApiRequest request, String name) {
    String text = blankToNull(request.query(name));
    if (text == null) {
      return null;
    }
    double v;
    try {
      v = SpiceNumber.parse(text);
    } catch (RuntimeException e) {
      throw new ApiException(name, "cannot read '" + text + "' as a frequency");
    }
    if (!(v > 0) || !Double.isFinite(v) || v > 1e12) {
      throw new ApiException(name, "must be a frequency between 0 and 1 THz, got " + text);
    }
    return v;
  }

  private static int pointsPerDecade(ApiRequest request) {
    String text = blankToNull(request.query("points_per_decade"));
    if (text == null) {
      return DEFAULT_POINTS_PER_DECADE;
    }
    try {
      int v = Integer.parseInt(text.strip());
      if (v >= 1 && v <= 1000) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ApiException("points_per_decade", "must be an integer from 1 to 1000, got " + text);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
