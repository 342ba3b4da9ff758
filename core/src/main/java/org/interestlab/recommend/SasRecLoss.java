package org.interestlab.recommend;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.training.loss.Loss;

/**
 * SASRec's next-item objective (Kang &amp; McAuley 2018, eq. 8): binary cross-entropy of the true next
 * item against one sampled negative at every real position,
 * <pre>
 *   loss = Σ_t keep_t · [ −log σ(r_pos,t) − log(1 − σ(r_neg,t)) ] / Σ_t keep_t
 * </pre>
 * computed stably as {@code softplus(−r_pos) + softplus(r_neg)} with
 * {@code softplus(x) = max(x, 0) + log(1 + e^−|x|)}. Labels: {@code keep [B, L]}; predictions: the
 * positive and negative logits {@code [B, L]}.
 */
final class SasRecLoss extends Loss {
  SasRecLoss() {
    super("sasrec-bce");
  }

  @Override
  public NDArray evaluate(NDList labels, NDList predictions) {
    NDArray keep = labels.singletonOrThrow();
    NDArray perPosition = softplus(predictions.get(0).neg()).add(softplus(predictions.get(1)));
    return perPosition.mul(keep).sum().div(keep.sum());
  }

  static NDArray softplus(NDArray x) {
    return Activation.relu(x).add(x.abs().neg().exp().add(1).log());
  }
}
