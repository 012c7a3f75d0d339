package org.zged.model;

/**
 * The order in which the autoregressive edge path ({@code decoder.edge_path: autoregressive})
 * decides the node pairs, and the masks that make it autoregressive. The pairs (i, j), i &lt; j, of
 * the n slots come in lexicographic order, which is also the order in which the constrained decoder
 * visits the pairs of the nodes it keeps, so a decode can commit each pair's class as it decides
 * it.
 *
 * <p>The masks are those of MADE (Germain et al., 2015) with one hidden layer: input pair k has
 * degree k, hidden unit u a degree m(u) in [0, P − 2] spread evenly over the units; the unit reads
 * input pair k when k ≤ m(u), and output pair d reads the unit when m(u) &lt; d. Output pair d
 * therefore depends on the classes of pairs 0 … d − 1 only.
 */
public final class PairSequence {
  private PairSequence() {}

  /** P = n (n − 1) / 2. */
  public static int pairs(int n) {
    return n * (n - 1) / 2;
  }

  /** The position of pair (i, j), i &lt; j, in the order. */
  public static int index(int n, int i, int j) {
    if (i >= j) {
      throw new IllegalArgumentException("pair (" + i + ", " + j + ") needs i < j");
    }
    return i * (2 * n - i - 1) / 2 + (j - i - 1);
  }

  /** The degree of hidden unit u of {@code hidden}. */
  public static int degree(int u, int hidden, int pairs) {
    return pairs < 2 ? 0 : (int) ((long) u * (pairs - 1) / hidden);
  }

  /** The input mask [P·classes, hidden], row-major: 1 where input pair k feeds unit u. */
  public static float[] inputMask(int pairs, int classes, int hidden) {
    float[] m = new float[pairs * classes * hidden];
    for (int k = 0; k < pairs; k++) {
      for (int u = 0; u < hidden; u++) {
        if (k <= degree(u, hidden, pairs)) {
          for (int c = 0; c < classes; c++) {
            m[(k * classes + c) * hidden + u] = 1f;
          }
        }
      }
    }
    return m;
  }

  /** The output mask [hidden, P·classes], row-major: 1 where unit u feeds output pair d. */
  public static float[] outputMask(int pairs, int classes, int hidden) {
    float[] m = new float[hidden * pairs * classes];
    for (int u = 0; u < hidden; u++) {
      int deg = degree(u, hidden, pairs);
      for (int d = deg + 1; d < pairs; d++) {
        for (int c = 0; c < classes; c++) {
          m[u * pairs * classes + d * classes + c] = 1f;
        }
      }
    }
    return m;
  }

  /**
   * The [n·n, P] matrix that takes a grid to its upper pairs (gather: 1 at ((i·n + j), index(i, j))
   * for i &lt; j) or, with {@code symmetric}, also at ((j·n + i), index(i, j)) (its transpose then
   * scatters a pair's value to both orders).
   */
  public static float[] selection(int n, boolean symmetric) {
    int p = pairs(n);
    float[] s = new float[n * n * p];
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        int k = index(n, i, j);
        s[(i * n + j) * p + k] = 1f;
        if (symmetric) {
          s[(j * n + i) * p + k] = 1f;
        }
      }
    }
    return s;
  }
}
