package org.zged.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class OrderedChunksTest {

  /** Items that finish in a scrambled order still reach the sink in input order. */
  @Test
  void resultsArriveInInputOrder() {
    List<Integer> items = IntStream.range(0, 200).boxed().toList();
    List<Integer> seen = new ArrayList<>();
    new OrderedChunks<Integer>(4)
        .run(
            items,
            i -> {
              sleep((i * 7919) % 5); // later items often finish first
              return i * i;
            },
            seen::add);
    assertEquals(items.stream().map(i -> i * i).toList(), seen);
  }

  /** The first failing item in input order is the one reported. */
  @Test
  void theFirstFailureInInputOrderIsThrown() {
    List<Integer> items = IntStream.range(0, 100).boxed().toList();
    List<Integer> seen = new ArrayList<>();
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                new OrderedChunks<Integer>(3)
                    .run(
                        items,
                        i -> {
                          if (i == 40 || i == 41) {
                            sleep(i == 40 ? 20 : 0); // 41 fails first in time
                            throw new IllegalStateException("item " + i);
                          }
                          return i;
                        },
                        seen::add));
    assertEquals("item 40", e.getMessage());
    assertEquals(IntStream.range(0, 40).boxed().toList(), seen);
  }

  /** Never more than 2 × threads results wait for the sink. */
  @Test
  void inFlightWorkIsBounded() {
    AtomicInteger started = new AtomicInteger();
    AtomicInteger consumed = new AtomicInteger();
    int[] maxAhead = {0};
    new OrderedChunks<Integer>(2)
        .run(
            IntStream.range(0, 500).boxed().toList(),
            i -> {
              int ahead = started.incrementAndGet() - consumed.get();
              synchronized (maxAhead) {
                maxAhead[0] = Math.max(maxAhead[0], ahead);
              }
              return i;
            },
            i -> consumed.incrementAndGet());
    assertTrue(maxAhead[0] <= 4 + 1, "ahead " + maxAhead[0]);
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
