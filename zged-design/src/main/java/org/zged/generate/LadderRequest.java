package org.zged.generate;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Locale;
import org.zged.InputException;
import org.zged.analysis.ResponseClass;
import org.zged.filter.Response;
import org.zged.fit.ESeries;
import org.zged.mask.Mask;
import org.zged.mask.Terminations;
import org.zged.netlist.SpiceNumber;
import org.zged.synthesis.LadderDesigner;
import org.zged.synthesis.LadderForm;

/**
 * A classical filter specification for {@code zged generate}: an order design ({@code --order N
 * --fc F}, or {@code --passband F1:F2} for band filters) or a mask ({@code --passband}, {@code
 * --stopband}, {@code --ripple-db}, {@code --attenuation-db}), with the response and the
 * terminations. Fields are the flags' text; {@link #validate()} checks everything and names the
 * flag of the first problem ({@code error: FLAG: reason}).
 *
 * @param rl a resistance or {@code open}
 * @param form {@code min-l} or {@code min-c} (default min-l)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record LadderRequest(
    String type,
    String response,
    Integer order,
    String fc,
    String rippleDb,
    String attenuationDb,
    String passband,
    String stopband,
    String rs,
    String rl,
    String form,
    String eSeries,
    Double tolerance,
    Integer trials,
    Long seed) {

  /** True when any of the ladder flags is set (the other flags then describe this spec). */
  public boolean present() {
    return response != null
        || order != null
        || rippleDb != null
        || attenuationDb != null
        || passband != null
        || stopband != null
        || rs != null
        || rl != null
        || form != null;
  }

  /** A validated spec: either an order design or a mask design. */
  public record Spec(
      ResponseClass type,
      Response response,
      Integer order,
      double rippleDb,
      double attenuationDb,
      double[] edges,
      Mask mask,
      Terminations terminations,
      LadderForm form,
      ESeries series,
      Double tolerance,
      int trials,
      long seed) {
    public boolean maskDesign() {
      return mask != null;
    }
  }

  public Spec validate() {
    Response resp = parseResponse();
    if (order != null && (order < 1 || order > LadderDesigner.MAX_ORDER)) {
      throw new InputException(
          "--order", "must be between 1 and " + LadderDesigner.MAX_ORDER + ", got " + order);
    }
    double ripple = decibels(rippleDb, "--ripple-db");
    double atten = decibels(attenuationDb, "--attenuation-db");
    if (!Double.isNaN(ripple) && !Double.isNaN(atten) && !(atten > ripple)) {
      throw new InputException(
          "--attenuation-db",
          "must exceed the passband ripple --ripple-db "
              + fmt(ripple)
              + " dB, got "
              + fmt(atten)
              + " dB");
    }
    Terminations t = terminations();
    LadderForm f = parseForm();
    ESeries series = ESeries.parse(eSeries, "--e-series");
    int nTrials = trials == null ? 1000 : trials;
    if (tolerance != null && !(tolerance > 0 && tolerance < 100)) {
      throw new InputException(
          "--tolerance", "must be a percentage between 0 and 100, got " + tolerance);
    }
    if (nTrials < 1 || nTrials > 100_000) {
      throw new InputException("--trials", "must be between 1 and 100000, got " + nTrials);
    }
    if (trials != null && tolerance == null) {
      throw new InputException("--trials", "needs --tolerance PCT as well");
    }
    long s = seed == null ? 42L : seed;
    double[] pass = edges(passband, "--passband");
    double[] stop = edges(stopband, "--stopband");
    if (stop == null) {
      return orderSpec(resp, ripple, atten, pass, t, f, series, nTrials, s);
    }
    if (pass == null) {
      throw new InputException(
          "--passband", "a mask with --stopband needs the passband edge(s) too");
    }
    ResponseClass ty = maskType(pass, stop);
    if (Double.isNaN(ripple)) {
      throw new InputException(
          "--ripple-db", "a mask needs the passband ripple (maximum attenuation) in dB");
    }
    if (Double.isNaN(atten)) {
      throw new InputException(
          "--attenuation-db", "a mask needs the minimum stopband attenuation in dB");
    }
    Mask m =
        switch (ty) {
          case LOWPASS -> Mask.lowpass(pass[0], ripple, stop[0], atten);
          case HIGHPASS -> Mask.highpass(pass[0], ripple, stop[0], atten);
          case BANDPASS -> Mask.bandpass(pass[0], pass[1], ripple, stop[0], stop[1], atten);
          default -> Mask.bandstop(pass[0], pass[1], ripple, stop[0], stop[1], atten);
        };
    return new Spec(ty, resp, order, ripple, atten, pass, m, t, f, series, tolerance, nTrials, s);
  }

  private Spec orderSpec(
      Response resp,
      double ripple,
      double atten,
      double[] pass,
      Terminations t,
      LadderForm f,
      ESeries series,
      int nTrials,
      long s) {
    if (order == null) {
      throw new InputException(
          "--order", "give the order, or a mask with --passband and --stopband (minimum order)");
    }
    Response r = resp == null ? Response.BUTTERWORTH : resp;
    ResponseClass ty = parseType(true);
    double[] edges;
    boolean band = ty == ResponseClass.BANDPASS || ty == ResponseClass.BANDSTOP;
    if (band) {
      if (pass == null || pass.length != 2) {
        throw new InputException(
            "--passband", "a " + ty.label() + " design needs both passband edges, LOW:HIGH");
      }
      if (fc != null) {
        throw new InputException(
            "--fc", "a " + ty.label() + " ladder takes its edges from --passband");
      }
      edges = pass;
    } else if (fc != null) {
      if (pass != null) {
        throw new InputException("--passband", "give the edge either as --fc or as --passband");
      }
      edges = new double[] {SpiceNumber.parsePositive(fc, "--fc")};
    } else if (pass != null && pass.length == 1) {
      edges = pass;
    } else {
      throw new InputException("--fc", "an order design needs the passband edge --fc");
    }
    if (r.rippleEdge() && Double.isNaN(ripple)) {
      throw new InputException(
          "--ripple-db", "a " + r.label() + " design needs the passband ripple in dB");
    }
    if (!r.rippleEdge() && !Double.isNaN(ripple)) {
      throw new InputException(
          "--ripple-db",
          "a "
              + r.label()
              + " order design is defined by its -3 dB edge; give a mask (--passband,"
              + " --stopband) to bound the ripple");
    }
    if (r == Response.ELLIPTIC && Double.isNaN(atten)) {
      throw new InputException(
          "--attenuation-db", "an elliptic design needs the stopband attenuation in dB");
    }
    if (r != Response.ELLIPTIC && !Double.isNaN(atten)) {
      throw new InputException(
          "--attenuation-db", "only an elliptic order design uses it; give --stopband for a mask");
    }
    return new Spec(ty, r, order, ripple, atten, edges, null, t, f, series, tolerance, nTrials, s);
  }

  private Response parseResponse() {
    if (response == null || response.strip().equalsIgnoreCase("any")) {
      if (response != null && order != null && passband != null && stopband == null) {
        throw new InputException("--response", "any needs a mask (--stopband) to choose by order");
      }
      return null;
    }
    try {
      return Response.parse(response);
    } catch (IllegalArgumentException e) {
      throw new InputException(
          "--response",
          "unknown response '"
              + response
              + "' (use butterworth, chebyshev, bessel, elliptic or any)");
    }
  }

  private ResponseClass parseType(boolean required) {
    if (type == null) {
      if (required) {
        return ResponseClass.LOWPASS;
      }
      return null;
    }
    return switch (type.strip().toLowerCase(Locale.ROOT)) {
      case "lowpass", "lp" -> ResponseClass.LOWPASS;
      case "highpass", "hp" -> ResponseClass.HIGHPASS;
      case "bandpass", "bp" -> ResponseClass.BANDPASS;
      case "bandstop", "notch", "bs" -> ResponseClass.BANDSTOP;
      default ->
          throw new InputException(
              "--type",
              "unknown type '" + type + "' (use lowpass, highpass, bandpass or bandstop)");
    };
  }

  /** The type the edges describe, checked against --type when given. */
  private ResponseClass maskType(double[] pass, double[] stop) {
    ResponseClass asked = parseType(false);
    if (pass.length != stop.length) {
      ResponseClass band = asked != null ? asked : ResponseClass.BANDPASS;
      if (band == ResponseClass.BANDPASS || band == ResponseClass.BANDSTOP) {
        String flag = pass.length == 1 ? "--passband" : "--stopband";
        throw new InputException(
            flag, "a " + band.label() + " mask needs two edges LOW:HIGH for both bands");
      }
      throw new InputException(
          pass.length == 2 ? "--passband" : "--stopband",
          "a " + band.label() + " mask has one edge per band");
    }
    ResponseClass ty;
    if (pass.length == 1) {
      ty = pass[0] < stop[0] ? ResponseClass.LOWPASS : ResponseClass.HIGHPASS;
      if (asked == ResponseClass.LOWPASS && !(stop[0] > pass[0])) {
        throw new InputException(
            "--stopband",
            "the stopband edge "
                + hz(stop[0])
                + " is inside the passband (a lowpass passes up to "
                + hz(pass[0])
                + ")");
      }
      if (asked == ResponseClass.HIGHPASS && !(stop[0] < pass[0])) {
        throw new InputException(
            "--stopband",
            "the stopband edge "
                + hz(stop[0])
                + " is inside the passband (a highpass passes from "
                + hz(pass[0])
                + ")");
      }
      if (pass[0] == stop[0]) {
        throw new InputException("--stopband", "the stopband edge equals the passband edge");
      }
    } else {
      boolean bp = stop[0] < pass[0] && pass[1] < stop[1];
      boolean bs = pass[0] < stop[0] && stop[1] < pass[1];
      if (asked == ResponseClass.BANDPASS && !bp) {
        throw new InputException(
            "--stopband",
            "a bandpass stops below and above its passband: need "
                + "stop-low < pass-low < pass-high < stop-high, got passband "
                + hz(pass[0])
                + ":"
                + hz(pass[1])
                + ", stopband "
                + hz(stop[0])
                + ":"
                + hz(stop[1]));
      }
      if (asked == ResponseClass.BANDSTOP && !bs) {
        throw new InputException(
            "--stopband",
            "a bandstop's stopband lies between its passband edges: need "
                + "pass-low < stop-low < stop-high < pass-high, got passband "
                + hz(pass[0])
                + ":"
                + hz(pass[1])
                + ", stopband "
                + hz(stop[0])
                + ":"
                + hz(stop[1]));
      }
      if (!bp && !bs) {
        throw new InputException(
            "--stopband",
            "the stopband "
                + hz(stop[0])
                + ":"
                + hz(stop[1])
                + " overlaps the passband "
                + hz(pass[0])
                + ":"
                + hz(pass[1]));
      }
      ty = bp ? ResponseClass.BANDPASS : ResponseClass.BANDSTOP;
    }
    if (asked != null && asked != ty) {
      throw new InputException(
          "--type", "the edges describe a " + ty.label() + " mask, not a " + asked.label());
    }
    return ty;
  }

  /** F or F1:F2 in Hz, ascending, each finite and > 0; null when absent. */
  private static double[] edges(String text, String flag) {
    if (text == null) {
      return null;
    }
    String[] parts = text.split(":", -1);
    if (parts.length > 2) {
      throw new InputException(flag, "expected F or LOW:HIGH, got '" + text + "'");
    }
    double[] out = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      if (parts[i].isBlank()) {
        throw new InputException(flag, "expected F or LOW:HIGH, got '" + text + "'");
      }
      out[i] = SpiceNumber.parsePositive(parts[i], flag);
    }
    if (out.length == 2 && !(out[0] < out[1])) {
      throw new InputException(flag, "the lower edge must come first: got '" + text + "'");
    }
    return out;
  }

  private static double decibels(String text, String flag) {
    if (text == null) {
      return Double.NaN;
    }
    double v;
    try {
      v = Double.parseDouble(text.strip());
    } catch (NumberFormatException e) {
      throw new InputException(flag, "must be a number of dB, got '" + text + "'");
    }
    if (!(v > 0) || Double.isInfinite(v)) {
      throw new InputException(flag, "must be a finite number of dB > 0, got '" + text + "'");
    }
    return v;
  }

  private Terminations terminations() {
    double s = Terminations.DEFAULT_OHMS;
    double l = Terminations.DEFAULT_OHMS;
    if (rs != null) {
      s = ohms(rs, "--rs", true);
      if (Double.isInfinite(s)) {
        throw new InputException("--rs", "the source resistance must be finite (0 = ideal source)");
      }
    }
    if (rl != null) {
      l = ohms(rl, "--rl", false);
    }
    if (s == 0 && Double.isInfinite(l)) {
      throw new InputException(
          "--rl", "an ideal source (--rs 0) with no load leaves the ladder unterminated");
    }
    return new Terminations(s, l);
  }

  /** A resistance ≥ 0 (source) or > 0 / open (load). */
  private static double ohms(String text, String flag, boolean zeroAllowed) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    if (!zeroAllowed && (t.equals("open") || t.equals("inf") || t.equals("none"))) {
      return Double.POSITIVE_INFINITY;
    }
    double v;
    try {
      v = SpiceNumber.parse(t);
    } catch (IllegalArgumentException e) {
      throw new InputException(
          flag,
          "must be a resistance in ohms"
              + (zeroAllowed ? " >= 0" : " > 0 or 'open'")
              + ", got '"
              + text
              + "'");
    }
    if (!Double.isFinite(v) || v < 0 || (!zeroAllowed && v == 0)) {
      throw new InputException(
          flag,
          "must be a resistance in ohms"
              + (zeroAllowed ? " >= 0" : " > 0 or 'open'")
              + ", got '"
              + text
              + "'");
    }
    return v;
  }

  private LadderForm parseForm() {
    if (form == null) {
      return LadderForm.MIN_INDUCTOR;
    }
    return switch (form.strip().toLowerCase(Locale.ROOT)) {
      case "min-l", "minl", "min-inductor" -> LadderForm.MIN_INDUCTOR;
      case "min-c", "minc", "min-capacitor" -> LadderForm.MIN_CAPACITOR;
      default ->
          throw new InputException("--form", "unknown form '" + form + "' (use min-l or min-c)");
    };
  }

  static String hz(double f) {
    return org.zged.fit.Units.hz(f);
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.6g", v);
  }
}
