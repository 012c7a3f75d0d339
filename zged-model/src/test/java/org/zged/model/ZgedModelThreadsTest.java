package org.zged.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.zged.circuit.Circuit;

/**
 * PyTorch's autograd switch is per thread: a model must load and run on threads other than the one
 * that started the engine (a web server's workers, a background loader).
 */
class ZgedModelThreadsTest {
  private static final Circuit RC =
      Circuit.builder().r("R1", "vin", "vout", 1e3).c("C1", "vout", "0", 1e-7).build();

  @Test
  void loadsAndRunsOnAFreshThreadLikeOnTheFirstOne() throws Exception {
    float[] here;
    try (ZgedModel m = ZgedModel.loadDefault()) {
      here = m.encode(RC);
    }
    AtomicReference<Throwable> failure = new AtomicReference<>();
    AtomicReference<float[]> there = new AtomicReference<>();
    AtomicReference<Integer> edges = new AtomicReference<>();
    Thread t =
        new Thread(
            () -> {
              try (ZgedModel m = ZgedModel.loadDefault()) {
                float[] z = m.encode(RC);
                there.set(z);
                edges.set(m.decode(z).graph().edges().size());
              } catch (Throwable e) {
                failure.set(e);
              }
            });
    t.start();
    t.join();
    assertNull(failure.get(), () -> "on a fresh thread: " + failure.get());
    assertArrayEquals(here, there.get(), 1e-6f);
    assertEquals(2, edges.get());
  }
}
