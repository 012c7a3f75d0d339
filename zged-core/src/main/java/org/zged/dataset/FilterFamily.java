package org.zged.dataset;

import static org.zged.circuit.Circuit.GND;
import static org.zged.circuit.Circuit.VIN;
import static org.zged.circuit.Circuit.VOUT;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.zged.analysis.ResponseClass;
import org.zged.circuit.Circuit;
import org.zged.circuit.ElementKind;

/**
 * The twelve synthetic filter families: a fixed topology each, values drawn log-uniformly. Each
 * family is named by what its circuits really do (checked by the dataset tests against the exact
 * analysis), not by what the reference called them; {@link #seedName()} gives the reference's name.
 */
public enum FilterFamily implements CircuitFamily {
  /** R in series, C to ground: H = 1/(1 + sRC). */
  RC_LOWPASS(
      "rc_lowpass",
      "low_pass",
      ResponseClass.LOWPASS,
      List.of(r("R1", 2, 5), c("C1", -9, -6)),
      v -> Circuit.builder().r("R1", VIN, VOUT, v[0]).c("C1", VOUT, GND, v[1]).build()),
  /** C in series, R to ground: H = sRC/(1 + sRC). */
  RC_HIGHPASS(
      "rc_highpass",
      "high_pass",
      ResponseClass.HIGHPASS,
      List.of(r("R1", 2, 5), c("C1", -9, -6)),
      v -> Circuit.builder().c("C1", VIN, VOUT, v[1]).r("R1", VOUT, GND, v[0]).build()),
  /** Series R and L, output across the shunt C: a second-order low-pass (the seed's band_pass). */
  RLC_LOWPASS(
      "rlc_lowpass",
      "band_pass",
      ResponseClass.LOWPASS,
      List.of(r("R1", 2, 4), l("L1", -4, -2), c("C1", -9, -6)),
      v ->
          Circuit.builder()
              .r("R1", VIN, "n1", v[0])
              .l("L1", "n1", VOUT, v[1])
              .c("C1", VOUT, GND, v[2])
              .build()),
  /** Series L and C, output across the shunt R: a second-order band-pass peaking at 1/√(LC). */
  RLC_BANDPASS(
      "rlc_bandpass",
      null,
      ResponseClass.BANDPASS,
      List.of(r("R1", 2, 4), l("L1", -4, -2), c("C1", -9, -6)),
      v ->
          Circuit.builder()
              .l("L1", VIN, "n1", v[1])
              .c("C1", "n1", VOUT, v[2])
              .r("R1", VOUT, GND, v[0])
              .build()),
  /**
   * A parallel L‖C‖Rp tank behind Rs, read through the divider Rl/Ro: a band-pass peaking at
   * 1/√(LC) (the seed's band_stop). Rp = 2·Rs, Ro = Rl.
   */
  TANK_BANDPASS(
      "tank_bandpass",
      "band_stop",
      ResponseClass.BANDPASS,
      List.of(r("Rs", 2, 4), l("L1", -4, -2), c("C1", -9, -6), r("Rl", 3, 5)),
      v ->
          Circuit.builder()
              .r("Rs", VIN, "n1", v[0])
              .l("L1", "n1", GND, v[1])
              .c("C1", "n1", GND, v[2])
              .r("Rp", "n1", GND, 2 * v[0])
              .r("Rl", "n1", VOUT, v[3])
              .r("Ro", VOUT, GND, v[3])
              .build()),
  /** A series L–C trap from n1 to ground behind Rs, read through Rl/Ro: a notch at 1/√(LC). */
  NOTCH_BANDSTOP(
      "notch_bandstop",
      null,
      ResponseClass.BANDSTOP,
      List.of(r("Rs", 2, 4), l("L1", -4, -2), c("C1", -9, -6), r("Rl", 3, 5)),
      v ->
          Circuit.builder()
              .r("Rs", VIN, "n1", v[0])
              .l("L1", "n1", "n2", v[1])
              .c("C1", "n2", GND, v[2])
              .r("Rl", "n1", VOUT, v[3])
              .r("Ro", VOUT, GND, v[3])
              .build()),
  /** Series R–L–C into the load Rl = 10·R: a band-pass peaking at 1/√(LC). */
  RLC_SERIES(
      "rlc_series",
      "rlc_series",
      ResponseClass.BANDPASS,
      List.of(r("R1", 1, 3), l("L1", -4, -2), c("C1", -9, -6)),
      v ->
          Circuit.builder()
              .r("R1", VIN, "n1", v[0])
              .l("L1", "n1", "n2", v[1])
              .c("C1", "n2", VOUT, v[2])
              // 10·R is not always the double nearest the decimal; round so the file holds it.
              .r("Rl", VOUT, GND, DecimalText.round(10 * v[0], DecimalText.LABEL_DIGITS))
              .build()),
  /** Rs in series, L‖C‖Rp to ground at the output: a band-pass peaking at 1/√(LC). */
  RLC_PARALLEL(
      "rlc_parallel",
      "rlc_parallel",
      ResponseClass.BANDPASS,
      List.of(r("Rs", 2, 3), r("Rp", 3, 5), l("L1", -4, -2), c("C1", -9, -6)),
      v ->
          Circuit.builder()
              .r("Rs", VIN, VOUT, v[0])
              .l("L1", VOUT, GND, v[2])
              .c("C1", VOUT, GND, v[3])
              .r("Rp", VOUT, GND, v[1])
              .build()),
  /** Lossless L in series, C to ground: H = 1/(1 + s²LC), poles on the jω axis. */
  LC_LOWPASS(
      "lc_lowpass",
      null,
      ResponseClass.LOWPASS,
      List.of(l("L1", -4, -2), c("C1", -9, -6)),
      v -> Circuit.builder().l("L1", VIN, VOUT, v[0]).c("C1", VOUT, GND, v[1]).build()),
  /** Lossless C in series, L to ground: H = s²LC/(1 + s²LC). */
  CL_HIGHPASS(
      "cl_highpass",
      null,
      ResponseClass.HIGHPASS,
      List.of(l("L1", -4, -2), c("C1", -9, -6)),
      v -> Circuit.builder().c("C1", VIN, VOUT, v[1]).l("L1", VOUT, GND, v[0]).build()),
  /** L in series, R to ground: H = (R/L)/(s + R/L). */
  RL_LOWPASS(
      "rl_lowpass",
      null,
      ResponseClass.LOWPASS,
      List.of(r("R1", 2, 5), l("L1", -4, -2)),
      v -> Circuit.builder().l("L1", VIN, VOUT, v[1]).r("R1", VOUT, GND, v[0]).build()),
  /** R in series, L to ground: H = s/(s + R/L). */
  RL_HIGHPASS(
      "rl_highpass",
      null,
      ResponseClass.HIGHPASS,
      List.of(r("R1", 2, 5), l("L1", -4, -2)),
      v -> Circuit.builder().r("R1", VIN, VOUT, v[0]).l("L1", VOUT, GND, v[1]).build());

  private final String id;
  private final String seedName;
  private final ResponseClass expectedClass;
  private final List<ValueRange> ranges;
  private final Topology topology;

  FilterFamily(
      String id,
      String seedName,
      ResponseClass expectedClass,
      List<ValueRange> ranges,
      Topology topology) {
    this.id = id;
    this.seedName = seedName;
    this.expectedClass = expectedClass;
    this.ranges = ranges;
    this.topology = topology;
  }

  /** The name used in files and on the command line, e.g. {@code rc_lowpass}. */
  @Override
  public String id() {
    return id;
  }

  /**
   * The reference's (seed's) name for this topology, or null for the families the seed did not
   * have. Two are misnomers there: its band_pass is {@link #RLC_LOWPASS} and its band_stop is
   * {@link #TANK_BANDPASS}.
   */
  public String seedName() {
    return seedName;
  }

  public boolean inSeed() {
    return seedName != null;
  }

  /** The response class every circuit of this family has. */
  @Override
  public ResponseClass expectedClass() {
    return expectedClass;
  }

  /** The independently drawn values, in draw order; tied values (Rp = 2·Rs …) are not listed. */
  public List<ValueRange> ranges() {
    return ranges;
  }

  /** A circuit of this family with values drawn from {@code rng}. */
  @Override
  public Circuit sample(SplittableRandom rng) {
    double[] values = new double[ranges.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = ranges.get(i).sample(rng);
    }
    return build(values);
  }

  /** The circuit with the given independent values, in the order of {@link #ranges()}. */
  public Circuit build(double... values) {
    if (values.length != ranges.size()) {
      throw new IllegalArgumentException(
          id + " takes " + ranges.size() + " values, got " + Arrays.toString(values));
    }
    return topology.build(values);
  }

  /** The seed's six families, in the seed's order. */
  public static List<FilterFamily> seedFamilies() {
    return Arrays.stream(values()).filter(FilterFamily::inSeed).toList();
  }

  /** Looks up a family by its id (case-insensitive, '-' accepted for '_'). */
  public static FilterFamily parse(String id) {
    String key = id.trim().toLowerCase(Locale.ROOT).replace('-', '_');
    for (FilterFamily f : values()) {
      if (f.id.equals(key)) {
        return f;
      }
    }
    throw new IllegalArgumentException(
        "unknown family '" + id + "' (known: " + String.join(", ", ids()) + ")");
  }

  public static List<String> ids() {
    return Arrays.stream(values()).map(FilterFamily::id).toList();
  }

  private static ValueRange r(String name, double lo, double hi) {
    return new ValueRange(name, ElementKind.R, lo, hi);
  }

  private static ValueRange c(String name, double lo, double hi) {
    return new ValueRange(name, ElementKind.C, lo, hi);
  }

  private static ValueRange l(String name, double lo, double hi) {
    return new ValueRange(name, ElementKind.L, lo, hi);
  }
}
