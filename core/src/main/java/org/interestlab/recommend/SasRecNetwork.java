package org.interestlab.recommend;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * The SASRec network (Kang &amp; McAuley 2018) as a DJL block: item embeddings, learned positional
 * embeddings, {@code blocks} causal self-attention layers ({@link CausalAttentionLayer}) and a final
 * layer norm; an item's score at a position is the dot product of the position's state with the item's
 * embedding (the input and output embeddings are shared, as in the paper).
 *
 * <p><b>Item embeddings from text.</b> With document vectors {@code x_i} (e.g. 384-d MiniLM), item
 * {@code i}'s embedding is {@code x_i W + b + e_i}: a learned projection of its text plus a learned ID
 * offset {@code e_i} that starts at zero. An item no training sequence mentions never receives a
 * gradient on {@code e_i}, so its embedding stays the projection of its text: the cold-start path. An
 * item without content has {@code x_i = 0}, so it is {@code b + e_i} (just {@code b}, shared by all such
 * items, if it is also unseen). Without text, {@code e_i} is the whole embedding, Gaussian-initialised.
 *
 * <p><b>Inputs</b> (left-padded, item index + 1, 0 = padding): {@code seq [B, L]} and {@code keep [B, L]}
 * (1 on real positions). With two more arrays {@code pos, neg [B, L]} it returns the logits of the
 * positive and negative items at every position (training); with only the two it returns the state of
 * the last position {@code [B, d]} and the item embeddings {@code [items, d]} (scoring). Positional
 * embeddings are indexed by recency (0 = the latest item), so a sequence means the same whatever the
 * padded length of its batch — the paper's fixed-length left padding does the same.
 */
final class SasRecNetwork extends AbstractBlock {
  static final float NORM_EPS = 1e-8f;

  private final int items;
  private final int hidden;
  private final int maxLength;
  private final float[] text;
  private final int textDim;
  private final SeededDropout dropout;
  private final Parameter textProjection;
  private final Parameter textBias;
  private final Parameter itemIds;
  private final Parameter positions;
  private final Parameter finalGamma;
  private final Parameter finalBeta;
  private final List<CausalAttentionLayer> layers = new ArrayList<>();

  /**
   * @param text item document vectors, row-major {@code [items, textDim]} (rows of zero for items
   *     without content), or null to learn ID embeddings only
   */
  SasRecNetwork(int items, float[] text, int textDim, int hidden, int maxLength, int blocks, int heads, SeededDropout dropout,
      SeededInitializer init) {
    this.items = items;
    this.hidden = hidden;
    this.maxLength = maxLength;
    this.text = text;
    this.textDim = textDim;
    this.dropout = dropout;
    Shape vec = new Shape(hidden);
    if (text != null) {
      textProjection = param("text_projection", Parameter.Type.WEIGHT, new Shape(textDim, hidden), init.xavier());
      textBias = param("text_bias", Parameter.Type.BIAS, vec, Initializer.ZEROS);
      itemIds = param("item_ids", Parameter.Type.WEIGHT, new Shape(items, hidden), Initializer.ZEROS);
    } else {
      textProjection = null;
      textBias = null;
      itemIds = param("item_ids", Parameter.Type.WEIGHT, new Shape(items, hidden), init.normal(1 / Math.sqrt(hidden)));
    }
    positions = param("positions", Parameter.Type.WEIGHT, new Shape(maxLength, hidden), init.xavier());
    for (int b = 0; b < blocks; b++) layers.add(addChildBlock("attention" + b, new CausalAttentionLayer(hidden, heads, dropout, init)));
    finalGamma = param("final_gamma", Parameter.Type.GAMMA, vec, SeededInitializer.constant(1));
    finalBeta = param("final_beta", Parameter.Type.BETA, vec, Initializer.ZEROS);
  }

  private Parameter param(String name, Parameter.Type type, Shape shape, Initializer init) {
    return addParameter(Parameter.builder().setName(name).setType(type).optShape(shape).optInitializer(init).build());
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray seq = inputs.get(0);
    NDArray keep = inputs.get(1);
    NDManager m = seq.getManager();
    NDArray table = itemTable(ps, m, training);
    NDArray padded = m.zeros(new Shape(1, hidden)).concat(table, 0);
    NDArray states = states(ps, padded, seq, keep, training);
    if (inputs.size() == 4) {
      NDArray pos = gather(padded, inputs.get(2)).mul(states).sum(new int[] {2});
      NDArray neg = gather(padded, inputs.get(3)).mul(states).sum(new int[] {2});
      return new NDList(pos, neg);
    }
    long len = seq.getShape().get(1);
    return new NDList(states.get(new NDIndex(":, {}, :", len - 1)), table);
  }

  /** {@code [items, d]}: every item's embedding (text projection plus ID offset, or the ID embedding alone). */
  private NDArray itemTable(ParameterStore ps, NDManager m, boolean training) {
    NDArray ids = ps.getValue(itemIds, m.getDevice(), training);
    if (text == null) return ids;
    NDArray x = m.create(text, new Shape(items, textDim));
    return x.matMul(ps.getValue(textProjection, m.getDevice(), training)).add(ps.getValue(textBias, m.getDevice(), training)).add(ids);
  }

  /** The state of every position after the attention layers and the final norm, {@code [B, L, d]}. */
  private NDArray states(ParameterStore ps, NDArray padded, NDArray seq, NDArray keep, boolean training) {
    long b = seq.getShape().get(0);
    int len = Math.toIntExact(seq.getShape().get(1));
    NDManager m = seq.getManager();
    long[] recency = new long[len];
    for (int t = 0; t < len; t++) recency[t] = len - 1 - t;
    NDArray pos = ps.getValue(positions, m.getDevice(), training).get(new NDIndex("{}", m.create(recency)));
    NDArray keep3 = keep.reshape(b, len, 1);
    NDArray x = dropout.apply(gather(padded, seq).add(pos), training).mul(keep3);
    NDArray mask = attentionMask(keep);
    for (CausalAttentionLayer layer : layers) x = layer.forward(ps, new NDList(x, mask, keep3), training).singletonOrThrow();
    return LayerNorm.layerNorm(x, new Shape(hidden), ps.getValue(finalGamma, m.getDevice(), training),
        ps.getValue(finalBeta, m.getDevice(), training), NORM_EPS).singletonOrThrow();
  }

  /**
   * The additive attention mask {@code [B, 1, L, L]} for a keep mask {@code [B, L]}: 0 where query
   * {@code t} may read key {@code s} — a real position {@code s ≤ t}, or itself — and
   * {@link CausalAttentionLayer#BLOCKED} elsewhere. A padding query reads only itself: a row with every
   * key blocked would be a softmax over equal huge negatives, and its backward pass gave non-finite
   * gradients on the dev data; padding rows are zeroed after every layer anyway.
   */
  static NDArray attentionMask(NDArray keep) {
    long b = keep.getShape().get(0);
    int len = Math.toIntExact(keep.getShape().get(1));
    float[] k = keep.toFloatArray();
    float[] mask = new float[Math.toIntExact(b * len * len)];
    for (int r = 0; r < b; r++) {
      for (int t = 0; t < len; t++) {
        for (int s = 0; s < len; s++) {
          boolean readable = s == t || (s < t && k[r * len + s] > 0);
          if (!readable) mask[(r * len + t) * len + s] = CausalAttentionLayer.BLOCKED;
        }
      }
    }
    return keep.getManager().create(mask, new Shape(b, 1, len, len));
  }

  /** Rows of {@code table} for every index of {@code index [B, L]}: {@code [B, L, d]}. */
  private NDArray gather(NDArray table, NDArray index) {
    Shape s = index.getShape();
    return table.get(new NDIndex("{}", index.flatten())).reshape(s.get(0), s.get(1), hidden);
  }

  int maxLength() {
    return maxLength;
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape x = new Shape(1, 1, hidden);
    for (CausalAttentionLayer layer : layers) layer.initialize(manager, dataType, x, new Shape(1, 1, 1, 1), new Shape(1, 1, 1));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape seq = inputShapes[0];
    if (inputShapes.length == 4) return new Shape[] {seq, seq};
    return new Shape[] {new Shape(seq.get(0), hidden), new Shape(items, hidden)};
  }
}
