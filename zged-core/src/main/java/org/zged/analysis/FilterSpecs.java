package org.zged.analysis;

/**
 * The specs of a transfer function, each computed exactly; a spec that does not apply is null.
 *
 * <ul>
 *   <li>{@code fcHz}: lowpass/highpass −3 dB cutoff relative to the passband gain;
 *   <li>{@code f0Hz}: bandpass peak or bandstop notch frequency;
 *   <li>{@code q}: f0 / bandwidth for bandpass and bandstop;
 *   <li>{@code bandwidthHz}, {@code fLowHz}, {@code fHighHz}: the −3 dB band edges;
 *   <li>{@code passbandGain}: |H| in the passband (|H(0)|, |H(∞)| or the peak);
 *   <li>{@code poleQ}, {@code poleF0Hz}: Q and natural frequency of the dominant pole pair (null
 *       for a first-order response);
 *   <li>{@code lossless}: poles on the jω axis (an infinite peak or an undamped resonance).
 * </ul>
 */
public record FilterSpecs(
    ResponseClass responseClass,
    Double fcHz,
    Double f0Hz,
    Double q,
    Double bandwidthHz,
    Double fLowHz,
    Double fHighHz,
    Double passbandGain,
    Double poleQ,
    Double poleF0Hz,
    boolean lossless) {}
