package org.zged.model.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.function.BiFunction;
import org.zged.model.nn.Tensors;

/**
 * A differentiable penalty for decodes that cannot be a working filter. From a soft adjacency A
 * (edge probabilities or straight-through samples; off-diagonal entries of real node pairs only —
 * counting the diagonal made the reference's version inert), it adds
 *
 * <ul>
 *   <li>{@code (1 - reach(VOUT)) + (1 - reach(GND))}, where reach is a noisy-OR breadth-first
 *       propagation from VIN for n − 1 steps: {@code 1 - r_i ← (1 - r_i)·Π_j (1 - A_ij·r_j)};
 *   <li>{@code Σ_i Π_j (1 - A_ij)} over real nodes (the chance that a node is isolated).
 * </ul>
 *
 * The products (rather than {@code min(1, r + A·r)} and {@code relu(1 - degree)}) matter: at a
 * satisfied hard sample they are exactly 0 with zero gradient for every unused pair, whereas the
 * kinks of min/relu sit exactly on the satisfied values and leak half a gradient there, which in a
 * first version pushed the decoder to add a spurious VIN–GND edge to every small filter. A
 * connected decode with hard 0/1 entries scores 0; one with VIN isolated scores 3.
 *
 * <p>In each propagation step the neighbours' reach {@code r_j} enters as a constant (its gradient
 * is stopped); only the edges and the node's own reach carry gradient. Differentiated through r_j
 * as well, the n − 1 steps multiply the Jacobian {@code ∂r'_i/∂r_j = (1 − r_i)·A_ij·…}, which on a
 * not-yet-reached group of nodes is their adjacency matrix: its (n − 1)-th power grows like
 * degree^(n−1). At 5 nodes that is at most 4⁴; on the 16-node grid a disconnected cluster gave
 * gradient norms of 10⁷–10¹¹ and a skipped step every few dozen. With r_j held, every entry of the
 * gradient is at most n − 1 in size, and it still says what helps: connect an unreached node to a
 * reached one. The forward value is unchanged.
 */
public final class ConnectivityPenalty {
  private ConnectivityPenalty() {}

  /**
   * @param adjacency [B,n,n] in [0,1]; only entries (i, j) with i < j are read and mirrored
   * @param nodeMask [B,n] 1 for real nodes
   * @return per-sample penalty [B]
   */
  public static NDArray of(NDArray adjacency, NDArray nodeMask) {
    return of(adjacency, nodeMask, (step, reach) -> reach.stopGradient());
  }

  /**
   * As {@link #of(NDArray, NDArray)}, with the neighbours' reach at each step given by {@code
   * neighbourReach} (step, current reach [B,n]) → [B,n]; the penalty stops its gradient, a gradient
   * check substitutes the base point's values.
   */
  public static NDArray of(
      NDArray adjacency, NDArray nodeMask, BiFunction<Integer, NDArray, NDArray> neighbourReach) {
    NDManager m = adjacency.getManager();
    int n = (int) adjacency.getShape().get(1);
    float[] triu = new float[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        triu[i * n + j] = 1f;
      }
    }
    NDArray pairs = nodeMask.expandDims(2).mul(nodeMask.expandDims(1));
    NDArray upper = adjacency.mul(Tensors.of(m, triu, new Shape(1, n, n))).mul(pairs);
    return penalty(upper, nodeMask, neighbourReach);
  }

  /**
   * As {@link #of(NDArray, NDArray)}, with the pairs to read given as a 0/1 mask [B,n,n] (i < j,
   * both real nodes: {@link org.zged.model.GraphBatch#upperPairs}), made once per batch. The same
   * numbers: the products with 0/1 masks are exact in any order.
   */
  public static NDArray of(NDArray adjacency, NDArray nodeMask, NDArray upperPairs) {
    return penalty(adjacency.mul(upperPairs), nodeMask, (step, reach) -> reach.stopGradient());
  }

  private static NDArray penalty(
      NDArray upper, NDArray nodeMask, BiFunction<Integer, NDArray, NDArray> neighbourReach) {
    NDManager m = upper.getManager();
    int n = (int) upper.getShape().get(1);
    NDArray a = upper.add(upper.transpose(0, 2, 1));
    // 1 − x as one op on a scalar tensor: the same bits as −x + 1 (DJL's add(1f) also makes a
    // scalar array each time), and the same gradient, −1
    NDArray one = Tensors.of(m, new float[] {1f}, new Shape());
    NDArray noEdge = one.sub(a); // [B,n,n]

    long b = upper.getShape().get(0);
    float[] start = new float[(int) b * n];
    for (int i = 0; i < b; i++) {
      start[i * n + 1] = 1f; // VIN is slot 1
    }
    NDArray reach = Tensors.of(m, start, new Shape(b, n));
    for (int step = 0; step < n - 1; step++) {
      // 1 - r_i <- (1 - r_i) * prod_j (1 - A_ij r_j), all j at once
      NDArray blocked =
          one.sub(a.mul(neighbourReach.apply(step, reach).expandDims(1))).prod(new int[] {2});
      reach = one.sub(one.sub(reach).mul(blocked));
    }
    NDArray missing = one.sub(reach.get(":, 2")).add(one.sub(reach.get(":, 0")));
    NDArray isolated = noEdge.prod(new int[] {2});
    return missing.add(isolated.mul(nodeMask).sum(new int[] {1}));
  }
}
