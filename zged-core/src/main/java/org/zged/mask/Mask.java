package org.zged.mask;

import java.util.ArrayList;
import java.util.List;
import org.zged.analysis.ResponseClass;

/**
 * A filter specification as a mask: passbands with a maximum attenuation (the ripple) and stopbands
 * with a minimum attenuation, in dB relative to the maximum of |H| over the passband(s) (so that a
 * matched doubly terminated ladder's 6 dB is not counted as loss). Frequencies in Hz.
 */
public record Mask(ResponseClass type, List<Band> bands) {
  public Mask {
    bands = List.copyOf(bands);
    if (bands.stream().noneMatch(Band::pass)) {
      throw new IllegalArgumentException("a mask needs a passband");
    }
  }

  public List<Band> passbands() {
    return bands.stream().filter(Band::pass).toList();
  }

  public List<Band> stopbands() {
    return bands.stream().filter(b -> !b.pass()).toList();
  }

  public double rippleDb() {
    return passbands().get(0).limitDb();
  }

  /** NaN when the mask has no stopband. */
  public double attenuationDb() {
    List<Band> s = stopbands();
    return s.isEmpty() ? Double.NaN : s.get(0).limitDb();
  }

  public static Mask lowpass(double passHz, double rippleDb, double stopHz, double attenuationDb) {
    List<Band> b = new ArrayList<>();
    b.add(new Band(Band.Kind.PASS, 0, passHz, rippleDb));
    if (stopHz > 0) {
      b.add(new Band(Band.Kind.STOP, stopHz, Double.POSITIVE_INFINITY, attenuationDb));
    }
    return new Mask(ResponseClass.LOWPASS, b);
  }

  public static Mask highpass(double passHz, double rippleDb, double stopHz, double attenuationDb) {
    List<Band> b = new ArrayList<>();
    if (stopHz > 0) {
      b.add(new Band(Band.Kind.STOP, 0, stopHz, attenuationDb));
    }
    b.add(new Band(Band.Kind.PASS, passHz, Double.POSITIVE_INFINITY, rippleDb));
    return new Mask(ResponseClass.HIGHPASS, b);
  }

  /** Pass between p1 and p2, stop below s1 and above s2 (no stopband when s1 = s2 = 0). */
  public static Mask bandpass(
      double p1, double p2, double rippleDb, double s1, double s2, double attenuationDb) {
    List<Band> b = new ArrayList<>();
    if (s1 > 0) {
      b.add(new Band(Band.Kind.STOP, 0, s1, attenuationDb));
    }
    b.add(new Band(Band.Kind.PASS, p1, p2, rippleDb));
    if (s2 > 0) {
      b.add(new Band(Band.Kind.STOP, s2, Double.POSITIVE_INFINITY, attenuationDb));
    }
    return new Mask(ResponseClass.BANDPASS, b);
  }

  /** Pass below p1 and above p2, stop between s1 and s2 (no stopband when s1 = s2 = 0). */
  public static Mask bandstop(
      double p1, double p2, double rippleDb, double s1, double s2, double attenuationDb) {
    List<Band> b = new ArrayList<>();
    b.add(new Band(Band.Kind.PASS, 0, p1, rippleDb));
    if (s1 > 0) {
      b.add(new Band(Band.Kind.STOP, s1, s2, attenuationDb));
    }
    b.add(new Band(Band.Kind.PASS, p2, Double.POSITIVE_INFINITY, rippleDb));
    return new Mask(ResponseClass.BANDSTOP, b);
  }
}
