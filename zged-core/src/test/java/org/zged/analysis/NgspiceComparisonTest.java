package org.zged.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hipparchus.complex.Complex;
import org.junit.jupiter.api.Test;
import org.zged.circuit.Circuit;
import org.zged.netlist.AcSweep;
import org.zged.netlist.NetlistWriter;
import org.zged.spice.Ngspice;
import org.zged.spice.NgspiceAc;

/**
 * The exact analysis against ngspice on 10 Hz–100 MHz at 100 points per decade, for the textbook
 * circuits and 240 random circuits (three topologies, values tuned to the window or spread over the
 * full ranges): magnitude within 1e-6 relative with an absolute floor of 1e-9·max|H|, phase within
 * 1e-4° wherever |H| is at least 1e-6·max|H| (away from notches and deep stopbands, where ngspice's
 * own solve has no phase digits left).
 */
class NgspiceComparisonTest {
  static final double MAG_REL = 1e-6;
  static final double MAG_FLOOR = 1e-9;
  static final double PHASE_DEG = 1e-4;
  static final double PHASE_FLOOR = 1e-6;
  static final int RANDOM_PER_KIND = 40;

  static Map<String, Circuit> suite() {
    Map<String, Circuit> all = new LinkedHashMap<>(TestCircuits.textbook());
    SplittableRandom rnd = new SplittableRandom(20261124);
    for (TestCircuits.Topology t : TestCircuits.Topology.values()) {
      for (boolean tuned : new boolean[] {true, false}) {
        for (int i = 0; i < RANDOM_PER_KIND; i++) {
          Circuit c = TestCircuits.random(rnd, t, tuned);
          all.put(c.title() + " #" + i, c);
        }
      }
    }
    return all;
  }

  /**
   * The worst deviation of one circuit; {@code failure} describes the first point where we differ
   * from ngspice and from the 60-digit solution; {@code ngspiceOff} counts points where ngspice
   * alone is off (ours within 1e-9 of the 60-digit solution, ngspice not within tolerance).
   */
  record Outcome(
      String name, double worstMagnitude, double worstPhase, String failure, int ngspiceOff) {}

  static Outcome run(String name, Circuit circuit) {
    NgspiceAc ng;
    try {
      ng = Ngspice.ac(circuit, AcSweep.DEFAULT);
    } catch (RuntimeException e) {
      return new Outcome(
          name, 0, 0, name + ": " + e.getMessage() + "\n" + NetlistWriter.write(circuit), 0);
    }
    return compare(name, circuit, ng);
  }

  static Outcome compare(String name, Circuit circuit, NgspiceAc ng) {
    Analysis analysis = CircuitAnalyzer.analyze(circuit);
    FrequencyResponse ours = analysis.response(ng.frequencyHz());
    double max = 0;
    for (var h : ng.h()) {
      max = Math.max(max, h.norm());
    }
    double worstMag = 0;
    double worstPhase = 0;
    int ngspiceOff = 0;
    for (int i = 0; i < ng.size(); i++) {
      double ref = ng.h()[i].norm();
      double mag = Math.pow(10, ours.magnitudeDb()[i] / 20);
      double err = Math.abs(mag - ref) / (ref + MAG_FLOOR / MAG_REL * max);
      double d = 0;
      if (ref >= PHASE_FLOOR * max) {
        double refPhase = Math.toDegrees(ng.h()[i].getArgument());
        d = Math.abs(ours.phaseDeg()[i] - refPhase) % 360;
        d = Math.min(d, 360 - d);
      }
      if (err <= MAG_REL && d <= PHASE_DEG) {
        worstMag = Math.max(worstMag, err);
        worstPhase = Math.max(worstPhase, d);
        continue;
      }
      Complex exact = HighPrecisionNodalSolver.solve(circuit, ng.frequencyHz()[i]);
      double oursVsExact = Math.abs(mag - exact.norm()) / exact.norm();
      double phaseVsExact =
          Math.abs(ours.phaseDeg()[i] - Math.toDegrees(exact.getArgument())) % 360;
      phaseVsExact = Math.min(phaseVsExact, 360 - phaseVsExact);
      if (oursVsExact <= 1e-9 && phaseVsExact <= 1e-6) {
        ngspiceOff++;
        continue;
      }
      return new Outcome(
          name, err, d, failure(name, circuit, ng, i, mag, ours) + "60-digit: " + exact, 0);
    }
    return new Outcome(name, worstMag, worstPhase, null, ngspiceOff);
  }

  private static String failure(
      String name, Circuit c, NgspiceAc ng, int i, double mag, FrequencyResponse ours) {
    return String.format(
        Locale.ROOT,
        "%s at %.6g Hz: ngspice %s, ours |H|=%.12g phase %.9f%n%s",
        name,
        ng.frequencyHz()[i],
        ng.h()[i],
        mag,
        ours.phaseDeg()[i],
        NetlistWriter.write(c));
  }

  @Test
  void exactAnalysisMatchesNgspiceOnEveryPoint() throws Exception {
    assumeTrue(Ngspice.available(), "ngspice is not installed");
    Map<String, Circuit> suite = suite();
    assertTrue(suite.size() >= 200, "at least 200 circuits");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<Outcome>> futures = new ArrayList<>();
    try {
      for (var e : suite.entrySet()) {
        futures.add(pool.submit(() -> run(e.getKey(), e.getValue())));
      }
      List<String> failures = new ArrayList<>();
      double worstMag = 0;
      double worstPhase = 0;
      int exactMatches = 0;
      List<String> ngspiceOff = new ArrayList<>();
      for (Future<Outcome> f : futures) {
        Outcome o = f.get();
        if (o.failure() == null && o.ngspiceOff() == 0) {
          exactMatches++;
        } else if (o.ngspiceOff() > 0) {
          ngspiceOff.add(o.name() + " (" + o.ngspiceOff() + " points)");
        }
        worstMag = Math.max(worstMag, o.worstMagnitude());
        worstPhase = Math.max(worstPhase, o.worstPhase());
        if (o.failure() != null) {
          failures.add(o.failure());
        }
      }
      System.out.printf(
          Locale.ROOT,
          "ngspice comparison: %d circuits x 701 points; %d agree at every point (worst magnitude"
              + " error %.3g relative, worst phase error %.3g deg); ngspice alone off on %s;"
              + " %d failures%n",
          suite.size(),
          exactMatches,
          worstMag,
          worstPhase,
          ngspiceOff,
          failures.size());
      assertEquals(
          List.of(), failures.stream().limit(5).toList(), failures.size() + " circuits differ");
    } finally {
      pool.shutdownNow();
    }
  }
}
