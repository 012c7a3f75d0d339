package org.zged.mask;

/**
 * The exact worst case over one band: the largest attenuation in a passband or the smallest in a
 * stopband (dB, relative to the passband maximum), where it occurs, and the margin to the limit
 * (positive = inside the mask).
 */
public record BandResult(Band band, double worstDb, double worstAtHz, double marginDb) {}
