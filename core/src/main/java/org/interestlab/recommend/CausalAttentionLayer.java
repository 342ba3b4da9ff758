package org.interestlab.recommend;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;

/**
 * One self-attention block of SASRec (Kang &amp; McAuley 2018, §III-B/C), pre-norm residual layout:
 * <pre>
 *   x ← x + dropout(Attention(LN₁(x)))            causal: position t reads positions ≤ t only
 *   x ← x + dropout(W₂ dropout(ReLU(W₁ LN₂(x) + b₁)) + b₂)
 *   x ← x · keep                                 padding positions stay zero
 * </pre>
 * Attention has query, key and value projections and no output projection, as in the paper; with
 * {@code heads > 1} the hidden size is split evenly over the heads. Inputs: {@code x [B, L, d]},
 * the additive mask {@code [B, 1, L, L]} (0 where a query may read a key, {@link #BLOCKED} elsewhere)
 * and the keep mask {@code [B, L, 1]}. Cost: {@code O(B · L² · d + B · L · d²)} per call.
 */
final class CausalAttentionLayer extends AbstractBlock {
  /** Added to the score of a key a query may not read: far below any real score, yet finite, so a
   * padding query (which may read nothing) still gets a finite, unused softmax row. */
  static final float BLOCKED = -1e9f;

  private final int hidden;
  private final int heads;
  private final SeededDropout dropout;
  private final Parameter norm1Gamma;
  private final Parameter norm1Beta;
  private final Parameter query;
  private final Parameter queryBias;
  private final Parameter key;
  private final Parameter keyBias;
  private final Parameter value;
  private final Parameter valueBias;
  private final Parameter norm2Gamma;
  private final Parameter norm2Beta;
  private final Parameter ffnIn;
  private final Parameter ffnInBias;
  private final Parameter ffnOut;
  private final Parameter ffnOutBias;

  CausalAttentionLayer(int hidden, int heads, SeededDropout dropout, SeededInitializer init) {
    this.hidden = hidden;
    this.heads = heads;
    this.dropout = dropout;
    Shape vec = new Shape(hidden);
    Shape mat = new Shape(hidden, hidden);
    norm1Gamma = param("norm1_gamma", Parameter.Type.GAMMA, vec, SeededInitializer.constant(1));
    norm1Beta = param("norm1_beta", Parameter.Type.BETA, vec, Initializer.ZEROS);
    query = param("query", Parameter.Type.WEIGHT, mat, init.xavier());
    queryBias = param("query_bias", Parameter.Type.BIAS, vec, Initializer.ZEROS);
    key = param("key", Parameter.Type.WEIGHT, mat, init.xavier());
    keyBias = param("key_bias", Parameter.Type.BIAS, vec, Initializer.ZEROS);
    value = param("value", Parameter.Type.WEIGHT, mat, init.xavier());
    valueBias = param("value_bias", Parameter.Type.BIAS, vec, Initializer.ZEROS);
    norm2Gamma = param("norm2_gamma", Parameter.Type.GAMMA, vec, SeededInitializer.constant(1));
    norm2Beta = param("norm2_beta", Parameter.Type.BETA, vec, Initializer.ZEROS);
    ffnIn = param("ffn_in", Parameter.Type.WEIGHT, mat, init.xavier());
    ffnInBias = param("ffn_in_bias", Parameter.Type.BIAS, vec, Initializer.ZEROS);
    ffnOut = param("ffn_out", Parameter.Type.WEIGHT, mat, init.xavier());
    ffnOutBias = param("ffn_out_bias", Parameter.Type.BIAS, vec, Initializer.ZEROS);
  }

  private Parameter param(String name, Parameter.Type type, Shape shape, Initializer init) {
    return addParameter(Parameter.builder().setName(name).setType(type).optShape(shape).optInitializer(init).build());
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.get(0);
    NDArray mask = inputs.get(1);
    NDArray keep = inputs.get(2);
    NDArray h = norm(ps, x, norm1Gamma, norm1Beta, training);
    NDArray q = linear(ps, h, query, queryBias, training);
    NDArray k = linear(ps, h, key, keyBias, training);
    NDArray v = linear(ps, h, value, valueBias, training);
    x = x.add(dropout.apply(attend(q, k, v, mask, heads, dropout, training), training));
    h = norm(ps, x, norm2Gamma, norm2Beta, training);
    NDArray f = dropout.apply(Activation.relu(linear(ps, h, ffnIn, ffnInBias, training)), training);
    f = dropout.apply(linear(ps, f, ffnOut, ffnOutBias, training), training);
    return new NDList(x.add(f).mul(keep));
  }

  /**
   * Scaled dot-product attention of {@code q, k, v [B, L, d]} split over {@code heads}:
   * {@code softmax(q kᵀ / √d_h + mask) v} per head, the attention weights passed through dropout.
   */
  static NDArray attend(NDArray q, NDArray k, NDArray v, NDArray mask, int heads, SeededDropout dropout, boolean training) {
    long b = q.getShape().get(0);
    long len = q.getShape().get(1);
    long d = q.getShape().get(2);
    long dh = d / heads;
    NDArray q4 = q.reshape(b, len, heads, dh).transpose(0, 2, 1, 3);
    NDArray k4 = k.reshape(b, len, heads, dh).transpose(0, 2, 3, 1);
    NDArray v4 = v.reshape(b, len, heads, dh).transpose(0, 2, 1, 3);
    NDArray weights = ScalarOps.divide(q4.matMul(k4), Math.sqrt(dh)).add(mask).softmax(-1);
    if (dropout != null) weights = dropout.apply(weights, training);
    return weights.matMul(v4).transpose(0, 2, 1, 3).reshape(b, len, d);
  }

  private NDArray linear(ParameterStore ps, NDArray x, Parameter w, Parameter bias, boolean training) {
    return x.matMul(ps.getValue(w, x.getDevice(), training)).add(ps.getValue(bias, x.getDevice(), training));
  }

  private NDArray norm(ParameterStore ps, NDArray x, Parameter gamma, Parameter beta, boolean training) {
    return LayerNorm.layerNorm(x, new Shape(hidden), ps.getValue(gamma, x.getDevice(), training),
        ps.getValue(beta, x.getDevice(), training), SasRecNetwork.NORM_EPS).singletonOrThrow();
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0]};
  }
}
