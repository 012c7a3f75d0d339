package org.zged.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.zged.model.ZgedModel;

/**
 * Concurrent designs on a pool: several are in progress at the same time (each on its own model
 * instance, so no model lock serialises them), and each answer is the one the same request gets
 * alone — concurrency changes nothing in the results.
 */
class GeneratorPoolTest {
  /**
   * The answer's decisions — which topologies, from which source, with how many parts, whether each
   * meets the target — and its values rounded to 9 significant digits: the JIT may compile
   * Math.log/exp to intrinsics between two runs, which can move the last bits of a fit.
   */
  private static String stable(GenerateResponse r) {
    StringBuilder sb = new StringBuilder(String.valueOf(r.diagnosis()));
    for (CandidateReport c : r.candidates()) {
      sb.append('|').append(c.topology()).append(' ').append(c.source()).append(' ');
      sb.append(c.parts()).append(' ').append(c.meetsTarget());
      for (ElementReport e : c.elements()) {
        sb.append(' ').append(e.name()).append('=');
        sb.append(String.format(java.util.Locale.ROOT, "%.5g", e.value()));
      }
    }
    return sb.toString();
  }

  /** Each concurrent answer's errors are those of a fresh analysis of its own values. */
  private static void reverify(GenerateRequest r, GenerateResponse answer) {
    for (CandidateReport c : answer.candidates()) {
      org.zged.circuit.Circuit.Builder b = org.zged.circuit.Circuit.builder();
      for (ElementReport e : c.elements()) {
        b.add(
            e.name(),
            org.zged.circuit.ElementKind.valueOf(e.kind()),
            e.nodes().get(0),
            e.nodes().get(1),
            e.value());
      }
      var errors =
          org.zged.fit.SpecErrors.of(
              r.target(), org.zged.analysis.CircuitAnalyzer.specs(b.build()));
      for (var entry : c.error().entrySet()) {
        assertEquals(errors.asMap().get(entry.getKey()), entry.getValue(), 1e-12, entry.getKey());
      }
    }
  }

  @Test
  void designsRunConcurrentlyAndGiveTheSequentialAnswers() throws Exception {
    List<GenerateRequest> requests =
        List.of(
            GenerateRequest.of("highpass", 2e3, 0.9),
            GenerateRequest.of("lowpass", 1e4, 0.707),
            GenerateRequest.of("bandpass", 5e3, 4.0),
            GenerateRequest.of("highpass", 700.0, 1.3),
            GenerateRequest.of("bandstop", 6e4, 2.0),
            GenerateRequest.of("lowpass", 300.0, 2.5));
    try (GeneratorPool pool = GeneratorPool.of(3, ZgedModel::loadDefault, null)) {
      List<String> alone = new ArrayList<>();
      for (GenerateRequest r : requests) {
        alone.add(stable(pool.generate(r)));
      }
      assertEquals(1, pool.peakConcurrency());
      ExecutorService threads = Executors.newFixedThreadPool(requests.size());
      CountDownLatch start = new CountDownLatch(1);
      List<Future<String>> together = new ArrayList<>();
      for (GenerateRequest r : requests) {
        together.add(
            threads.submit(
                () -> {
                  start.await();
                  GenerateResponse answer = pool.generate(r);
                  reverify(r, answer);
                  return stable(answer);
                }));
      }
      start.countDown();
      for (int i = 0; i < requests.size(); i++) {
        assertEquals(alone.get(i), together.get(i).get(), "request " + i);
      }
      threads.shutdown();
      assertTrue(pool.peakConcurrency() >= 2, "peak " + pool.peakConcurrency());
      assertTrue(pool.peakConcurrency() <= 3);
    }
  }
}
