package org.zged.model.inference;

/**
 * What a decode of one latent asks the decoder about the edges: each slot pair's class
 * log-probabilities, in {@link org.zged.model.PairSequence} order, given the classes committed so
 * far, and the scaled values of a decided graph. On the factorised edge paths neither depends on
 * what was decided ({@link #fixed}); on the autoregressive path both do.
 */
public interface EdgeModel {

  /** Starts a decode given the node classes of the n slots (0–3 a node type, 4 absent). */
  Sequence start(int[] nodeClasses);

  /** Scaled values [n·n·3] of the graph whose pair classes are {@code classes} [n·n]. */
  float[] values(int[] classes);

  /** Whether {@link #values} depends on the classes (then a decode asks for its graph's). */
  boolean valuesFollowClasses();

  /** One decode in progress. */
  interface Sequence {
    /**
     * The 8 class log-probabilities of slot pair (i, j), i &lt; j, given the classes committed so
     * far (a pair never committed counts as NONE). The array is the caller's.
     */
    float[] logProbs(int i, int j);

    /** Decides pair (i, j), i &lt; j, as {@code cls}; pairs are committed in order. */
    void commit(int i, int j, int cls);

    /** An independent copy (for looking ahead). */
    Sequence copy();
  }

  /** The factorised paths: one decoder output for every prefix. */
  static EdgeModel fixed(float[] edgeLogProbs, float[] values, int n) {
    return new EdgeModel() {
      @Override
      public Sequence start(int[] nodeClasses) {
        return new Sequence() {
          @Override
          public float[] logProbs(int i, int j) {
            int off = (i * n + j) * 8;
            return java.util.Arrays.copyOfRange(edgeLogProbs, off, off + 8);
          }

          @Override
          public void commit(int i, int j, int cls) {}

          @Override
          public Sequence copy() {
            return this;
          }
        };
      }

      @Override
      public float[] values(int[] classes) {
        return values;
      }

      @Override
      public boolean valuesFollowClasses() {
        return false;
      }
    };
  }
}
