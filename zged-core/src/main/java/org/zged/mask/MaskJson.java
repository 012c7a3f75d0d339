package org.zged.mask;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.zged.InputException;
import org.zged.analysis.ResponseClass;
import org.zged.netlist.SpiceNumber;

/**
 * A general mask from JSON: a list of bands, each {@code {"from_hz", "to_hz", "max_atten_db"}} (a
 * passband: at most that much attenuation) or {@code {"from_hz", "to_hz", "min_atten_db"}} (a
 * stopband: at least that much), either as the top-level array or as {@code {"bands": [...]}}.
 * Frequencies are numbers or SPICE-style text ({@code "10k"}); {@code "to_hz": "inf"} is a band
 * open to infinity. The reader is shared by the command line ({@code --mask FILE.json}) and the web
 * server (a request's mask), so every error is an {@link InputException} that names the band and
 * the field, prefixed by the caller's {@code where}.
 */
public final class MaskJson {
  /** More bands than this is not a filter specification any more, but a spreadsheet. */
  public static final int MAX_BANDS = 64;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> BAND_FIELDS =
      Set.of("from_hz", "to_hz", "max_atten_db", "min_atten_db");

  private MaskJson() {}

  /** Reads a mask file; {@code flag} (e.g. {@code --mask}) leads every error message. */
  public static Mask read(Path file, String flag) {
    String where = flag + ": " + file;
    if (!Files.isRegularFile(file)) {
      throw new InputException(where, Files.exists(file) ? "not a regular file" : "no such file");
    }
    JsonNode node;
    try {
      node = JSON.readTree(file.toFile());
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String line = at == null ? "" : ":" + at.getLineNr();
      throw new InputException(where + line, "not valid JSON (" + e.getOriginalMessage() + ")");
    } catch (IOException e) {
      throw new InputException(where, "cannot read: " + e.getMessage());
    }
    if (node == null || node.isMissingNode()) {
      throw new InputException(where, "the file is empty; a mask needs at least one passband");
    }
    return fromJson(node, where);
  }

  /**
   * A mask from parsed JSON. {@code where} prefixes every error (e.g. {@code --mask: m.json} or
   * {@code mask}); the band is named as {@code bands[i]}.
   */
  public static Mask fromJson(JsonNode node, String where) {
    JsonNode list = node;
    if (node != null && node.isObject()) {
      Iterator<String> names = node.fieldNames();
      while (names.hasNext()) {
        String n = names.next();
        if (!n.equals("bands")) {
          throw new InputException(where, "unknown field '" + n + "' (a mask has only \"bands\")");
        }
      }
      list = node.get("bands");
    }
    if (list == null || !list.isArray()) {
      throw new InputException(
          where, "a mask is a list of bands, [{\"from_hz\", \"to_hz\", \"max_atten_db\"}, ...]");
    }
    if (list.isEmpty()) {
      throw new InputException(where, "the mask is empty; it needs at least one passband");
    }
    if (list.size() > MAX_BANDS) {
      throw new InputException(
          where, "at most " + MAX_BANDS + " bands are allowed, got " + list.size());
    }
    List<Indexed> bands = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      bands.add(new Indexed(i, band(list.get(i), where + ": bands[" + i + "]")));
    }
    checkLayout(bands, where);
    List<Band> sorted =
        bands.stream().map(Indexed::band).sorted(Comparator.comparingDouble(Band::lowHz)).toList();
    if (sorted.stream().noneMatch(Band::pass)) {
      throw new InputException(
          where, "the mask has stopbands only; it needs at least one passband (max_atten_db)");
    }
    return new Mask(classify(sorted), sorted);
  }

  private record Indexed(int index, Band band) {}

  private static Band band(JsonNode b, String where) {
    if (b == null || !b.isObject()) {
      throw new InputException(
          where,
          "a band is an object {\"from_hz\", \"to_hz\", \"max_atten_db\" or \"min_atten_db\"}");
    }
    Iterator<String> names = b.fieldNames();
    while (names.hasNext()) {
      String n = names.next();
      if (!BAND_FIELDS.contains(n)) {
        throw new InputException(
            where,
            "unknown field '"
                + n
                + "' (a band has from_hz, to_hz and max_atten_db or min_atten_db)");
      }
    }
    boolean pass = b.has("max_atten_db");
    boolean stop = b.has("min_atten_db");
    if (pass && stop) {
      throw new InputException(
          where,
          "a band is either a passband (max_atten_db) or a stopband (min_atten_db), not both");
    }
    if (!pass && !stop) {
      throw new InputException(
          where, "needs max_atten_db (a passband) or min_atten_db (a stopband)");
    }
    double from = frequency(b, "from_hz", where, false);
    double to = frequency(b, "to_hz", where, true);
    if (!(from < to)) {
      throw new InputException(
          where, "from_hz must be below to_hz, got " + fmt(from) + " >= " + fmt(to));
    }
    String field = pass ? "max_atten_db" : "min_atten_db";
    double db = number(b.get(field), where + "." + field);
    if (!(db > 0)) {
      throw new InputException(where + "." + field, "must be > 0 dB, got " + fmt(db));
    }
    return new Band(pass ? Band.Kind.PASS : Band.Kind.STOP, from, to, db);
  }

  private static double frequency(JsonNode b, String field, String where, boolean openEnd) {
    JsonNode v = b.get(field);
    String at = where + "." + field;
    if (v == null || v.isNull()) {
      throw new InputException(at, "missing" + (openEnd ? " (use \"inf\" for no upper edge)" : ""));
    }
    if (openEnd && v.isTextual() && v.asText().strip().equalsIgnoreCase("inf")) {
      return Double.POSITIVE_INFINITY;
    }
    double f = number(v, at);
    if (f < 0) {
      throw new InputException(at, "must be >= 0 Hz, got " + fmt(f));
    }
    return f;
  }

  private static double number(JsonNode v, String at) {
    double x;
    if (v == null || v.isNull()) {
      throw new InputException(at, "missing");
    } else if (v.isNumber()) {
      x = v.doubleValue();
    } else if (v.isTextual()) {
      try {
        x = SpiceNumber.parse(v.asText());
      } catch (IllegalArgumentException e) {
        throw new InputException(at, e.getMessage());
      }
    } else {
      throw new InputException(
          at, "must be a number, got " + v.getNodeType().name().toLowerCase(Locale.ROOT));
    }
    if (!Double.isFinite(x)) {
      throw new InputException(at, "must be a finite number, got " + v.asText());
    }
    return x;
  }

  /**
   * Bands may touch but not overlap; a passband that touches a stopband would need both limits at
   * the shared frequency, which only works when the stopband asks for no more than the passband
   * allows.
   */
  private static void checkLayout(List<Indexed> bands, String where) {
    for (int i = 0; i < bands.size(); i++) {
      for (int j = i + 1; j < bands.size(); j++) {
        Band a = bands.get(i).band();
        Band b = bands.get(j).band();
        String pair =
            where + ": bands[" + bands.get(i).index() + "] and bands[" + bands.get(j).index() + "]";
        double lo = Math.max(a.lowHz(), b.lowHz());
        double hi = Math.min(a.highHz(), b.highHz());
        if (lo < hi) {
          throw new InputException(pair, "overlap between " + fmt(lo) + " and " + fmt(hi) + " Hz");
        }
        if (lo == hi && a.pass() != b.pass()) {
          Band p = a.pass() ? a : b;
          Band s = a.pass() ? b : a;
          if (s.limitDb() > p.limitDb()) {
            throw new InputException(
                pair,
                "contradict at "
                    + fmt(lo)
                    + " Hz: a passband (at most "
                    + fmt(p.limitDb())
                    + " dB) meets a stopband (at least "
                    + fmt(s.limitDb())
                    + " dB) with no transition band");
          }
        }
      }
    }
  }

  /**
   * The response class a mask asks for, from where its stopbands lie relative to its passbands: all
   * below → high-pass, all above → low-pass, on both sides → band-pass, only between → band-stop;
   * anything else (e.g. a low-pass with a notch) is {@link ResponseClass#OTHER}, for which there is
   * no classical synthesis. A mask of passbands only is named by the frequencies it reaches.
   */
  static ResponseClass classify(List<Band> sorted) {
    List<Band> pass = sorted.stream().filter(Band::pass).toList();
    double passLo = pass.get(0).lowHz();
    double passHi = pass.get(pass.size() - 1).highHz();
    boolean below = false;
    boolean above = false;
    boolean between = false;
    for (Band s : sorted) {
      if (s.pass()) {
        continue;
      }
      if (s.highHz() <= passLo) {
        below = true;
      } else if (s.lowHz() >= passHi) {
        above = true;
      } else {
        between = true;
      }
    }
    if (!below && !above && !between) {
      if (passLo == 0 && Double.isInfinite(passHi)) {
        return ResponseClass.ALLPASS;
      }
      return passLo == 0
          ? ResponseClass.LOWPASS
          : Double.isInfinite(passHi) ? ResponseClass.HIGHPASS : ResponseClass.BANDPASS;
    }
    if (between) {
      return below || above ? ResponseClass.OTHER : ResponseClass.BANDSTOP;
    }
    if (below && above) {
      return ResponseClass.BANDPASS;
    }
    return above ? ResponseClass.LOWPASS : ResponseClass.HIGHPASS;
  }

  /** The mask in the form {@link #fromJson} reads ({@code "to_hz": "inf"} for an open band). */
  public static com.fasterxml.jackson.databind.node.ObjectNode toJson(Mask mask) {
    com.fasterxml.jackson.databind.node.ObjectNode out = JSON.createObjectNode();
    com.fasterxml.jackson.databind.node.ArrayNode bands = out.putArray("bands");
    for (Band b : mask.bands()) {
      com.fasterxml.jackson.databind.node.ObjectNode o = bands.addObject();
      o.put("from_hz", b.lowHz());
      if (Double.isInfinite(b.highHz())) {
        o.put("to_hz", "inf");
      } else {
        o.put("to_hz", b.highHz());
      }
      o.put(b.pass() ? "max_atten_db" : "min_atten_db", b.limitDb());
    }
    return out;
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.6g", v);
  }
}
