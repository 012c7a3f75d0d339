package org.zged.fit;

import java.util.LinkedHashMap;
import java.util.Map;
import org.zged.analysis.FilterSpecs;
import org.zged.analysis.ResponseClass;

/**
 * How far achieved specs are from a response target: relative errors |achieved/target − 1| per
 * targeted spec (null when not targeted), and whether the response class is the one asked for. A
 * targeted spec the circuit does not have (a first-order filter has no pole Q) counts as an
 * infinite error.
 */
public record SpecErrors(boolean classMatches, Double fc, Double q, Double gain) {

  public static SpecErrors of(SpecTarget t, FilterSpecs s) {
    ResponseClass cls = t.type() != null ? t.type() : s.responseClass();
    boolean classOk =
        t.type() == null ? isFilterClass(s.responseClass()) : t.type() == s.responseClass();
    Double fc = t.fcHz() == null ? null : relative(frequency(cls, s), t.fcHz());
    Double q = t.q() == null ? null : relative(q(cls, s), t.q());
    Double gain = t.gain() == null ? null : relative(s.passbandGain(), t.gain());
    return new SpecErrors(classOk, fc, q, gain);
  }

  /** The largest relative error; infinite when the class is wrong. */
  public double worst() {
    if (!classMatches) {
      return Double.POSITIVE_INFINITY;
    }
    double w = 0;
    for (Double e : new Double[] {fc, q, gain}) {
      if (e != null) {
        w = Math.max(w, e);
      }
    }
    return w;
  }

  public boolean within(double tolerance) {
    return worst() <= tolerance;
  }

  /** {@code {"fc": 0.0004, "q": 0.001}}: targeted specs only, in that order. */
  public Map<String, Double> asMap() {
    Map<String, Double> m = new LinkedHashMap<>();
    if (fc != null) {
      m.put("fc", fc);
    }
    if (q != null) {
      m.put("q", q);
    }
    if (gain != null) {
      m.put("gain", gain);
    }
    return m;
  }

  /** The frequency --fc refers to: the −3 dB cutoff, or the centre of a band filter. */
  public static Double frequency(ResponseClass cls, FilterSpecs s) {
    return cls == ResponseClass.BANDPASS || cls == ResponseClass.BANDSTOP ? s.f0Hz() : s.fcHz();
  }

  /** The Q --q refers to: f0/BW of a band filter, else the dominant pole pair's Q. */
  public static Double q(ResponseClass cls, FilterSpecs s) {
    return cls == ResponseClass.BANDPASS || cls == ResponseClass.BANDSTOP ? s.q() : s.poleQ();
  }

  static boolean isFilterClass(ResponseClass c) {
    return c == ResponseClass.LOWPASS
        || c == ResponseClass.HIGHPASS
        || c == ResponseClass.BANDPASS
        || c == ResponseClass.BANDSTOP;
  }

  private static double relative(Double achieved, double target) {
    if (achieved == null || !Double.isFinite(achieved)) {
      return Double.POSITIVE_INFINITY;
    }
    return Math.abs(achieved / target - 1);
  }
}
