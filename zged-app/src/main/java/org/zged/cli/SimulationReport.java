package org.zged.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.hipparchus.complex.Complex;
import org.zged.analysis.Analysis;
import org.zged.analysis.FilterSpecs;
import org.zged.netlist.AcSweep;
import org.zged.netlist.Netlist;

/**
 * What {@code zged simulate --json} prints: one object, snake_case keys, poles and zeros as [re,
 * im] pairs in rad/s, coefficients in ascending powers of s. A spec that does not apply is null; so
 * is one that is infinite (a lossless resonance's Q), with {@code lossless} true.
 */
@JsonPropertyOrder(alphabetic = false)
public record SimulationReport(
    String file,
    String title,
    @JsonProperty("input_node") String inputNode,
    @JsonProperty("output_node") String outputNode,
    int order,
    @JsonProperty("transfer_function") Coefficients transferFunction,
    List<double[]> poles,
    List<double[]> zeros,
    double gain,
    @JsonProperty("response_class") String responseClass,
    @JsonProperty("fc_hz") Double fcHz,
    @JsonProperty("f0_hz") Double f0Hz,
    Double q,
    @JsonProperty("bandwidth_hz") Double bandwidthHz,
    @JsonProperty("f_low_hz") Double fLowHz,
    @JsonProperty("f_high_hz") Double fHighHz,
    @JsonProperty("passband_gain") Double passbandGain,
    @JsonProperty("pole_q") Double poleQ,
    @JsonProperty("pole_f0_hz") Double poleF0Hz,
    boolean lossless,
    Sweep sweep,
    Ngspice ngspice) {

  /** H(s) = numerator(s)/denominator(s), ascending powers of s, s in rad/s. */
  public record Coefficients(double[] numerator, double[] denominator) {}

  /** The frequency grid used for --csv and --plot. */
  public record Sweep(
      @JsonProperty("points_per_decade") int pointsPerDecade,
      @JsonProperty("fstart_hz") double fStartHz,
      @JsonProperty("fstop_hz") double fStopHz) {}

  /** The --check-ngspice result (null without the flag). */
  public record Ngspice(
      int points,
      @JsonProperty("max_relative_error") double maxRelativeError,
      @JsonProperty("worst_frequency_hz") double worstFrequencyHz) {}

  public static SimulationReport of(Netlist netlist, Analysis a, AcSweep sweep) {
    return of(netlist, a, sweep, null);
  }

  public static SimulationReport of(
      Netlist netlist, Analysis a, AcSweep sweep, NgspiceCheck check) {
    FilterSpecs s = a.specs();
    return new SimulationReport(
        netlist.source(),
        netlist.circuit().title(),
        netlist.inNode(),
        netlist.outNode(),
        a.transferFunction().order(),
        new Coefficients(a.transferFunction().numerator(), a.transferFunction().denominator()),
        pairs(a.poles()),
        pairs(a.zeros()),
        a.gain(),
        s.responseClass().label(),
        finite(s.fcHz()),
        finite(s.f0Hz()),
        finite(s.q()),
        finite(s.bandwidthHz()),
        finite(s.fLowHz()),
        finite(s.fHighHz()),
        finite(s.passbandGain()),
        finite(s.poleQ()),
        finite(s.poleF0Hz()),
        s.lossless(),
        new Sweep(sweep.pointsPerDecade(), sweep.fStartHz(), sweep.fStopHz()),
        check == null
            ? null
            : new Ngspice(check.points(), check.maxRelativeError(), check.worstFrequencyHz()));
  }

  static List<double[]> pairs(List<Complex> roots) {
    return roots.stream().map(c -> new double[] {c.getReal(), c.getImaginary()}).toList();
  }

  /** JSON has no infinity or NaN; those become null (the "lossless" flag says why). */
  static Double finite(Double v) {
    return v == null || !Double.isFinite(v) ? null : v;
  }
}
