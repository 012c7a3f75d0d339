package org.zged.model;

/**
 * Keeps DJL offline and quiet: no network look-ups for engines or models, one intra-op thread (at
 * this model size one thread beat two on a 2-core machine), and no INFO start-up lines. Callers may
 * override each setting with a system property before the first model is created.
 */
public final class DjlEnvironment {
  private static volatile boolean done;

  private DjlEnvironment() {}

  public static void prepare() {
    if (done) {
      return;
    }
    synchronized (DjlEnvironment.class) {
      if (done) {
        return;
      }
      setDefault("ai.djl.offline", "true");
      setDefault("ai.djl.pytorch.num_threads", "1");
      setDefault("ai.djl.pytorch.num_interop_threads", "1");
      setDefault("org.slf4j.simpleLogger.log.ai.djl", "error");
      setDefault("org.slf4j.simpleLogger.defaultLogLevel", "warn");
      done = true;
    }
  }

  private static void setDefault(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
