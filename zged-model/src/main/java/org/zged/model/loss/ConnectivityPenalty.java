package org.zged.model.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * A differentiable penalty for decodes that cannot be a working filter. From a soft adjacency A
 * (edge probabilities or straight-through samples, off-diagonal entries of real node pairs only —
 * counting the diagonal made the reference's version inert), it adds
 *
 * <ul>
 *   <li>{@code 1 - reach(VIN → VOUT)} and {@code 1 - reach(VIN → GND)}, where reach is soft
 *       breadth-first propagation {@code r ← min(1, r + A·r)} for n − 1 steps from VIN;
 *   <li>{@code Σ_i relu(1 - degree_i)} over real nodes (isolated nodes).
 * </ul>
 *
 * A connected decode with hard 0/1 entries scores exactly 0; one with VIN isolated scores ≥ 3.
 */
public final class ConnectivityPenalty {
  private ConnectivityPenalty() {}

  /**
   * @param adjacency [B,n,n] in [0,1]; only entries (i, j) with i < j are read and mirrored
   * @param nodeMask [B,n] 1 for real nodes
   * @return per-sample penalty [B]
   */
  public static NDArray of(NDArray adjacency, NDArray nodeMask) {
    NDManager m = adjacency.getManager();
    int n = (int) adjacency.getShape().get(1);
    float[] triu = new float[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        triu[i * n + j] = 1f;
      }
    }
    NDArray pairs = nodeMask.expandDims(2).mul(nodeMask.expandDims(1));
    NDArray upper = adjacency.mul(m.create(triu, new Shape(1, n, n))).mul(pairs);
    NDArray a = upper.add(upper.transpose(0, 2, 1));

    long b = adjacency.getShape().get(0);
    float[] start = new float[(int) b * n];
    for (int i = 0; i < b; i++) {
      start[i * n + 1] = 1f; // VIN is slot 1
    }
    NDArray reach = m.create(start, new Shape(b, n, 1));
    for (int step = 0; step < n - 1; step++) {
      reach = reach.add(a.batchMatMul(reach)).minimum(1f);
    }
    NDArray vout = reach.get(":, 2, 0");
    NDArray gnd = reach.get(":, 0, 0");
    NDArray unreached = vout.neg().add(1f).add(gnd.neg().add(1f));
    NDArray degree = a.sum(new int[] {2});
    NDArray isolated = degree.neg().add(1f).maximum(0f).mul(nodeMask).sum(new int[] {1});
    return unreached.add(isolated);
  }
}
