package org.zged.model;

import ai.djl.pytorch.jni.JniUtils;
import java.util.function.Supplier;

/**
 * Runs model work with PyTorch's autograd switched off on the calling thread. The switch is per
 * thread and DJL turns it off only on the thread that starts the engine, so on any other thread (a
 * web worker, a background loader) filling weights in place would fail and every inference would
 * build a graph nobody reads. The previous state is restored, so a caller inside a training step
 * keeps its gradients.
 */
public final class NoGrad {
  private NoGrad() {}

  /** The intra-op thread count asked for ({@code -Dai.djl.pytorch.num_threads}), or -1. */
  private static final int THREADS = Integer.getInteger("ai.djl.pytorch.num_threads", -1);

  public static <T> T call(Supplier<T> body) {
    // OpenMP's thread count is per calling thread: a web worker would otherwise run the same ops
    // with the default count, with a different summation order (results differing in the 6th
    // digit from the same call on the main thread).
    if (THREADS > 0 && JniUtils.getNumThreads() != THREADS) {
      JniUtils.setNumThreads(THREADS);
    }
    boolean was = JniUtils.isGradMode();
    if (was) {
      JniUtils.setGradMode(false);
    }
    try {
      return body.get();
    } finally {
      if (was) {
        JniUtils.setGradMode(true);
      }
    }
  }

  public static void run(Runnable body) {
    call(
        () -> {
          body.run();
          return null;
        });
  }
}
