package org.zged.generate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.zged.analysis.ResponseClass;
import org.zged.filter.Prototype;
import org.zged.filter.Response;
import org.zged.mask.Terminations;
import org.zged.synthesis.ClosedFormLadder;
import org.zged.synthesis.DrivingPointSynthesis;
import org.zged.synthesis.Ladder;
import org.zged.synthesis.LadderDesign;
import org.zged.synthesis.LadderDesigner;
import org.zged.synthesis.LadderForm;

/**
 * {@code zged bench synthesis}: the time of one ladder design — approximation, synthesis, frequency
 * transformation, exact analysis and mask verification — for every response at orders 1..9
 * (low-pass and band-pass, 50 Ω into 120 Ω), single thread, after a warm-up; and the accuracy of
 * the element values: closed-form g-values (double) against the driving-point synthesis in 50-digit
 * BigDecimal (a different method), and for Bessel and elliptic the largest deviation of the
 * ladder's own |H| from the synthesised one.
 */
public final class SynthesisBenchmark {
  private SynthesisBenchmark() {}

  public record Row(String response, double p50Ms, double p90Ms, double maxMs, int designs) {}

  public record Report(
      List<Row> rows, Row all, double closedVsBigDecimal, double realisation, int repeat) {}

  public static Report run(int repeat) {
    Terminations t = new Terminations(50, 120);
    ResponseClass[] types = {ResponseClass.LOWPASS, ResponseClass.BANDPASS};
    // warm-up: every path once
    for (int w = 0; w < 3; w++) {
      for (Response r : Response.values()) {
        for (int n = 1; n <= 9; n++) {
          for (ResponseClass ty : types) {
            design(r, n, ty, t);
          }
        }
      }
    }
    List<Row> rows = new ArrayList<>();
    List<Double> every = new ArrayList<>();
    double realisation = 0;
    for (Response r : Response.values()) {
      List<Double> ms = new ArrayList<>();
      for (int k = 0; k < repeat; k++) {
        for (int n = 1; n <= 9; n++) {
          for (ResponseClass ty : types) {
            long t0 = System.nanoTime();
            LadderDesign d = design(r, n, ty, t);
            ms.add((System.nanoTime() - t0) / 1e6);
            if (k == 0 && (r == Response.BESSEL || r == Response.ELLIPTIC)) {
              realisation = Math.max(realisation, d.realisationError());
            }
          }
        }
      }
      every.addAll(ms);
      rows.add(row(r.label(), ms));
    }
    return new Report(rows, row("all", every), closedVsBigDecimal(), realisation, repeat);
  }

  private static LadderDesign design(Response r, int n, ResponseClass ty, Terminations t) {
    double f1 = ty == ResponseClass.LOWPASS ? 1e3 : 9e3;
    double f2 = ty == ResponseClass.LOWPASS ? Double.NaN : 11e3;
    return LadderDesigner.forOrder(ty, r, n, 0.5, 50, f1, f2, t, LadderForm.MIN_INDUCTOR);
  }

  /** Max relative difference, closed form vs BigDecimal driving point, N ≤ 10, several ratios. */
  static double closedVsBigDecimal() {
    double worst = 0;
    for (Response r : new Response[] {Response.BUTTERWORTH, Response.CHEBYSHEV}) {
      for (int n = 1; n <= 10; n++) {
        for (double q : new double[] {1, 0.5, 0.25}) {
          Prototype p = LadderDesigner.prototype(r, n, 0.5, 50);
          if (DrivingPointSynthesis.transducerGain(p, q) > 1) {
            continue;
          }
          Ladder a = ClosedFormLadder.of(p, q, LadderForm.MIN_INDUCTOR);
          Ladder b = DrivingPointSynthesis.synthesize(p, 1, q, LadderForm.MIN_INDUCTOR);
          for (int i = 0; i < a.values().size(); i++) {
            worst = Math.max(worst, Math.abs(a.values().get(i) / b.values().get(i) - 1));
          }
        }
      }
    }
    return worst;
  }

  private static Row row(String name, List<Double> ms) {
    double[] v = ms.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(v);
    return new Row(name, quantile(v, 0.5), quantile(v, 0.9), v[v.length - 1], v.length);
  }

  private static double quantile(double[] sorted, double q) {
    return sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length))];
  }

  public static String render(Report r) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "ladder design = approximation + synthesis + transform + exact analysis + mask"
                + " verification;%norders 1..9, lowpass and bandpass, 50 ohm -> 120 ohm, %d"
                + " repetitions, one thread%n%n",
            r.repeat()));
    sb.append(
        String.format(
            Locale.ROOT,
            "%-12s %10s %10s %10s %8s%n",
            "response",
            "p50 ms",
            "p90 ms",
            "max ms",
            "designs"));
    for (Row row : r.rows()) {
      line(sb, row);
    }
    line(sb, r.all());
    sb.append(
        String.format(
            Locale.ROOT,
            "%nelement values, closed-form g-values (double) vs driving-point synthesis (BigDecimal),"
                + " N <= 10: max relative difference %.1e (target 1e-9)%n",
            r.closedVsBigDecimal()));
    sb.append(
        String.format(
            Locale.ROOT,
            "bessel/elliptic ladders, N <= 9: max relative deviation of the ladder's |H| from the"
                + " synthesised H %.1e%n",
            r.realisation()));
    return sb.toString();
  }

  private static void line(StringBuilder sb, Row row) {
    sb.append(
        String.format(
            Locale.ROOT,
            "%-12s %10.3f %10.3f %10.3f %8d%n",
            row.response(),
            row.p50Ms(),
            row.p90Ms(),
            row.maxMs(),
            row.designs()));
  }
}
