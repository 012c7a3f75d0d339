package org.zged.model.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * One self-attention layer among the slot embeddings of the shared edge path ({@code
 * decoder.edge_path: shared_attention}): single-head scaled dot-product attention over the n slots,
 * {@code h ← LN(h + O·softmax(QKᵀ/√d)·V)}, then a feed-forward step {@code h ← LN(h +
 * W₂·relu(W₁·h))}. Each slot's embedding can then depend on what the others hold before the shared
 * pair MLP reads two of them.
 */
public final class SlotSelfAttention extends ZgedBlock {
  private final int dim;
  private final Dense query;
  private final Dense key;
  private final Dense value;
  private final Dense out;
  private final LayerNormBlock norm1;
  private final Dense ffn1;
  private final Dense ffn2;
  private final LayerNormBlock norm2;

  public SlotSelfAttention(int dim) {
    this.dim = dim;
    query = addChildBlock("query", new Dense(dim, dim));
    key = addChildBlock("key", new Dense(dim, dim));
    value = addChildBlock("value", new Dense(dim, dim));
    out = addChildBlock("out", new Dense(dim, dim));
    norm1 = addChildBlock("norm1", new LayerNormBlock(dim));
    ffn1 = addChildBlock("ffn1", new Dense(dim, dim));
    ffn2 = addChildBlock("ffn2", new Dense(dim, dim));
    norm2 = addChildBlock("norm2", new LayerNormBlock(dim));
  }

  /**
   * @param h slot embeddings [B,n,d]
   * @return the attended embeddings [B,n,d]
   */
  public NDArray apply(ParameterStore ps, NDArray h, boolean training) {
    NDArray q = query.apply(ps, h, training);
    NDArray k = key.apply(ps, h, training);
    NDArray v = value.apply(ps, h, training);
    NDArray weights = Tensors.div(q.batchMatMul(k.transpose(0, 2, 1)), Math.sqrt(dim)).softmax(-1);
    NDArray a = norm1.apply(ps, h.add(out.apply(ps, weights.batchMatMul(v), training)), training);
    NDArray f = ffn2.apply(ps, Activation.relu(ffn1.apply(ps, a, training)), training);
    return norm2.apply(ps, a.add(f), training);
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList in, boolean training, PairList<String, Object> params) {
    return new NDList(apply(ps, in.singletonOrThrow(), training));
  }
}
