package org.zged.dataset;

import java.util.function.Function;
import org.zged.analysis.FilterSpecs;

/** The numeric spec labels, with their snake_case keys in files (shared with {@code --json}). */
enum SpecField {
  FC_HZ("fc_hz", FilterSpecs::fcHz),
  F0_HZ("f0_hz", FilterSpecs::f0Hz),
  Q("q", FilterSpecs::q),
  BANDWIDTH_HZ("bandwidth_hz", FilterSpecs::bandwidthHz),
  F_LOW_HZ("f_low_hz", FilterSpecs::fLowHz),
  F_HIGH_HZ("f_high_hz", FilterSpecs::fHighHz),
  PASSBAND_GAIN("passband_gain", FilterSpecs::passbandGain),
  POLE_Q("pole_q", FilterSpecs::poleQ),
  POLE_F0_HZ("pole_f0_hz", FilterSpecs::poleF0Hz);

  private final String key;
  private final Function<FilterSpecs, Double> getter;

  SpecField(String key, Function<FilterSpecs, Double> getter) {
    this.key = key;
    this.getter = getter;
  }

  String key() {
    return key;
  }

  Double get(FilterSpecs specs) {
    return getter.apply(specs);
  }
}
