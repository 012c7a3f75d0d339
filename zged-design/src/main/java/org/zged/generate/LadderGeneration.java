package org.zged.generate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.zged.InputException;
import org.zged.circuit.Circuit;
import org.zged.fit.PracticalRanges;
import org.zged.mask.Band;
import org.zged.mask.BandResult;
import org.zged.mask.Mask;
import org.zged.mask.MaskMargins;
import org.zged.mask.MaskSnap;
import org.zged.mask.MaskYield;
import org.zged.netlist.NetlistWriter;
import org.zged.synthesis.LadderDesign;
import org.zged.synthesis.LadderDesigner;
import org.zged.synthesis.LadderForm;
import org.zged.synthesis.SynthesisException;

/**
 * Classical LC-ladder designs for {@code zged generate}: the ladder in the asked form first, then
 * its dual form when that exists too; each verified exactly against the mask, optionally snapped to
 * an E-series (and verified again) and run through a tolerance Monte Carlo. No model is involved.
 */
public final class LadderGeneration {
  public static final String REFERENCE =
      "attenuation in dB relative to the maximum of |H| over the passband(s)";

  private LadderGeneration() {}

  public static LadderReport generate(LadderRequest request) {
    LadderRequest.Spec spec = request.validate();
    long t0 = System.nanoTime();
    List<LadderDesign> designs = new ArrayList<>();
    LadderDesign first = design(spec, spec.form());
    designs.add(first);
    if (spec.terminations().doublyTerminated()) {
      try {
        LadderDesign dual = design(spec, first.ladder().form().dual());
        if (dual.ladder().form() != first.ladder().form()) {
          designs.add(dual);
        }
      } catch (SynthesisException e) {
        // the dual form does not exist for these terminations; the first one stands
      }
    }
    List<LadderCandidate> out = new ArrayList<>();
    for (LadderDesign d : designs) {
      out.add(candidate(out.size() + 1, d, spec));
    }
    double ms = (System.nanoTime() - t0) / 1e6;
    return new LadderReport(target(spec, first), out, ms);
  }

  private static LadderDesign design(LadderRequest.Spec s, LadderForm form) {
    try {
      if (s.maskDesign()) {
        if (s.order() != null) {
          return LadderDesigner.forMaskAtOrder(
              s.mask(),
              s.response() == null ? org.zged.filter.Response.ELLIPTIC : s.response(),
              s.order(),
              s.terminations(),
              form);
        }
        return LadderDesigner.forMask(s.mask(), s.response(), s.terminations(), form);
      }
      return LadderDesigner.forOrder(
          s.type(),
          s.response(),
          s.order(),
          s.rippleDb(),
          s.attenuationDb(),
          s.edges()[0],
          s.edges().length > 1 ? s.edges()[1] : Double.NaN,
          s.terminations(),
          form);
    } catch (SynthesisException e) {
      throw new InputException(
          s.maskDesign() && s.order() == null ? "--stopband" : "--order", e.getMessage());
    }
  }

  private static LadderCandidate candidate(int rank, LadderDesign d, LadderRequest.Spec s) {
    Circuit c = d.circuit();
    LadderCandidate.Snap snap = null;
    if (s.series() != null) {
      MaskSnap.Snapped sn = MaskSnap.snap(c, s.series(), d.mask());
      snap =
          new LadderCandidate.Snap(
              s.series().name(),
              sn.margins().meets(),
              margins(sn.margins()),
              NetlistWriter.write(sn.circuit()),
              ElementReport.of(sn.circuit()));
    }
    LadderCandidate.Yield yield = null;
    if (s.tolerance() != null) {
      Circuit base = c;
      if (s.series() != null) {
        base = MaskSnap.snap(c, s.series(), d.mask()).circuit();
      }
      MaskYield.Report r = MaskYield.run(base, d.mask(), s.tolerance(), s.trials(), s.seed());
      yield =
          new LadderCandidate.Yield(
              r.tolerancePct(),
              r.trials(),
              r.meeting(),
              r.yield(),
              r.worstPassbandDb(),
              Double.isNaN(r.worstStopbandDb()) ? null : r.worstStopbandDb());
    }
    List<String> warnings = PracticalRanges.violations(c);
    return new LadderCandidate(
        rank,
        d.response().label(),
        d.ladder().form().label(),
        d.method(),
        d.order(),
        d.formulaOrder() > 0 ? d.formulaOrder() : null,
        d.ladder().parts(),
        d.ladder().inductors(),
        d.ladder().capacitors(),
        d.meets(),
        margins(d.margins()),
        d.marginsSource(),
        d.realisationError(),
        bands(d.margins()),
        d.convention(),
        d.notes().isEmpty() ? null : d.notes(),
        warnings.isEmpty() ? null : warnings,
        NetlistWriter.write(c),
        ElementReport.of(c),
        snap,
        yield);
  }

  static Map<String, Double> margins(MaskMargins m) {
    Map<String, Double> out = new LinkedHashMap<>();
    out.put("passband", m.passbandDb());
    out.put("stopband", Double.isNaN(m.stopbandDb()) ? null : m.stopbandDb());
    return out;
  }

  static List<LadderCandidate.Band> bands(MaskMargins m) {
    List<LadderCandidate.Band> out = new ArrayList<>();
    for (BandResult r : m.bands()) {
      Band b = r.band();
      out.add(
          new LadderCandidate.Band(
              b.pass() ? "pass" : "stop",
              b.lowHz(),
              Double.isInfinite(b.highHz()) ? null : b.highHz(),
              b.limitDb(),
              r.worstDb(),
              Double.isFinite(r.worstAtHz()) ? r.worstAtHz() : null,
              r.marginDb()));
    }
    return out;
  }

  private static LadderReport.Target target(LadderRequest.Spec s, LadderDesign first) {
    Mask m = first.mask();
    List<LadderReport.MaskBand> bands = new ArrayList<>();
    for (Band b : m.bands()) {
      bands.add(
          new LadderReport.MaskBand(
              b.pass() ? "pass" : "stop", b.lowHz(),
              Double.isInfinite(b.highHz()) ? null : b.highHz(), b.limitDb()));
    }
    return new LadderReport.Target(
        s.type().label(),
        s.maskDesign() && s.order() == null ? "mask" : "order",
        s.response() == null ? "any" : s.response().label(),
        s.order(),
        Double.isNaN(s.rippleDb()) ? null : s.rippleDb(),
        Double.isNaN(s.attenuationDb()) ? null : s.attenuationDb(),
        bands,
        s.terminations().rs(),
        s.terminations().openLoad() ? null : s.terminations().rl(),
        REFERENCE);
  }
}
