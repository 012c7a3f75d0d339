package org.zged.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * One impedance-aware message-passing layer on the dense node grid. The message from node j to i is
 * {@code relu(W·h_j + Σ_k P_ijk (V_ijk·u_k + b_k))}: each component kind k ∈ {R, C, L} has its own
 * value transform u_k and offset b_k, gated by the presence mask P, so an edge's message depends on
 * which components it holds and on their scaled values. Messages are summed over neighbours (pairs
 * without any component contribute nothing), then {@code h + relu(A·m)} is layer normalised;
 * padding slots are zeroed again after every layer.
 */
public final class ImpedanceMessagePassing extends ZgedBlock {
  private final Dense neighbour;
  private final Parameter valueTransform;
  private final Parameter kindOffset;
  private final Dense update;
  private final LayerNormBlock norm;

  public ImpedanceMessagePassing(int hidden) {
    neighbour = addChildBlock("neighbour", new Dense(hidden, hidden));
    valueTransform = weight("value_transform", 3, hidden);
    kindOffset = weight("kind_offset", 3, hidden);
    update = addChildBlock("update", new Dense(hidden, hidden));
    norm = addChildBlock("norm", new LayerNormBlock(hidden));
  }

  /**
   * @param h node states [B,n,H]
   * @param nodeMask [B,n,1]
   * @param values scaled edge values [B,n,n,3]
   * @param presence edge presence [B,n,n,3]
   * @param edgeExists 1 where any component joins i and j [B,n,n,1]
   */
  public NDArray apply(
      ParameterStore ps,
      NDArray h,
      NDArray nodeMask,
      NDArray values,
      NDArray presence,
      NDArray edgeExists,
      boolean training) {
    NDArray fromNeighbour = neighbour.apply(ps, h, training).expandDims(1); // [B,1,n,H]
    NDArray edgeTerm =
        presence
            .mul(values)
            .matMul(value(ps, valueTransform, h, training))
            .add(presence.matMul(value(ps, kindOffset, h, training))); // [B,n,n,H]
    NDArray messages = Activation.relu(fromNeighbour.add(edgeTerm)).mul(edgeExists);
    NDArray aggregated = messages.sum(new int[] {2}); // [B,n,H]
    NDArray next = h.add(Activation.relu(update.apply(ps, aggregated, training)));
    return norm.apply(ps, next, training).mul(nodeMask);
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList in, boolean training, PairList<String, Object> params) {
    return new NDList(apply(ps, in.get(0), in.get(1), in.get(2), in.get(3), in.get(4), training));
  }
}
