package org.zged.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import org.zged.InputException;
import org.zged.generate.LadderRequest;
import org.zged.mask.Band;
import org.zged.mask.Mask;
import org.zged.mask.MaskJson;

/**
 * The general-mask form of POST /api/generate: {@code {"mask": {"bands": [{"from_hz", "to_hz",
 * "max_atten_db" | "min_atten_db"}, ...]}}} plus the ladder options (response, order, rs, rl, form,
 * e_series, tolerance, trials, seed). The mask is read by {@link MaskJson}, the reader {@code zged
 * generate --mask} uses, so both refuse the same masks with the same message (the band and field
 * named, e.g. {@code mask: bands[1]: from_hz must be below to_hz}).
 *
 * <p>A mask of one of the four classical layouts (a passband from 0 and a stopband to ∞ for a
 * low-pass, etc., with one limit for all stopbands) is designed as the ladder mask flags would
 * design it; any other mask is refused by name until the generator takes general masks.
 */
final class MaskBinding {
  private MaskBinding() {}

  static boolean wanted(JsonFields fields) {
    return fields.has("mask");
  }

  static Mask mask(JsonFields fields) {
    try {
      return MaskJson.fromJson(fields.copy().get("mask"), "mask");
    } catch (InputException e) {
      throw ApiException.blaming("mask", e.getMessage());
    }
  }

  /** The ladder request that designs this mask, with the request's other options. */
  static LadderRequest ladderFor(JsonFields fields) {
    Mask m = mask(fields);
    String[] edges = classicalEdges(m);
    ObjectNode body = fields.copy();
    body.remove("mask");
    for (String key :
        List.of("passband", "stopband", "ripple_db", "attenuation_db", "fc", "type")) {
      if (body.has(key)) {
        throw new ApiException(key, "does not go with a mask (the bands give it)");
      }
    }
    body.put("passband", edges[0]);
    body.put("stopband", edges[1]);
    body.put("ripple_db", fmt(m.passbands().get(0).limitDb()));
    body.put("attenuation_db", fmt(m.stopbands().get(0).limitDb()));
    return LadderBinding.bind(JsonFields.of(body));
  }

  /** {passband, stopband} as the ladder flags write them, or a refusal naming why. */
  private static String[] classicalEdges(Mask m) {
    List<Band> pass = m.passbands();
    List<Band> stop = m.stopbands();
    if (stop.isEmpty()) {
      throw new ApiException("mask", "needs at least one stopband (min_atten_db)");
    }
    boolean oneRipple = pass.stream().allMatch(b -> b.limitDb() == pass.get(0).limitDb());
    boolean oneAtten = stop.stream().allMatch(b -> b.limitDb() == stop.get(0).limitDb());
    List<Band> all = m.bands();
    Band first = all.get(0);
    Band last = all.get(all.size() - 1);
    boolean fromZero = first.lowHz() == 0;
    boolean toInf = Double.isInfinite(last.highHz());
    String[] edges =
        switch (m.type()) {
          case LOWPASS ->
              all.size() == 2 ? new String[] {hz(first.highHz()), hz(last.lowHz())} : null;
          case HIGHPASS ->
              all.size() == 2 ? new String[] {hz(last.lowHz()), hz(first.highHz())} : null;
          case BANDPASS ->
              all.size() == 3 && !first.pass()
                  ? new String[] {
                    hz(all.get(1).lowHz()) + ":" + hz(all.get(1).highHz()),
                    hz(first.highHz()) + ":" + hz(last.lowHz())
                  }
                  : null;
          case BANDSTOP ->
              all.size() == 3 && first.pass()
                  ? new String[] {
                    hz(first.highHz()) + ":" + hz(last.lowHz()),
                    hz(all.get(1).lowHz()) + ":" + hz(all.get(1).highHz())
                  }
                  : null;
          default -> null;
        };
    if (edges == null || !fromZero || !toInf || !oneRipple || !oneAtten) {
      throw new ApiException(
          "mask",
          "only the classical layouts are designed here so far: a low-pass, high-pass, band-pass"
              + " or band-stop whose bands cover 0 Hz to ∞ with one passband limit and one"
              + " stopband limit");
    }
    return edges;
  }

  private static String hz(double f) {
    return fmt(f);
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.17g", v).replaceFirst("\\.?0+$", "");
  }
}
